"""The export registry: one table drives the CLI, the dialog and the jobs; every writer handles
every block type; the opening checks and the safe write are shared."""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.core import blocks as b
from desktop_app.core import formats, layout, output
from desktop_app.core.errors import ExportError
from desktop_app.core.formats import FORMATS, Format, Option
from desktop_app.core.storage import load_issue
from tests.conftest import folder_snapshot


def test_block_types_lists_every_block_class():
    names = {t.__name__ for t in b.block_types()}
    declared = {name for name, value in vars(b).items()
                if isinstance(value, type) and issubclass(value, b.Block) and value is not b.Block}
    assert names == declared
    # The ones the layout makes today, at least; a new one joins this list by itself.
    assert {"Masthead", "Contents", "SectionBanner", "SectionEnd", "ArticleHeading",
            "ArticleEnd", "ParagraphBlock", "SubHeading", "ListBlock", "PullQuoteBlock",
            "ContactBlock", "StatisticBlock", "SidebarBlock", "ImageBlock"} <= names


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_writer_has_a_handler_for_every_block_type(fmt: Format):
    table = fmt.load_handlers()
    missing = [t.__name__ for t in b.block_types() if t not in table]
    assert not missing, f"the {fmt.name} writer has no handler for: {', '.join(missing)}"
    assert all(callable(h) for h in table.values())


def test_the_emails_plain_text_part_handles_every_block_type_too():
    from desktop_app.core.web.plain_text import TEXT_HANDLERS

    missing = [t.__name__ for t in b.block_types() if t not in TEXT_HANDLERS]
    assert not missing, f"the email's plain text has no handler for: {', '.join(missing)}"


@dataclass
class _Unheard(b.Block):
    """A block type no writer knows: a stand-in for one added to blocks.py tomorrow."""

    kind = "unheard"
    text: str = "new"


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_an_unknown_block_is_an_error_naming_it_not_skipped(fmt, demo_copy, tmp_path,
                                                            monkeypatch):
    real = layout.build_blocks

    def with_unknown(issue, folder=None):
        made = real(issue, folder)
        return [*made[:3], _Unheard(), *made[3:]]

    # Each writer module calls layout's build_blocks by that name.
    writer_module = importlib.import_module(fmt.writer.partition(":")[0])
    monkeypatch.setattr(writer_module, "build_blocks", with_unknown)
    loaded = load_issue(demo_copy)
    out = tmp_path / fmt.output_name("out")
    with pytest.raises(b.MissingHandler, match="_Unheard"):
        formats.export(fmt.name, loaded.issue, demo_copy, out)
    assert not out.exists()


def test_names_and_flags_are_unique():
    names = [f.name for f in FORMATS]
    flags = [o.flag for f in FORMATS for o in f.options] + [f"--{n}" for n in names]
    assert len(set(names)) == len(names) and len(set(flags)) == len(flags)


def test_the_cli_offers_one_flag_per_registered_format():
    from desktop_app.cli import build_parser

    export = build_parser()._subparsers._group_actions[0].choices["export"]
    flags = {a.option_strings[0] for a in export._actions if a.option_strings}
    for fmt in FORMATS:
        assert f"--{fmt.name}" in flags
        for opt in fmt.options:
            assert opt.flag in flags


def _toy_writer(issue, folder, out, *, progress=None, shout=False):
    """A toy format: every block's kind, one a line (upper case when shouting)."""
    out = output.check_file(out, "toy file")
    lines = [blk.kind for blk in layout.build_blocks(issue, Path(folder))]
    text = "\n".join(lines).upper() if shout else "\n".join(lines)
    output.save_file(out, text.encode(), "toy file")
    return ["a toy warning"]


@pytest.fixture
def toy_format(monkeypatch):
    """A format added the way the registry says: one module and one line in FORMATS."""
    module = types.ModuleType("toy_export")
    module.write_toy = _toy_writer
    module.HANDLERS = {t: str for t in b.block_types()}
    monkeypatch.setitem(sys.modules, "toy_export", module)
    toy = Format("toy", ".toy", "toy file", "Toy file of block kinds", "toy_export:write_toy",
                 "toy_export:HANDLERS", "write the toy file here",
                 options=(Option("shout", "--shout", "in capitals", label="In capitals"),))
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, toy))
    return toy


