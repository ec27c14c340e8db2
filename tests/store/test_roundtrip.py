"""Export → import into an empty database → export gives the identical document."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from sqlalchemy import delete
from strategies import registers

from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.io.json_register import document_to_register, dumps
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import Base


def _empty(store) -> None:
    with store.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(delete(table))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(register=registers())
def test_json_round_trip_is_exact(db_url, register):
    first = open_store(db_url)
    second = open_store(db_url)
    _empty(first)
    first.import_register(register)
    exported = dumps(first.load_register())
    # The stored register is the generated one, field for field.
    assert json.loads(exported) == register_to_document(register)
    _empty(second)
    second.import_register(document_to_register(json.loads(exported), "export.json"))
    assert dumps(second.load_register()) == exported
    first.engine.dispose()
