"""Every restricted base prompt, in the order written (the order fixes each prompt's split)."""

from __future__ import annotations

from datagen.blind_use2.restricted_advice import ADVICE
from datagen.blind_use2.restricted_harm import HARM
from datagen.blind_use2.restricted_misc import MISC

RESTRICTED = [*HARM, *ADVICE, *MISC]
