"""``bulletin export --pdf``: exit codes, messages and warnings."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def test_export_demo_pdf(cli, tmp_path):
    out = tmp_path / "bulletin.pdf"
    code, stdout, stderr = cli("export", "--demo", "--pdf", out)
    assert code == 0, stderr
    assert stderr == ""
    assert f"Wrote the PDF to {out}" in stdout
    assert len(PdfReader(out).pages) >= 8


def test_export_folder_with_missing_picture_warns_and_succeeds(cli, demo_copy, tmp_path):
    for picture in (demo_copy / "images").iterdir():
        picture.unlink()
        break
    out = tmp_path / "bulletin.pdf"
    code, _, stderr = cli("export", demo_copy, "--pdf", out)
    assert code == 0
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bulletin: warning: picture in '")
    assert out.is_file()


def test_unwritable_output_is_one_line_exit_2(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, stdout, stderr = cli("export", "--demo", "--pdf", blocker / "out.pdf")
    assert code == 2
    assert stderr.count("\n") == 1 and stderr.startswith("bulletin: cannot write the PDF")
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_nothing_to_export_and_both_outputs_together(cli, tmp_path):
    code, _, stderr = cli("export", "--demo")
    assert code == 2 and "--pdf" in stderr
    # Once the Word exporter is merged, one command writes both files.
    code, out, _ = cli("export", "--demo", "--pdf", tmp_path / "x.pdf",
                       "--docx", tmp_path / "x.docx")
    assert code == 0 and "PDF" in out and "Word" in out
    assert Path(tmp_path / "x.docx").read_bytes()[:2] == b"PK"
    assert Path(tmp_path / "x.pdf").read_bytes()[:5] == b"%PDF-"


def test_bad_issue_folder_is_exit_2(cli, tmp_path):
    code, _, stderr = cli("export", tmp_path / "missing", "--pdf", tmp_path / "x.pdf")
    assert code == 2
    assert not (tmp_path / "x.pdf").exists()
