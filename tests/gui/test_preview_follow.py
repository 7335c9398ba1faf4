"""The preview follows the editor: the chosen article's page shown and marked; the page box,
zoom, fit width and thumbnails; the old pages kept on screen while a new PDF is made."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop_app.gui.preview import ARTICLE, SECTION


def ready(window, qtbot):
    preview = window.preview
    qtbot.waitUntil(lambda: preview.page_count() > 0 and not preview.busy
                    and not preview.timer.isActive(), timeout=30_000)
    return preview


def page_words(preview, page: int) -> str:
    return " ".join(preview.pdf.getAllText(page).text().split())


def test_choosing_an_article_shows_its_page_and_marks_it(window, qtbot):
    preview = ready(window, qtbot)
    for article_id in ("operation-flint", "local-profiles-review", "cuckooing-protocol"):
        window.select_article(article_id)
        title = window.doc.issue.article(article_id).title
        page, _y, _words = preview.locations[(ARTICLE, article_id)]
        assert title in page_words(preview, page)
        assert preview.pages.mark is not None and preview.pages.mark[0] == page
        assert preview.pages.is_visible(page, preview.pages.mark[1])
        assert preview.page_box.value() == preview.current_page() + 1
        assert preview.thumbs.currentRow() == preview.current_page()
        assert f"On page {page + 1}" in preview.status.text()
    # Two articles start at the same height in two columns: each mark is on its own.
    marks = {}
    for article_id in ("pause-before-you-pay", "asset-recovery-record"):
        window.select_article(article_id)
        marks[article_id] = preview.pages.mark
    (page_a, left), (page_b, right) = marks.values()
    width = preview.pdf.pagePointSize(page_a).width()
    assert page_a == page_b and abs(left.top() - right.top()) < 3
    assert left.right() < width / 2 < right.left()


def test_a_section_shows_its_banner_and_a_pool_article_says_it_is_not_printed(window,
                                                                            qtbot):
    preview = ready(window, qtbot)
    window.select_section("disruptions")
    page, _y, _w = preview.locations[(SECTION, "disruptions")]
    assert preview.pages.mark[0] == page
    assert preview.pages.is_visible(page, preview.pages.mark[1])
    window.select_article(window.doc.issue.pool[0].id)
    assert preview.pages.mark is None
    assert "pool" in preview.status.text()


def test_editing_keeps_following_the_article_when_it_moves_pages(window, qtbot):
    preview = ready(window, qtbot)
    window.select_article("hotel-sector-seminar")
    before = preview.locations[(ARTICLE, "hotel-sector-seminar")][0]
    # The article before it grows by a page: after the rebuild the mark is on the new page.
    operation = window.doc.issue.article("operation-harbour")
    window.select_article("operation-harbour")
    window.editor.body.edit.append("More words. " * 400)
    window.select_article("hotel-sector-seminar")
    with qtbot.waitSignal(preview.rebuilt, timeout=30_000):
        preview.rebuild_now()
    after = preview.locations[(ARTICLE, "hotel-sector-seminar")][0]
    assert after > before and preview.pages.mark[0] == after
    assert "More words." in operation.body


def test_page_box_zoom_fit_width_and_thumbnails(window, qtbot):
    preview = ready(window, qtbot)
    pages = preview.pages
    preview.page_box.setValue(5)
    assert preview.current_page() == 4
    fitted = pages.effective_zoom()
    preview.act_zoom_in.trigger()
    assert pages.effective_zoom() > fitted and not preview.act_fit.isChecked()
    assert preview.zoom_label.text().endswith("%")
    preview.act_zoom_out.trigger()
    preview.act_zoom_out.trigger()
    assert pages.effective_zoom() < fitted
    preview.act_fit.trigger()
    assert abs(pages.effective_zoom() - fitted) < 0.01 and preview.act_fit.isChecked()
    preview.thumbs.item(7).setSelected(True)
    preview.thumbs.itemClicked.emit(preview.thumbs.item(7))
    assert preview.current_page() == 7
    assert preview.thumbs.count() == preview.page_count()
    preview.act_thumbs.trigger()
    assert not preview.thumbs.isVisible()


def _dark_share(image) -> float:
    """How much of a picture is not paper or background: the printed pages' ink."""
    image = image.toImage().scaled(120, 160)
    dark = sum(QColor(image.pixel(x, y)).lightness() < 140
               for x in range(image.width()) for y in range(image.height()))
    return dark / (image.width() * image.height())


def test_the_old_pages_stay_on_screen_until_the_new_ones_are_drawn(window, qtbot):
    preview = ready(window, qtbot)
    pages = preview.pages
    window.select_article("operation-flint")
    pages.render_visible()
    ink = _dark_share(pages.viewport().grab())
    assert ink > 0.01
    seen = []

    def at_swap() -> None:
        # Straight after the new PDF replaces the old one, before any page is drawn again.
        seen.append((_dark_share(pages.viewport().grab()),
                     all(p in pages.images for p in pages.visible_pages())))

    preview.rebuilt.connect(at_swap)
    with qtbot.waitSignal(preview.rebuilt, timeout=30_000):
        preview.rebuild_now()
    [(ink_at_swap, pictures_kept)] = seen
    assert pictures_kept and ink_at_swap > ink * 0.5
