"""The gate in front of every Word file from outside refuses what could hurt."""

from __future__ import annotations

import resource
import time
import tracemalloc

import pytest

from desktop_app.core.untrusted import UntrustedFileError, check_docx, open_docx, safe_xml
from tests import badfiles


@pytest.fixture
def good(tmp_path):
    return badfiles.good_docx(tmp_path / "good.docx")


def test_a_real_word_file_passes_and_opens(good):
    check_docx(good)
    assert open_docx(good).paragraphs[0].text == "A harmless paragraph."


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda tmp, good: badfiles.not_a_zip(tmp / "x.docx"), "not a Word file"),
        (lambda tmp, good: badfiles.truncated(good, tmp / "x.docx"), "not a Word file"),
        (lambda tmp, good: badfiles.zip_bomb(tmp / "x.docx"), "zip bomb"),
        (lambda tmp, good: badfiles.lying_sizes_bomb(tmp / "x.docx"), "damaged"),
        (lambda tmp, good: badfiles.many_members(tmp / "x.docx"), "parts inside"),
        (lambda tmp, good: badfiles.evil_name(tmp / "x.docx"), "unsafe name"),
        (lambda tmp, good: badfiles.evil_name(tmp / "x.docx", "word\\..\\x.xml"), "unsafe name"),
        (lambda tmp, good: badfiles.evil_name(tmp / "x.docx", "/abs.xml"), "unsafe name"),
        (lambda tmp, good: badfiles.rewrite_member(good, tmp / "x.docx", "word/document.xml",
                                                   badfiles.BILLION_LAUGHS), "DOCTYPE"),
        (lambda tmp, good: badfiles.rewrite_member(good, tmp / "x.docx", "word/document.xml",
                                                   badfiles.EXTERNAL_ENTITY), "DOCTYPE"),
    ],
    ids=["not-a-zip", "truncated", "bomb", "lying-sizes", "many-members", "dotdot",
         "backslash", "absolute", "billion-laughs", "external-entity"],
)
def test_hostile_files_are_refused_in_one_line(tmp_path, good, make, reason):
    bad = make(tmp_path, good)
    with pytest.raises(UntrustedFileError) as caught:
        open_docx(bad)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message and message.startswith("x.docx: ")


def test_a_bomb_is_refused_fast_and_small(tmp_path):
    bomb = badfiles.zip_bomb(tmp_path / "bomb.docx", expanded_mb=1000)
    tracemalloc.start()
    start = time.process_time()
    with pytest.raises(UntrustedFileError):
        check_docx(bomb)
    cpu = time.process_time() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Refused from the directory alone: no expansion at all, so these bounds are wide margins
    # rather than timings of a busy machine.
    assert peak < 4 * 2**20
    assert cpu < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


def test_safe_xml_refuses_entities_and_parses_plain_xml():
    with pytest.raises(UntrustedFileError):
        safe_xml(badfiles.BILLION_LAUGHS)
    with pytest.raises(UntrustedFileError):
        safe_xml(badfiles.EXTERNAL_ENTITY)
    with pytest.raises(UntrustedFileError):
        safe_xml(b"<a><b></a>")
    assert safe_xml(b"<a><b>text</b></a>").findtext("b") == "text"
