"""Fuzzing load → validate → build_blocks → export → save → load over mutated real issue files.

A few hundred cases with a fixed seed run in the suite; ``make fuzz`` runs tens of thousands
(``FUZZ_EXAMPLES``, ``FUZZ_SEED``). Zero uncaught exceptions: a file is either refused in one
line (IssueFileError) or goes all the way, and what is saved reads back the same.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from desktop_app.resources import demo_dir
from tests.fuzzing import build_corpus, mutated, run_case

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
SEED = int(os.environ.get("FUZZ_SEED", "20261202"))
EDITION_MD = Path(__file__).parent / "fixtures" / "markdown" / "edition.md"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("fuzz"), demo_dir(), EDITION_MD)


def test_the_fuzz_corpus_is_real_and_loads(corpus):
    folder, files = corpus
    assert len(files) == 2 and all(len(f) > 2000 for f in files)
    assert all(run_case(f, folder, export=False) == "loaded" for f in files)


def test_mutated_issue_files_never_crash_the_app(corpus):
    folder, files = corpus
    outcomes: Counter[str] = Counter()
    # Exporting every case would make the suite slow; every fourth goes all the way.
    count = [0]

    @seed(SEED)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=mutated(files))
    def case(data: bytes) -> None:
        count[0] += 1
        outcomes[run_case(data, folder, export=count[0] % 4 == 0)] += 1

    case()
    # The mutations must reach both ends: some files refused, many loaded and exported.
    assert outcomes["refused"] > EXAMPLES // 20, outcomes
    assert outcomes["loaded"] + outcomes["exported"] > EXAMPLES // 10, outcomes
    assert outcomes["exported"] > 0, outcomes


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@seed(SEED)
@given(text=st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=8))
def test_lone_surrogates_are_never_saved(text, tmp_path_factory):
    from desktop_app.core.model import new_issue
    from desktop_app.core.storage import load_issue, save_issue

    folder = tmp_path_factory.mktemp("surrogate")
    issue = new_issue()
    issue.title = f"a{text}b"
    issue.extra["note" + text] = text
    save_issue(issue, folder)
    again = load_issue(folder).issue
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in again.title)
    assert again.title.startswith("a") and again.title.endswith("b")
