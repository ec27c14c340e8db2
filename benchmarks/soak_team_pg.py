"""A team editing one organisation at once on PostgreSQL: no lost update, save latency.

    .venv/bin/python benchmarks/soak_team_pg.py [--url URL] [--seconds 60] [--workers 10]

Without ``--url`` a throwaway PostgreSQL server is started (``tests/pgserver.py``; it runs
with fsync off, so latencies are those of the server's work, not of the disk). The demo
register is written, then ``--workers`` processes (one Store each, as many users) pick random
activities of the organisation with the most activities for ``--seconds``: load it, write a
unique token into its notes, save. Each records its successful saves (uid, new version,
token, latency) and its conflicts.

Checked at the end — no lost update: every successful save is either the final state of its
activity (final version and notes are its own) or superseded by a later recorded successful
save of the same activity (a higher version); no two successful saves share an activity's
version; the history holds every token saved. Printed: saves, conflicts, p50/p95 save
latency against the goal (p95 < 150 ms), and two baselines measured in the same run by the
same number of processes, as ratios: the same number of plain one-column ``UPDATE``s (no
version check, no history), and the same number of saves as the store wrote them before
versions (whole record and history, no check).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import ChangeRow
from ropa_desktop.store.repository import ConflictError
from ropa_desktop.store.transactions import writing
from ropa_desktop.store.writing import Writer

GOAL_P95_MS = 150.0


def _editor(
    url: str, worker: int, organisation: str, uids: list[str], deadline: float, results: Any
) -> None:
    """One user: load a random activity, change its notes, save; until the deadline."""
    store = open_store(url, user=f"user{worker}")
    org_uid = store.load_organisation(organisation).uid
    rng = random.Random(worker)
    saves: list[tuple[str, int, str, float]] = []
    conflicts = 0
    while time.time() < deadline:
        uid = rng.choice(uids)
        act = store.load_activity(uid)
        if act is None:
            continue
        token = f"user{worker}-{uuid.uuid4().hex[:8]}"
        act.notes = token
        time.sleep(rng.uniform(0, 0.02))  # the user types; others save meanwhile
        start = time.perf_counter()
        try:
            saved = store.save_activity(org_uid, act)
        except ConflictError:
            conflicts += 1
            continue
        saves.append((uid, saved.version, token, (time.perf_counter() - start) * 1000))
    store.engine.dispose()
    results.put((worker, saves, conflicts))


def _plain_updates(url: str, worker: int, uids: list[str], count: int, results: Any) -> None:
    """Baseline: ``count`` plain one-column UPDATEs, each its own transaction."""
    store = open_store(url, user=f"base{worker}")
    rng = random.Random(1000 + worker)
    times: list[float] = []
    for i in range(count):
        start = time.perf_counter()
        with store.engine.begin() as conn:
            conn.execute(
                text("UPDATE activity SET notes = :n WHERE uid = :u"),
                {"n": f"base{worker}-{i}", "u": rng.choice(uids)},
            )
        times.append((time.perf_counter() - start) * 1000)
    store.engine.dispose()
    results.put((worker, times))


def _unchecked_saves(
    url: str, worker: int, organisation: str, uids: list[str], count: int, results: Any
) -> None:
    """Baseline: ``count`` saves as the store wrote them before versions (the same
    load-change-save of a whole activity with its history, no version check)."""
    store = open_store(url, user=f"unchecked{worker}")
    org_uid = store.load_organisation(organisation).uid
    rng = random.Random(2000 + worker)
    times: list[float] = []
    for i in range(count):
        act = store.load_activity(rng.choice(uids))
        assert act is not None
        act.notes = f"unchecked{worker}-{i}"
        time.sleep(rng.uniform(0, 0.02))
        start = time.perf_counter()
        with writing(store.engine) as conn:
            writer = Writer(conn, store.user)
            writer.put_activity(writer.organisation_id(org_uid), act, touch=True)
        times.append((time.perf_counter() - start) * 1000)
    store.engine.dispose()
    results.put((worker, times))


def _phase(ctx: Any, target: Any, args: list[tuple[Any, ...]]) -> list[Any]:
    """Run one process per argument tuple (the queue is appended); their results."""
    queue = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*a, queue)) for a in args]
    for p in procs:
        p.start()
    found = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    return found


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def check_no_lost_update(url: str, saves: list[tuple[str, int, str, float]]) -> list[str]:
    """Problems found: saves lost without a later save of the same activity, shared
    versions, tokens missing from the history."""
    store = open_store(url)
    problems: list[str] = []
    by_uid: dict[str, list[tuple[int, str]]] = {}
    for uid, version, token, _ms in saves:
        by_uid.setdefault(uid, []).append((version, token))
    for uid, recorded in by_uid.items():
        final = store.load_activity(uid)
        assert final is not None
        versions = [v for v, _t in recorded]
        if len(versions) != len(set(versions)):
            problems.append(f"{uid}: two successful saves got the same version")
        newest_version, newest_token = max(recorded)
        if (final.version, final.notes) != (newest_version, newest_token):
            problems.append(
                f"{uid}: the newest recorded save (version {newest_version}) is "
                f"not the final state (version {final.version})"
            )
    with store.engine.connect() as conn:
        saved_tokens = set(
            conn.execute(select(ChangeRow.new).where(ChangeRow.field == "notes")).scalars()
        )
    missing = [t for _u, _v, t, _ms in saves if t not in saved_tokens]
    if missing:
        problems.append(f"{len(missing)} saved tokens are missing from the history")
    store.engine.dispose()
    return problems


def run(url: str, seconds: float, workers: int) -> int:
    """The soak on ``url``; prints the figures; 0 when no update was lost."""
    store = open_store(url, user="setup")
    store.import_register(build_demo_register(date.today()), description="Demo", kind="demo")
    org = max(store.organisations(), key=lambda o: o.activities)
    uids = [a.uid for a in store.load_organisation(org.name).activities]
    store.engine.dispose()
    print(f"{workers} users editing the {len(uids)} activities of {org.name!r} for {seconds:g} s")
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    deadline = time.time() + seconds + 3  # the processes need a moment to start
    procs = [
        ctx.Process(target=_editor, args=(url, w, org.name, uids, deadline, results))
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    per_worker = [results.get() for _ in procs]
    for p in procs:
        p.join()
    saves = [s for _w, worker_saves, _c in per_worker for s in worker_saves]
    conflicts = sum(c for _w, _s, c in per_worker)
    latencies = [ms for *_rest, ms in saves]

    problems = check_no_lost_update(url, saves)  # before the baseline overwrites notes
    counts = {w: len(s) for w, s, _c in per_worker}
    plain = [
        ms
        for _w, times in _phase(
            ctx, _plain_updates, [(url, w, uids, counts[w]) for w in range(workers)]
        )
        for ms in times
    ]
    unchecked = [
        ms
        for _w, times in _phase(
            ctx, _unchecked_saves, [(url, w, org.name, uids, counts[w]) for w in range(workers)]
        )
        for ms in times
    ]

    p50, p95 = _percentile(latencies, 0.5), _percentile(latencies, 0.95)
    b50, b95 = _percentile(plain, 0.5), _percentile(plain, 0.95)
    print(f"successful saves:        {len(saves)}")
    print(
        f"conflicts (refused):     {conflicts} "
        f"({100 * conflicts / max(1, conflicts + len(saves)):.0f} % of attempts)"
    )
    print(
        f"save latency p50 / p95:  {p50:.1f} ms / {p95:.1f} ms "
        f"(goal p95 < {GOAL_P95_MS:.0f} ms: {'met' if p95 < GOAL_P95_MS else 'MISSED'})"
    )
    print(f"mean save latency:       {statistics.fmean(latencies):.1f} ms" if latencies else "")
    print(
        f"baseline plain UPDATE:   p50 {b50:.1f} ms / p95 {b95:.1f} ms "
        f"({len(plain)} updates, same number of processes)"
    )
    print(f"ratio save / plain:      p50 {p50 / b50:.1f}x, p95 {p95 / b95:.1f}x")
    u50, u95 = _percentile(unchecked, 0.5), _percentile(unchecked, 0.95)
    print(
        f"baseline unchecked save: p50 {u50:.1f} ms / p95 {u95:.1f} ms (the same saves "
        "without the version check, as before)"
    )
    print(f"ratio save / unchecked:  p50 {p50 / u50:.2f}x, p95 {p95 / u95:.2f}x")
    if problems:
        print("LOST UPDATES:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(
        "no lost update: every successful save is the final state or superseded by a "
        "later recorded save; every token is in the history"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--url", help="PostgreSQL URL of an empty database (default: a throwaway server)"
    )
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=10)
    args = parser.parse_args()
    if args.url:
        return run(args.url, args.seconds, args.workers)
    from pgserver import PgServer  # type: ignore[import-not-found]  # tests/, on sys.path

    server = PgServer()
    server.start()
    try:
        url = server.create_database("soak_team")
        return run(url, args.seconds, args.workers)
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
