"""The frozen app (``make package``): its size, and its cold start against the installed
package's.

Cold start is the time from launching a fresh ``bulletin-editor`` to its window shown with an
issue loaded: ``--self-test`` prints "window shown" once the window is exposed with the demo
copy open, and both programs run the same code to get there. The installed package is the one
the frozen app was built from (``build/package-venv``), so the two differ only in how Python
and the libraries are loaded. Runs alternate between the two so that a busy machine slows both
alike; the first of each is untimed (it warms the disk cache). With Xvfb available the window
is a real X11 one (the xcb platform and the desktop theme plugins load, as on a desktop);
otherwise Qt's offscreen platform.

Skipped, with a note, when there is no frozen build.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import report

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "dist" / "soc-bulletin"
INSTALLED = ROOT / "build" / "package-venv" / "bin"
RUNS = 7


def folder_bytes(path: Path) -> int:
    """Bytes in the files under a folder (links counted as links, as a file manager does)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


@contextmanager
def display():
    """A private Xvfb display for the runs, or None to use the offscreen platform."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


def start_once(program: Path, folder: Path, env: dict[str, str]) -> float:
    """Seconds from launch to "window shown"; then the self-test is left to finish."""
    start = time.perf_counter()
    process = subprocess.Popen([str(program), "--self-test", str(folder)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown = None
    for line in process.stdout:
        if "window shown" in line and shown is None:
            shown = time.perf_counter() - start
    process.wait()
    if shown is None or process.returncode != 0:
        raise RuntimeError(f"{program} --self-test failed (exit {process.returncode})")
    return shown


def cold_starts(runs: int = RUNS) -> tuple[list[float], list[float], str]:
    """(frozen times, installed times, platform) over ``runs`` alternating runs each."""
    programs = {"frozen": FROZEN / "bulletin-editor", "installed": INSTALLED / "bulletin-editor"}
    times: dict[str, list[float]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as tmp, display() as screen:
        home = Path(tmp)
        env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"))
        if screen is not None:
            env["DISPLAY"] = screen
            env.pop("QT_QPA_PLATFORM", None)
            env.pop("WAYLAND_DISPLAY", None)
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        for n in range(runs + 1):
            for name, program in programs.items():
                seconds = start_once(program, home / name, env)
                if n:
                    times[name].append(seconds)
        return times["frozen"], times["installed"], "xcb under Xvfb" if screen else "offscreen"


def run() -> None:
    if not (FROZEN / "bulletin-editor").exists() or not (INSTALLED / "bulletin-editor").exists():
        print("(no frozen build: run make package first)")
        return
    report("frozen folder, unpacked", folder_bytes(FROZEN) / 2**20, " MB", target="< 160 MB")
    archives = sorted((ROOT / "dist").glob("soc-bulletin-*-linux-*.tar.gz"))
    if archives:
        report("the .tar.gz", archives[-1].stat().st_size / 2**20, " MB", target="< 70 MB")
    debs = sorted((ROOT / "dist").glob("soc-bulletin_*.deb"))
    if debs:
        report("the .deb", debs[-1].stat().st_size / 2**20, " MB")
    frozen, installed, where = cold_starts()
    print(f"# cold start to the window shown with the demo copy, {where}, "
          f"{len(frozen)} runs each, alternating")
    report("cold start, frozen", statistics.median(frozen), target="no slower than installed")
    report("cold start, installed package", statistics.median(installed))
    ratios = sorted(f / i for f, i in zip(frozen, installed, strict=True))
    report("frozen / installed (median of paired runs)", statistics.median(ratios), "x")
    print(f"#   frozen {min(frozen):.3f}-{max(frozen):.3f} s, "
          f"installed {min(installed):.3f}-{max(installed):.3f} s")
