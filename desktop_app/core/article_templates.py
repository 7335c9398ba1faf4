"""Article templates: the recurring kinds of article ("Meet the…" profile, event notice,
funding announcement) as YAML files in ``templates/articles/`` that the team can add to.

A template file has a ``name`` (shown in the New article menu), an optional ``description``
and ``section`` (the id of the section it usually goes in), and an ``article:`` written exactly
as an article in ``issue.yaml`` (standfirst, body, pull quotes, contacts, callouts). Its words
in square brackets are prompts for the writer to replace. A broken file is skipped with a
one-line warning naming it; the others still load.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import BulletinError
from .fileio import FileTooBig, read_regular
from .model import Article
from .storage import parse_article_file

TEMPLATE_SUFFIX = ".yaml"
MAX_TEMPLATE_BYTES = 256 * 1024


@dataclass
class ArticleTemplate:
    """One kind of article to start from."""

    key: str  # the file's name without .yaml
    name: str
    description: str
    section: str  # the id of the section it usually goes in, or ""
    article: Article


def bundled_template_dir() -> Path:
    """The templates shipped with the app."""
    from desktop_app.templates import template_dir

    return template_dir() / "articles"


def load_template(path: Path) -> ArticleTemplate:
    """Read one template file; BulletinError (one line, naming the file) if it cannot be."""
    try:
        data = read_regular(path, MAX_TEMPLATE_BYTES)
    except FileTooBig:
        raise BulletinError(f"{path.name}: too big for an article template") from None
    except OSError as exc:
        raise BulletinError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    others, article, _warnings = parse_article_file(data, path)
    name = others.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BulletinError(f"{path.name}: an article template needs a name")
    description = others.get("description") or ""
    section = others.get("section") or ""
    return ArticleTemplate(key=path.stem, name=" ".join(name.split()),
                           description=" ".join(str(description).split()),
                           section=str(section).strip(), article=article)


def load_templates(folders: list[Path] | None = None) -> tuple[list[ArticleTemplate], list[str]]:
    """Every template in the folders (the bundled ones by default), sorted by name, and a
    warning for each file that could not be used. A later folder's file replaces an earlier
    one of the same name, so a team folder can override a bundled template."""
    by_key: dict[str, ArticleTemplate] = {}
    warnings: list[str] = []
    for folder in folders if folders is not None else [bundled_template_dir()]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
            try:
                template = load_template(path)
            except BulletinError as exc:
                warnings.append(str(exc))
                continue
            by_key[template.key] = template
    return sorted(by_key.values(), key=lambda t: t.name.casefold()), warnings
