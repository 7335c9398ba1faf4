"""Two writers on one folder: nobody's work is lost, and the command line respects the editor.

The races run in real processes started together at a barrier, many times over: a race that
loses work one time in ten shows up here, where a single trial would pass by luck.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import socket
import time
from pathlib import Path

import pytest

from desktop_app.core import locking
from desktop_app.core.locking import (
    LOCK_FILE,
    WRITE_LOCK_FILE,
    IssueLocked,
    acquire_lock,
    folder_lock,
    read_lock,
)
from desktop_app.core.model import new_issue
from desktop_app.core.storage import load_issue, save_issue

ROUNDS = 50
_ctx = multiprocessing.get_context("fork")


def _import_worker(barrier, commands, results) -> None:
    from desktop_app.cli import run

    while True:
        job = commands.get()
        if job is None:
            return
        folder, source = job
        barrier.wait(60)
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = run(["import-markdown", source, "--into", folder])
        results.put((source, code, err.getvalue()))


def test_two_imports_at_once_never_lose_an_article(tmp_path):
    sources = []
    for name in ("alpha", "bravo"):
        md = tmp_path / f"{name}.md"
        md.write_text(f"## The {name} article\n\nText of the {name} article.\n")
        sources.append(str(md))
    barrier = _ctx.Barrier(2)
    queues = [_ctx.Queue(), _ctx.Queue()]
    results = _ctx.Queue()
    workers = [_ctx.Process(target=_import_worker, args=(barrier, q, results)) for q in queues]
    for w in workers:
        w.start()
    refused = 0
    try:
        for round_ in range(ROUNDS):
            folder = tmp_path / f"issue-{round_}"
            folder.mkdir()
            save_issue(new_issue(), folder)
            for q, source in zip(queues, sources, strict=True):
                q.put((str(folder), source))
            outcome = {}
            for _ in range(2):
                source, code, err = results.get(timeout=60)
                outcome[source] = (code, err)
            titles = {a.title for a in load_issue(folder).issue.pool}
            for source in sources:
                name = Path(source).stem
                code, err = outcome[source]
                if code == 0:
                    assert f"The {name} article" in titles, f"round {round_}: {name} lost"
                else:
                    refused += 1
                    assert code == 2 and "run the import again" in err, err
                    assert f"The {name} article" not in titles
            assert any(code == 0 for code, _ in outcome.values())
            assert not (folder / WRITE_LOCK_FILE).exists()
    finally:
        for q in queues:
            q.put(None)
        for w in workers:
            w.join(10)
            if w.is_alive():
                w.terminate()
    # Either outcome is allowed; what matters is that no success was a lie.
    assert refused <= ROUNDS


def _takeover_worker(barrier, done, folder: str, rounds: int, results) -> None:
    for _ in range(rounds):
        barrier.wait(60)
        try:
            lock = acquire_lock(Path(folder))
            results.put(True)
        except IssueLocked:
            lock = None
            results.put(False)
        done.wait(60)  # everyone has tried while the winner is still alive and holding
        if lock is not None:
            lock.release()
        done.wait(60)


def _dead_pid() -> int:
    process = _ctx.Process(target=int)
    process.start()
    process.join()
    return process.pid


def test_taking_over_a_stale_lock_is_atomic(tmp_path):
    workers_n, rounds = 4, 60
    stale = json.dumps({"user": "ghost", "host": socket.gethostname(), "pid": _dead_pid(),
                        "since": "2026-01-01T09:00:00"})
    barrier, done = _ctx.Barrier(workers_n + 1), _ctx.Barrier(workers_n + 1)
    results = _ctx.Queue()
    workers = [_ctx.Process(target=_takeover_worker,
                            args=(barrier, done, str(tmp_path), rounds, results))
               for _ in range(workers_n)]
    for w in workers:
        w.start()
    try:
        for round_ in range(rounds):
            (tmp_path / LOCK_FILE).write_text(stale)
            barrier.wait(60)
            won = sum(results.get(timeout=30) for _ in range(workers_n))
            assert won == 1, f"round {round_}: {won} copies took over the same stale lock"
            done.wait(60)
            done.wait(60)
    finally:
        for w in workers:
            w.join(5)
            if w.is_alive():
                w.terminate()


def test_the_write_lock_waits_for_another_writer_and_leaves_no_file(tmp_path):
    entered = _ctx.Event()

    def hold() -> None:
        with folder_lock(tmp_path):
            entered.set()
            time.sleep(0.5)

    holder = _ctx.Process(target=hold)
    holder.start()
    assert entered.wait(10)
    started = time.perf_counter()
    with folder_lock(tmp_path):
        waited = time.perf_counter() - started
    holder.join(10)
    assert waited > 0.2
    assert not (tmp_path / WRITE_LOCK_FILE).exists()


def test_a_writer_that_never_lets_go_gets_a_clear_refusal(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "WRITE_LOCK_TIMEOUT", 0.3)
    save_issue(new_issue(), tmp_path)
    loaded = load_issue(tmp_path)
    entered, leave = _ctx.Event(), _ctx.Event()

    def hold() -> None:
        with folder_lock(tmp_path):
            entered.set()
            leave.wait(20)

    holder = _ctx.Process(target=hold)
    holder.start()
    try:
        assert entered.wait(10)
        with pytest.raises(locking.FolderBusy, match="another program has been writing"):
            with folder_lock(tmp_path, timeout=0.3):
                pass
    finally:
        leave.set()
        holder.join(10)
    save_issue(loaded.issue, tmp_path, expected_digest=loaded.digest)


# ---- the command line and a live editor ---------------------------------------------------


def _editor_lock(folder: Path) -> dict:
    """A lock as a live editor on this machine leaves it (this test's parent process)."""
    info = {"user": "alice", "host": socket.gethostname(), "pid": os.getppid(),
            "since": "2026-03-01T09:30:00"}
    (folder / LOCK_FILE).write_text(json.dumps(info))
    return info


def test_an_import_refuses_an_issue_open_in_the_editor(demo_copy, tmp_path, cli):
    from tests.conftest import folder_snapshot

    _editor_lock(demo_copy)
    before = folder_snapshot(demo_copy)
    md = tmp_path / "new.md"
    md.write_text("## Fresh news\n\nBody.\n")
    code, _, err = cli("import-markdown", md, "--into", demo_copy)
    assert code == 2
    assert "open in the editor by alice on" in err and "--force" in err
    assert folder_snapshot(demo_copy) == before
    code, out, err = cli("import-markdown", md, "--into", demo_copy, "--force")
    assert code == 0, err
    assert "writing anyway" in err
    assert any(a.title == "Fresh news" for a in load_issue(demo_copy).issue.pool)


def test_applying_comments_refuses_an_issue_open_in_the_editor(demo_copy, tmp_path, cli):
    from desktop_app.core.docx.export_docx import write_docx
    from tests.reviewing import Remark, add_remarks

    write_docx(load_issue(demo_copy).issue, demo_copy, tmp_path / "demo.docx")
    reviewed = add_remarks(tmp_path / "demo.docx", tmp_path / "reviewed.docx",
                           [Remark("Working together to tackle", "Approved.")])
    _editor_lock(demo_copy)
    code, _, err = cli("comments", reviewed, "--issue", demo_copy, "--apply")
    assert code == 2 and "open in the editor by alice" in err
    code, _, err = cli("comments", reviewed, "--issue", demo_copy, "--apply", "--force")
    assert code == 0, err


def test_a_stale_editor_lock_does_not_block_the_command_line(demo_copy, tmp_path, cli):
    info = {"user": "ghost", "host": socket.gethostname(), "pid": _dead_pid(),
            "since": "2026-03-01T09:30:00"}
    (demo_copy / LOCK_FILE).write_text(json.dumps(info))
    md = tmp_path / "new.md"
    md.write_text("## Fresh news\n\nBody.\n")
    code, _, err = cli("import-markdown", md, "--into", demo_copy)
    assert code == 0, err


def test_the_open_lock_is_readable_after_a_takeover(tmp_path):
    (tmp_path / LOCK_FILE).write_text("not json at all")
    lock = acquire_lock(tmp_path)
    assert read_lock(tmp_path) == lock.info
    lock.release()
    assert not (tmp_path / LOCK_FILE).exists()
    shutil.rmtree(tmp_path, ignore_errors=True)
