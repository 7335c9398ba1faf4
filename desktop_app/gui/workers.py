"""Work off the GUI thread: a QRunnable that runs a function and reports back by signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.core.errors import BulletinError


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

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self.signals.progress.emit(done, total))
        except BulletinError as exc:
            self.signals.failed.emit(str(exc))
        except MemoryError:
            self.signals.failed.emit("not enough memory to finish")
        except OSError as exc:
            self.signals.failed.emit(f"could not write: {exc.strerror or exc}")
        except Exception:  # noqa: BLE001 - a bug: report in one sentence, keep the window alive
            traceback.print_exc()
            self.signals.failed.emit("something went wrong inside the app (a bug); "
                                     "nothing was lost")
        else:
            self.signals.finished.emit(result)


def start(worker: Worker) -> None:
    QThreadPool.globalInstance().start(worker)
