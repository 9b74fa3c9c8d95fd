"""The server process's heap after start-up: frozen out of the garbage collector's full collections.

Start-up builds about 126,000 long-lived objects (the config, the policy, the recognizers' patterns, the
use rules' phrase index, the adapters' tables). Every full collection walked them all again: a pause of
about 34 ms of CPU on the event loop (`tests/bench/gc_pause.py`), every few thousand requests, during
which no request moved. `gc.freeze()` moves what exists into a generation no collection visits; what
requests allocate is collected as before. A reload builds a new state: everything is unfrozen first, so
that whatever of the old state is garbage is collected, and what remains is frozen again (an old state
still held by requests in flight at that moment is frozen with it, until the next reload frees it).
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up (or a reload) left behind, then freeze what remains."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
