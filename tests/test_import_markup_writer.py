"""What the importers write into a body reads back as the same words, styles and links."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.importers.write_markup import (
    Item,
    ItemList,
    Para,
    SubHeading,
    blocks_markup,
    merge_runs,
    plain,
)
from desktop_app.core.markup import ListBlock, Paragraph, Run, parse

_TEXT = st.text(alphabet=st.sampled_from(list("ab #-*_[]()<>&!`\\1.2)+=|\u201c\u2019é")),
                min_size=1, max_size=12)
_RUN = st.builds(Run, _TEXT, st.booleans(), st.booleans(),
                 st.sampled_from([None, None, "https://example.org/a", "mailto:x@example.org"]))



def _words(runs: list[Run]) -> str:
    return " ".join("".join(r.text for r in runs).split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_RUN, min_size=1, max_size=6))
def test_a_paragraph_of_any_runs_reads_back_as_the_same_words_and_links(runs):
    body = blocks_markup([Para(runs)])
    expected = merge_runs(runs)
    if not expected:
        assert body == ""
        return
    parsed = parse(body)
    assert not parsed.bad_links
    assert len(parsed.blocks) == 1 and isinstance(parsed.blocks[0], Paragraph)
    back = parsed.blocks[0].runs
    assert _words(back) == _words(expected)
    # Every character keeps its link; and its bold and italic, unless Markdown could not say
    # them, in which case the whole paragraph is written plainly rather than wrongly.
    assert _chars(back, styles=False) == _chars(expected, styles=False)
    if _chars(back) != _chars(expected):
        assert not any(r.bold or r.italic for r in back)


def _chars(runs: list[Run], styles: bool = True) -> list[tuple]:
    return [(c, r.bold and styles, r.italic and styles, r.href) for r in runs for c in r.text
            if not c.isspace()]


def test_styles_come_back_where_they_were():
    runs = [Run("Plain "), Run("bold words", bold=True), Run(" and "),
            Run("slanted", italic=True), Run(" and "), Run("both", bold=True, italic=True),
            Run(" then "), Run("a link", href="https://example.org/x y")]
    body = blocks_markup([Para(runs)])
    back = parse(body).blocks[0].runs
    assert [(r.text, r.bold, r.italic, r.href) for r in back] == [
        ("Plain ", False, False, None), ("bold words", True, False, None),
        (" and ", False, False, None), ("slanted", False, True, None),
        (" and ", False, False, None), ("both", True, True, None),
        (" then ", False, False, None), ("a link", False, False, "https://example.org/x%20y")]


def test_lists_and_sub_headings_keep_their_shape():
    blocks = [SubHeading([Run("Results: #1")]),
              ItemList([Item([Run("first")], 0, True), Item([Run("- a dash")], 1, False),
                        Item([Run("second")], 0, True)])]
    parsed = parse(blocks_markup(blocks)).blocks
    assert plain(parsed[0].runs) == "Results: #1"
    assert isinstance(parsed[1], ListBlock) and parsed[1].ordered
    assert [(i.level, plain(i.runs)) for i in parsed[1].items] == [
        (0, "first"), (1, "- a dash"), (0, "second")]
