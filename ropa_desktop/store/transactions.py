"""Write transactions that really are transactions, on every backend."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

WRITE = "ropa_write"
"""Execution option marking a connection that is about to write.

On SQLite the engine begins such transactions with ``BEGIN IMMEDIATE`` (see
``database.create_db_engine``), so two writers never interleave a
read-compare-write; PostgreSQL writers lock the rows they replace instead.
"""


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction: committed at the end, rolled back on error.

    Raising :class:`DryRun` inside the block rolls everything back and is
    swallowed here: that is how an import is rehearsed.
    """
    try:
        with engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn
    except DryRun:
        pass


class DryRun(Exception):
    """Raised inside :func:`writing` to roll back work that was only a rehearsal."""
