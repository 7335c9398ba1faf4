"""What the window does to the issue's arrangement: articles made, copied, deleted and moved;
sections added, renamed, removed and moved. Each is one undo step.

A mixin of the main window (it uses the window's panes, document and status bar), kept apart
so the window module stays about building and wiring.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.article_templates import (
    ArticleTemplate,
    bundled_template_dir,
    load_templates,
)
from desktop_app.core.articles import duplicate_article, new_article
from desktop_app.core.model import plural

from . import dialogs
from .commands import (
    AddSectionCommand,
    MoveArticleCommand,
    MoveSectionCommand,
    RemoveSectionCommand,
    RenameSectionCommand,
)
from .edit_commands import AddArticleCommand, DeleteArticleCommand
from .structure_model import push_article_moves

TEAM_TEMPLATES = "article-templates"  # a folder beside the issue folders, for the team's own


class StructureActions:
    """Article and section operations of the main window."""

    # ---- which articles and section -----------------------------------------------------------

    def selected_article_ids(self) -> list[str]:
        """The articles selected in whichever list was used last."""
        tree_ids = self.structure.selected_article_ids()
        pool_ids = self.pool.selected_article_ids()
        if self._last_list == "pool":
            return pool_ids or tree_ids
        return tree_ids or pool_ids

    def selected_section_id(self) -> str | None:
        return self.structure.current_section_id()

    def _target_section(self) -> tuple[str | None, int | None]:
        """Where a new article goes: after the current article or at the end of the current
        section when the structure was used last; otherwise the end of the pool."""
        if self._last_list != "structure":
            return None, None
        section_id = self.structure.current_section_id()
        if section_id is None:
            return None, None
        article_id = self.structure.current_article_id()
        if article_id is None:
            return section_id, None
        return section_id, self.doc.issue.find_article(article_id)[1] + 1

    # ---- making, copying, deleting ------------------------------------------------------------

    def new_article(self, section_id: str | None = None, use_current: bool = True,
                    template: ArticleTemplate | None = None) -> str | None:
        """Ctrl+N: ask only for a title; the article goes into the section in use (or the pool)
        and opens with the cursor in its body. Its id, or None."""
        if self.doc.read_only:
            return None
        index = None
        if section_id is None and use_current:
            section_id, index = self._target_section()
        kind = f"New {template.name}" if template is not None else "New article"
        title = dialogs.ask_text(self, kind, "Title of the new article:")
        if not title or not title.strip():
            return None
        article = new_article(self.doc.issue, title, template.article if template else None)
        where = self.doc.issue.section(section_id).title if section_id else "the pool"
        self.doc.push(AddArticleCommand(self.doc, article, section_id, index,
                                        f"new article '{article.title}' in {where}"))
        self.select_article(article.id)
        self.editor.body.edit.setFocus()
        return article.id

    def new_article_here(self) -> str | None:
        """New article in the current section (from the section's context menu)."""
        return self.new_article(self.structure.current_section_id(), use_current=False)

    def article_templates(self) -> list[ArticleTemplate]:
        """The bundled templates and the team's own (``article-templates/`` beside the issue
        folders); a team file with the same name replaces a bundled one."""
        folders = [bundled_template_dir()]
        if self.doc.folder is not None:
            folders.append(Path(self.doc.folder).parent / TEAM_TEMPLATES)
        templates, _warnings = load_templates(folders)
        return templates

    def new_from_template(self, template: ArticleTemplate | None = None) -> str | None:
        """A new article from a template, placed in the template's usual section if the
        issue has it (else where Ctrl+N would put it)."""
        if self.doc.read_only:
            return None
        if template is None:
            templates = self.article_templates()
            if not templates:
                dialogs.show_info(self, "No templates", "No article templates were found.")
                return None
            choice = dialogs.ask_item(self, "New article from a template", "Kind of article:",
                                      [t.name for t in templates])
            if choice is None:
                return None
            template = templates[choice]
        section_id = template.section if template.section in {
            s.id for s in self.doc.issue.sections} else None
        return self.new_article(section_id, use_current=section_id is None, template=template)

    def duplicate_articles(self) -> list[str]:
        """Copy the selected articles; each copy goes right after its original."""
        ids = self.selected_article_ids()
        if not ids or self.doc.read_only:
            return []
        stack = self.doc.undo_stack
        made: list[str] = []
        if len(ids) > 1:
            stack.beginMacro(f"duplicate {plural(len(ids), 'article')}")
        for aid in ids:
            twin = duplicate_article(self.doc.issue, aid)
            section, index = self.doc.issue.find_article(aid)
            self.doc.push(AddArticleCommand(self.doc, twin, section.id if section else None,
                                            index + 1, f"duplicate '{twin.title}'"))
            made.append(twin.id)
        if len(ids) > 1:
            stack.endMacro()
        self.select_article(made[0])
        return made

    def delete_articles(self) -> None:
        """Delete: a placed article goes back to the pool; one in the pool is deleted (with
        undo). Deleting is always a second, deliberate step."""
        ids = self.selected_article_ids()
        if not ids or self.doc.read_only:
            return
        placed = [a for a in ids if self.doc.issue.find_article(a)[0] is not None]
        if placed:
            self.return_to_pool()
            return
        stack = self.doc.undo_stack
        if len(ids) > 1:
            stack.beginMacro(f"delete {plural(len(ids), 'article')}")
        titles = [self.doc.issue.article(a).title or a for a in ids]
        for aid in ids:
            self.doc.push(DeleteArticleCommand(self.doc, aid))
        if len(ids) > 1:
            stack.endMacro()
        what = f"'{titles[0]}'" if len(ids) == 1 else plural(len(ids), "article")
        self.statusBar().showMessage(f"Deleted {what}. Ctrl+Z brings it back.", 8000)

    # ---- moving -------------------------------------------------------------------------------

    def return_to_pool(self) -> None:
        ids = [a for a in self.selected_article_ids()
               if self.doc.issue.find_article(a)[0] is not None]
        if not ids or self.doc.read_only:
            return
        stack = self.doc.undo_stack
        if len(ids) > 1:
            stack.beginMacro("return to the pool")
        for aid in ids:
            self.doc.push(MoveArticleCommand(self.doc, aid, None, len(self.doc.issue.pool)))
        if len(ids) > 1:
            stack.endMacro()
        self._last_list = "pool"
        self.select_article(ids[0])

    def move_to_section(self) -> None:
        ids = self.selected_article_ids()
        if not ids or self.doc.read_only:
            return
        sections = self.doc.issue.sections
        names = [s.title for s in sections] + ["The pool"]
        choice = dialogs.ask_item(self, "Move to section", "Move the article to:", names)
        if choice is None:
            return
        target = sections[choice].id if choice < len(sections) else None
        push_article_moves(self.doc, ids, target, -1)
        self._last_list = "structure" if target else "pool"
        self.select_article(ids[0])

    def move_article_by(self, step: int) -> None:
        ids = self.selected_article_ids()
        if len(ids) != 1 or self.doc.read_only:
            return
        section, index = self.doc.issue.find_article(ids[0])
        items = section.articles if section else self.doc.issue.pool
        target = index + step
        if 0 <= target < len(items):
            arg = target + 1 if step > 0 else target
            self.doc.push(MoveArticleCommand(self.doc, ids[0], section.id if section else None,
                                             arg))
            self.select_article(ids[0])

    # ---- sections -----------------------------------------------------------------------------

    def add_section(self) -> None:
        title = dialogs.ask_text(self, "Add section", "Title of the new section:")
        if title and title.strip():
            current = self.selected_section_id()
            index = self.doc.issue.section_index(current) + 1 if current else None
            command = AddSectionCommand(self.doc, title, index)
            self.doc.push(command)
            if command.section is not None:
                # The new section is the one Rename and Remove then act on.
                self.select_section(command.section.id)

    def rename_section(self) -> None:
        sid = self.selected_section_id()
        if sid is None:
            return
        title = dialogs.ask_text(self, "Rename section", "New title:",
                                 self.doc.issue.section(sid).title)
        if title and title.strip() and title.strip() != self.doc.issue.section(sid).title:
            self.doc.push(RenameSectionCommand(self.doc, sid, title))

    def remove_section(self) -> None:
        sid = self.selected_section_id()
        if sid is None:
            return
        section = self.doc.issue.section(sid)
        count = len(section.articles)
        if count and not dialogs.ask_confirm(
                self, "Remove section",
                f"Remove '{section.title}'? Its {plural(count, 'article')} "
                f"{'goes' if count == 1 else 'go'} back to the pool."):
            return
        self.doc.push(RemoveSectionCommand(self.doc, sid))

    def move_section_by(self, step: int) -> None:
        sid = self.selected_section_id()
        if sid is None:
            return
        index = self.doc.issue.section_index(sid)
        target = index + step
        if 0 <= target < len(self.doc.issue.sections):
            self.doc.push(MoveSectionCommand(self.doc, sid, target + 1 if step > 0 else target))
            self.select_section(sid)