def test_a_new_format_reaches_the_command_line(toy_format, cli, tmp_path, monkeypatch):
    import desktop_app.cli as cli_module

    monkeypatch.setattr(cli_module, "FORMATS", formats.FORMATS)
    out = tmp_path / "b.toy"
    code, stdout, stderr = cli("export", "--demo", "--toy", out, "--shout")
    assert code == 0, stderr
    assert f"Wrote the toy file to {out}" in stdout
    assert "bulletin: warning: a toy warning" in stderr
    assert out.read_text().splitlines()[0] == "MASTHEAD"


def test_export_refuses_an_option_the_format_does_not_take(demo_copy, tmp_path):
    loaded = load_issue(demo_copy)
    with pytest.raises(ExportError, match="no option"):
        formats.export("pdf", loaded.issue, demo_copy, tmp_path / "x.pdf", columns=2)
    with pytest.raises(ExportError, match="no export format called 'rtf'"):
        formats.get("rtf")


def test_export_returns_a_report(demo_copy, tmp_path):
    loaded = load_issue(demo_copy)
    report = formats.export("docx", loaded.issue, demo_copy, tmp_path / "x.docx", columns=2)
    assert report.format == "docx" and report.path == tmp_path / "x.docx"
    assert report.warnings == [] and report.path.is_file()


def test_the_usage_message_names_every_format(cli):
    code, _, stderr = cli("export", "--demo")
    assert code == 2 and stderr.count("\n") == 1
    for fmt in FORMATS:
        assert f"--{fmt.name}" in stderr


# ---- the shared opening checks and safe writes ---------------------------------------------


def test_file_checks_are_one_line_each(tmp_path):
    with pytest.raises(ExportError, match=r"cannot write the PDF to .*: it is a folder"):
        output.check_file(tmp_path, "PDF")
    with pytest.raises(ExportError, match=r"folder .*no-such does not exist"):
        output.check_file(tmp_path / "no-such" / "x.pdf", "PDF")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="a-file is not a folder"):
        output.check_file(blocker / "x.pdf", "PDF")
    assert output.check_file(tmp_path / "x.pdf", "PDF") == tmp_path / "x.pdf"


def test_a_folder_export_replaces_only_its_own_earlier_export(tmp_path):
    target = tmp_path / "web"
    output.check_folder(target, "web edition")  # new: fine
    output.save_folder(target, {"index.html": b"<p>one</p>", "images/a.png": b"png"},
                       "web edition")
    assert (target / "images" / "a.png").read_bytes() == b"png"
    assert oct(target.stat().st_mode & 0o777) != oct(0o700)  # made with the user's umask

    def ours(folder: Path) -> bool:
        return (folder / "index.html").is_file()

    output.check_folder(target, "web edition", ours)
    output.save_folder(target, {"index.html": b"<p>two</p>"}, "web edition")
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["web"]  # nothing left beside it

    someone_elses = tmp_path / "photos"
    someone_elses.mkdir()
    (someone_elses / "holiday.jpg").write_bytes(b"jpg")
    with pytest.raises(ExportError, match="not empty"):
        output.check_folder(someone_elses, "web edition", ours)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="it is a file"):
        output.check_folder(a_file, "web edition")


def test_a_failed_folder_export_keeps_the_earlier_one(tmp_path, monkeypatch):
    target = tmp_path / "web"
    output.save_folder(target, {"index.html": b"earlier"}, "web edition")
    before = folder_snapshot(tmp_path)

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="No space left on device"):
        output.save_folder(target, {"index.html": b"later"}, "web edition")
    assert folder_snapshot(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == ["web"]


def test_a_folder_export_never_writes_outside_its_folder(tmp_path):
    with pytest.raises(ValueError, match="outside"):
        output.save_folder(tmp_path / "web", {"../evil.txt": b"x"}, "web edition")
    assert sorted(os.listdir(tmp_path)) == []


def test_formats_are_plain_data():
    for fmt in FORMATS:
        assert dataclasses.is_dataclass(fmt)
        assert fmt.suffix == formats.FOLDER or fmt.suffix.startswith(".")
        assert fmt.output_name("stem").startswith("stem")


def test_an_offer_turns_an_option_from_its_default():
    email = formats.get("email")
    attach, smaller = email.option("attach_pdf"), email.option("smaller_pictures")
    assert (attach.offered, attach.flag_for(attach.offered)) == (False, "--no-attach-pdf")
    assert (smaller.offered, smaller.flag_for(smaller.offered)) == (True, "--smaller-pictures")
    assert formats.get("docx").option("columns").flag_for(2) == "--columns 2"
    with pytest.raises(ExportError, match="no option"):
        email.option("columns")
