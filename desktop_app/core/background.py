"""Run exports in a helper process, so a window's event loop never waits for them.

A thread is not enough: reportlab and lxml spend long stretches in C code that keeps Python's
global interpreter lock, and the window's thread then stalls for up to a second during a big
export (measured in ``bench/bench_gui.py``). A separate process has its own lock. The process
is started once (``spawn``, never ``fork``, which is unsafe in a threaded GUI) and kept warm,
so a preview costs only the work itself.

Call ``run_job`` from a worker thread: it blocks until the job is done, relaying the job's
``progress(done, total)`` calls as they arrive.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .errors import BulletinError, ExportError
from .formats import JOB_TARGET, resolve
from .lifetime import follow_parent, started_from_main_thread

Progress = Callable[[int, int], None]

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_queue: Any = None
_jobs = itertools.count(1)
_child_queue: Any = None
_END = -1
_DRAIN_SECONDS = 5.0


class JobCrashed(RuntimeError):
    """A bug inside the helper process; the message carries its traceback."""


# ---- in the helper process -----------------------------------------------------------------


def _init(progress_queue: Any, parent_pid: int | None = None, kernel_signal: bool = False) -> None:
    global _child_queue
    _child_queue = progress_queue
    if parent_pid is not None:
        follow_parent(parent_pid, kernel_signal)  # never outlive the editor, even a killed one


def _run(job: int, target: str, args: tuple, kwargs: dict, report: bool) -> tuple[str, Any]:
    fn = resolve(target)
    last = [-1]

    def progress(done: int, total: int) -> None:
        # At most one message per per-mille step: a 200-article export reports thousands.
        step = int(1000 * done / total) if total else 1000
        if step != last[0]:
            last[0] = step
            _child_queue.put((job, done, total))

    if report:
        kwargs = dict(kwargs, progress=progress)
    try:
        return _call(fn, args, kwargs)
    finally:
        if report:
            # The result travels by another pipe: this marker says no more progress follows.
            _child_queue.put((job, _END, _END))


def _call(fn: Callable, args: tuple, kwargs: dict) -> tuple[str, Any]:
    try:
        return "ok", fn(*args, **kwargs)
    except BulletinError as exc:
        return "error", str(exc)
    except OSError as exc:
        return "error", f"could not write: {exc.strerror or exc}"
    except MemoryError:
        return "error", "not enough memory to finish"
    except Exception:  # noqa: BLE001 - a bug: sent back to be reported, never shown raw
        return "bug", traceback.format_exc()


# ---- in the app ----------------------------------------------------------------------------


def _executor() -> tuple[ProcessPoolExecutor, Any]:
    global _pool, _queue
    with _lock:
        if _pool is None:
            context = multiprocessing.get_context("spawn")
            _queue = context.Queue()
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_init,
                                        initargs=(_queue, os.getpid(),
                                                  started_from_main_thread()))
        return _pool, _queue


def start_helper() -> None:
    """Start the helper process early, so the first preview does not wait for it."""
    pool, _ = _executor()
    pool.submit(int)


def shutdown() -> None:
    """Stop the helper process (at exit)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


def run_job(target: str, *args: Any, progress: Progress | None = None, **kwargs: Any) -> Any:
    """Call ``module:function`` in the helper process and return its result.

    A BulletinError (or OSError) in the job comes back as ExportError with its message; a bug
    comes back as JobCrashed. Only one job at a time should pass ``progress``.
    """
    pool, progress_queue = _executor()
    job = next(_jobs)
    try:
        future = pool.submit(_run, job, target, args, kwargs, progress is not None)
    except BrokenProcessPool:
        shutdown()  # the helper died (killed, out of memory): the next job starts a new one
        raise ExportError("the export helper stopped unexpectedly; please try again") from None
    if progress is not None:
        finished_at: float | None = None
        while True:
            if finished_at is None and future.done():
                finished_at = time.monotonic()
            if finished_at is not None and time.monotonic() - finished_at > _DRAIN_SECONDS:
                break  # the helper died before its end marker; the result says why
            try:
                got, done, total = progress_queue.get(timeout=0.05)
            except queue.Empty:
                continue
            if got != job:
                continue  # left over from a job whose caller stopped listening
            if done == _END:
                break
            progress(done, total)
    try:
        status, value = future.result()
    except BrokenProcessPool:
        shutdown()
        raise ExportError("the export helper stopped unexpectedly; please try again") from None
    if status == "error":
        raise ExportError(value)
    if status == "bug":
        raise JobCrashed(value)
    return value


def run_export(name: str, issue: Any, folder: Any, out: Any, *,
               progress: Progress | None = None, **options: Any) -> Any:
    """One registered format (``core.formats``) written in the helper process; its Report."""
    return run_job(JOB_TARGET, name, issue, folder, out, progress=progress, **options)
