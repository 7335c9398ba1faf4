"""The phrasing corpus (tests/fixtures/phrasings): load it, run the recognisers, count.

    .venv/bin/python -m tests.phrasings      # the counts, as the README gives them

A row is right when the recogniser gives exactly what the row says an editor would: the same
contacts (name, role, organisation, email, phone) and the same text left in the body, or the
same pull quote and speaker. Missed: the row has a contact or quote and nothing was found.
Wrong: something was found that differs from the row (a "not a contact" row that gives a
contact is wrong).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from desktop_app.core.importers.contacts import find_contacts, remaining_text
from desktop_app.core.importers.quotes import quote_in

FOLDER = Path(__file__).parent / "fixtures" / "phrasings"
FIELDS = (("name", "name"), ("role", "role"), ("org", "organisation"), ("email", "email"),
          ("phone", "phone"))


def load(name: str) -> list[dict]:
    return yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))


@dataclass
class Outcome:
    row: dict
    verdict: str  # right, missed or wrong
    got: object


def contact_outcome(row: dict) -> Outcome:
    found = find_contacts(row["text"], [], row.get("following") or [])
    want = [{k: str(v) for k, v in c.items()} for c in row["contacts"]]
    got: list[dict] = []
    body, used = row["text"], 0
    if found is not None:
        got = [{key: getattr(c, attr) for key, attr in FIELDS if getattr(c, attr)}
               for c in found.contacts]
        body, used = remaining_text(row["text"], found), found.lines
    if got == want and body == row["body"] and used == row.get("used", 0):
        verdict = "right"
    elif want and not got:
        verdict = "missed"
    else:
        verdict = "wrong"
    return Outcome(row, verdict, (got, body, used))


def quote_outcome(row: dict) -> Outcome:
    if row.get("next") is not None:
        got = quote_in(row["next"], row["text"], bool(row.get("next_bold")))
    else:
        got = quote_in(row["text"])
    want = tuple(row["quote"]) if row["quote"] else None
    verdict = "right" if got == want else ("missed" if want and got is None else "wrong")
    return Outcome(row, verdict, got)


def counts(outcomes: list[Outcome]) -> Counter[str]:
    return Counter(o.verdict for o in outcomes)


def main() -> None:
    for name, judge in (("contacts.yaml", contact_outcome),
                        ("contacts-held-out.yaml", contact_outcome),
                        ("quotes.yaml", quote_outcome), ("quotes-held-out.yaml", quote_outcome)):
        outcomes = [judge(row) for row in load(name)]
        c = counts(outcomes)
        print(f"{name:24} {len(outcomes):3d} phrasings: {c['right']} right, {c['missed']} missed, "
              f"{c['wrong']} wrong")
        for o in outcomes:
            if o.verdict != "right":
                print(f"    {o.verdict}: {o.row['text'][:70]!r} -> {o.got}")


if __name__ == "__main__":
    main()
