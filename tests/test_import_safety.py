"""Contributors' files are untrusted: refusals are one line, exit 2, and change nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.errors import BulletinError, ChangedOnDiskError
from desktop_app.core.importers import import_docx, import_into_folder
from desktop_app.core.storage import issue_to_data, load_issue
from tests import badfiles, docmakers
from tests.conftest import folder_snapshot


def _good(tmp: Path) -> Path:
    return badfiles.good_docx(tmp / "good.docx")


CORPUS = {
    "not-a-zip": (lambda tmp: badfiles.not_a_zip(tmp / "x.docx"), "not a Word file"),
    "truncated": (lambda tmp: badfiles.truncated(_good(tmp), tmp / "x.docx"), "truncated"),
    "zip-bomb": (lambda tmp: badfiles.zip_bomb(tmp / "x.docx"), "zip bomb"),
    "lying-sizes": (lambda tmp: badfiles.lying_sizes_bomb(tmp / "x.docx"), "damaged"),
    "entity-expansion": (lambda tmp: badfiles.rewrite_member(
        _good(tmp), tmp / "x.docx", "word/document.xml", badfiles.BILLION_LAUGHS), "DOCTYPE"),
    "external-entity": (lambda tmp: badfiles.rewrite_member(
        _good(tmp), tmp / "x.docx", "word/document.xml", badfiles.EXTERNAL_ENTITY), "DOCTYPE"),
    "escaping-name": (lambda tmp: badfiles.evil_name(tmp / "x.docx"), "unsafe name"),
}


@pytest.mark.parametrize("name", list(CORPUS))
def test_a_hostile_file_is_refused_and_the_issue_folder_is_untouched(name, cli, demo_copy,
                                                                      tmp_path):
    make, reason = CORPUS[name]
    (tmp_path / "bad").mkdir()
    bad = make(tmp_path / "bad")
    before = folder_snapshot(demo_copy)
    code, out, err = cli("import-docx", bad, "--into", demo_copy)
    assert code == 2
    assert out == ""
    assert err.startswith("bulletin: x.docx: ") and err.count("\n") == 1
    assert reason in err
    assert folder_snapshot(demo_copy) == before


@pytest.mark.parametrize("name", ["not-a-zip", "zip-bomb", "external-entity"])
def test_a_refused_file_creates_no_new_issue(name, cli, tmp_path):
    (tmp_path / "bad").mkdir()
    bad = CORPUS[name][0](tmp_path / "bad")
    code, _, err = cli("import-docx", bad, "--into", tmp_path / "new-issue")
    assert code == 2 and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad"]


def test_the_core_leaves_the_issue_in_memory_alone_when_it_refuses(demo_copy, tmp_path):
    loaded = load_issue(demo_copy)
    before = issue_to_data(loaded.issue, full=True)
    images = folder_snapshot(demo_copy / "images")
    with pytest.raises(BulletinError):
        import_docx(badfiles.zip_bomb(tmp_path / "bomb.docx"), loaded.issue, demo_copy)
    assert issue_to_data(loaded.issue, full=True) == before
    assert folder_snapshot(demo_copy / "images") == images


def test_javascript_file_and_entity_encoded_links_are_dropped_with_a_warning(cli, demo_copy,
                                                                               tmp_path):
    source = docmakers.with_javascript_link(tmp_path / "links.docx")
    code, out, err = cli("import-docx", source, "--into", demo_copy)
    assert code == 0, err
    dropped = [line for line in out.splitlines() if "dropped: link" in line]
    assert len(dropped) == 3
    assert "javascript:alert(document.cookie)" in dropped[0]
    assert "javascript" in dropped[1]  # "jav&#x61;script:" is caught after decoding
    assert "file:///etc/passwd" in dropped[2]
    article = load_issue(demo_copy).issue.pool[-1]
    assert article.body == "Click here or there or this but [this one is fine](https://example.org/)."


def test_a_picture_that_claims_to_be_enormous_is_refused_but_the_article_comes_in(
        cli, demo_copy, tmp_path):
    source = docmakers.with_picture(tmp_path / "huge.docx", docmakers.huge_png_header())
    images_before = folder_snapshot(demo_copy / "images")
    code, out, err = cli("import-docx", source, "--into", demo_copy)
    assert code == 0, err
    assert "dropped: picture 'image1.png' in \"Article with a picture\": refused, too many " \
           "pixels" in out
    article = load_issue(demo_copy).issue.pool[-1]
    assert article.title == "Article with a picture" and article.images == []
    assert folder_snapshot(demo_copy / "images") == images_before


def test_a_file_that_is_not_a_picture_in_an_allowed_format_is_dropped(demo_copy, tmp_path):
    # A TIFF is a real picture, but not one of the formats allowed by name.
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20)).save(buffer, "TIFF")
    source = docmakers.with_picture(tmp_path / "tiff.docx", docmakers.png_bytes())
    loaded = load_issue(demo_copy)
    # Swap the stored picture's bytes for the TIFF after python-docx has written the file.
    badfiles.rewrite_member(source, tmp_path / "tiff2.docx", "word/media/image1.png",
                            buffer.getvalue())
    report = import_docx(tmp_path / "tiff2.docx", loaded.issue, demo_copy)
    assert any("not a picture in an allowed format" in d for d in report.dropped)
    assert loaded.issue.pool[-1].images == []


def test_a_linked_picture_is_never_read(cli, demo_copy, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(docmakers.png_bytes())
    source = docmakers.with_linked_picture(tmp_path / "linked.docx", secret.as_uri())
    images_before = folder_snapshot(demo_copy / "images")
    code, out, err = cli("import-docx", source, "--into", demo_copy)
    assert code == 0, err
    assert f"links to '{secret.as_uri()}' outside the file: not read" in out
    assert load_issue(demo_copy).issue.pool[-1].images == []
    assert folder_snapshot(demo_copy / "images") == images_before


def test_a_save_that_fails_takes_the_new_pictures_out_again(demo_copy, tmp_path):
    source = docmakers.free_form(tmp_path / "free.docx")
    before = folder_snapshot(demo_copy)
    other = b"# changed by another program\n"

    def importer(issue, folder, staged):
        report = import_docx(source, issue, folder, images_to=staged)
        assert report.images_written  # a picture is waiting to be moved in
        (demo_copy / "issue.yaml").write_bytes(other)
        return report

    with pytest.raises(ChangedOnDiskError):
        import_into_folder(demo_copy, importer)
    after = folder_snapshot(demo_copy)
    assert after.pop("issue.yaml") == other
    before.pop("issue.yaml")
    assert after == before


def test_a_missing_file_is_one_line(cli, demo_copy, tmp_path):
    code, _, err = cli("import-docx", tmp_path / "nope.docx", "--into", demo_copy)
    assert code == 2 and "no such file" in err and err.count("\n") == 1


def test_the_importers_never_import_qt():
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import desktop_app.core.importers, desktop_app.core.importers.form; print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.stdout.strip() == "ok", result.stderr


def test_files_written_by_a_failed_step_are_removed_with_the_folder_it_made(tmp_path):
    from desktop_app.core.fileio import removed_on_failure

    target = tmp_path / "images"
    with pytest.raises(RuntimeError), removed_on_failure(target) as written:
        target.mkdir()
        for name in ("a.png", "b.png"):
            (target / name).write_bytes(b"x")
            written.append(target / name)
        raise RuntimeError("the save failed")
    assert not target.exists()
    # A folder that was there before stays, with only what was in it before.
    target.mkdir()
    (target / "kept.png").write_bytes(b"k")
    with pytest.raises(OSError), removed_on_failure(target) as written:
        (target / "new.png").write_bytes(b"n")
        written.append(target / "new.png")
        raise OSError("disk full")
    assert [p.name for p in target.iterdir()] == ["kept.png"]
    with removed_on_failure(target) as written:
        (target / "ok.png").write_bytes(b"o")
        written.append(target / "ok.png")
    assert sorted(p.name for p in target.iterdir()) == ["kept.png", "ok.png"]
