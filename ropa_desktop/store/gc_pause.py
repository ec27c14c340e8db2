"""Pausing Python's cyclic garbage collector while bulk work builds many objects.

An import of 10,000 rows creates a few hundred thousand objects that all stay alive until
the end; the collector's full passes over that growing heap cost a third of the import's
time and free nothing. The objects are acyclic and freed by reference counting, so the
collector is paused for the bulk work and runs again (as before) afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector inside the block (nested and threaded use allowed: it
    runs again when the last block ends, if it ran before the first one began)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
