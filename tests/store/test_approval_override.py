"""An approval override is written with the activity, in one transaction, on both backends."""

from __future__ import annotations

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.store.workflow import save_with_override


def test_override_and_status_are_recorded_together(db_url):
    store = open_store(db_url, user="dsb")
    act = m.Activity(name="Meldewesen")
    org = m.Organisation(name="Gemeinde", activities=[act])
    store.import_register(m.Register(organisations=[org]))
    loaded = store.load_activity(act.uid)
    loaded.status = m.ActivityStatus.APPROVED
    saved = save_with_override(store, org.uid, loaded, "Entscheidung der Leitung")
    assert saved.version == loaded.version and saved.version > 1
    fields = {h.field: h for h in store.history(act.uid)}
    assert fields["approval_override"].new == "Entscheidung der Leitung"
    assert fields["approval_override"].user == "dsb"
    assert (fields["status"].old, fields["status"].new) == ("draft", "approved")

    stale = store.load_activity(act.uid)
    stale.version = 1  # loaded before the approval
    with pytest.raises(ConflictError):
        save_with_override(store, org.uid, stale, "noch einmal")
    assert [h.new for h in store.history(act.uid) if h.field == "approval_override"] == [
        "Entscheidung der Leitung"
    ]
