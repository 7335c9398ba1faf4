"""Work off the GUI thread: a QRunnable that runs a function and reports back by signal."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.core.background import JobCrashed
from desktop_app.core.errors import BulletinError

# Workers started and not yet finished. The pool owns the C++ runnable, but nothing else holds
# the Python object whose ``run`` it calls; without this the wrapper can be collected first and
# the pool then runs an empty runnable that never reports back.
_running: set[Worker] = set()


class WorkerSignals(QObject):
    """Signals from a worker; queued to the GUI thread because this object lives there."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs ``fn(progress)`` in the thread pool; ``finished(result)`` or ``failed(message)``.

    A BulletinError becomes its own one-line message; anything else becomes a plain sentence
    (the traceback goes to stderr for a bug report, never into a dialog).
    """

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any], owner: QObject) -> None:
        super().__init__()
        self.fn = fn
        # Owned by a GUI-thread object, so the signals outlive this runnable's Python wrapper
        # and are deleted in the GUI thread once delivered (see ``start``).
        self.signals = WorkerSignals(owner)
        self.setAutoDelete(True)

    def run(self) -> None:
        signals = self.signals

        def send(signal_name: str, *args: object) -> None:
            # The pane that asked may have been closed meanwhile, taking the signals object
            # with it: then nobody wants the result and it is dropped.
            try:
                getattr(signals, signal_name).emit(*args)
            except RuntimeError:
                pass

        try:
            result = self.fn(lambda done, total: send("progress", done, total))
        except BulletinError as exc:
            send("failed", str(exc))
        except JobCrashed as exc:
            sys.stderr.write(f"bulletin-editor: a bug in the export helper:\n{exc}\n")
            send("failed", "something went wrong inside the app (a bug); nothing was lost")
        except MemoryError:
            send("failed", "not enough memory to finish")
        except OSError as exc:
            send("failed", f"could not write: {exc.strerror or exc}")
        except Exception:  # noqa: BLE001 - a bug: report in one sentence, keep the window alive
            traceback.print_exc()
            send("failed", "something went wrong inside the app (a bug); nothing was lost")
        else:
            send("finished", result)
        finally:
            _running.discard(self)


def start(worker: Worker) -> None:
    """Run a worker in the global thread pool, once the caller has connected its slots.

    The signals object is deleted after its result is delivered. That connection is made
    last on purpose: queued calls run in connection order, and deleting the sender before the
    caller's slot has run loses the result that slot was to receive.
    """
    worker.signals.finished.connect(worker.signals.deleteLater)
    worker.signals.failed.connect(worker.signals.deleteLater)
    _running.add(worker)
    QThreadPool.globalInstance().start(worker)
