"""Every benign base prompt, in the order written (the order fixes each prompt's split)."""

from __future__ import annotations

from datagen.blind_use2.benign_analytics import ANALYTICS
from datagen.blind_use2.benign_general import GENERAL
from datagen.blind_use2.benign_more import MORE

BENIGN = [*ANALYTICS, *GENERAL, *MORE]
