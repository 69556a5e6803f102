"""The literal prefilter gives the same answers as trying every pattern: on real bullets and made-up text."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import CVS, FIXTURES, SHARED
from translator.mapping import facts, patterns
from translator.mapping.patterns import Regex, fold
from translator.mapping.roles import fit_targets, role_profiles
from translator.mapping.rule_files import additions, glossary, rules, verbs
from translator.mapping.translate import translate_bullet


def _regexes() -> list[Regex]:
    """Every pattern of the data files, as the code tries it."""
    found: list[Regex] = []
    for rule in rules():
        for group in rule._regexes:
            found.extend(group.regexes)
    for addition in additions().values():
        for group in addition._regexes:
            found.extend(group.regexes)
    found += [term.regex for term in glossary()]
    found += [u.regex for u in verbs().upgrade] + [n.regex for n in verbs().noun_opening]
    found += [signal.regex for role in role_profiles().values() for signal in role.signals]
    found += [keyword.regex for role in role_profiles().values() for keyword in role.keywords]
    found += [regex for kind in facts.kinds().values() for regex in kind.regex.regexes]
    return found


def _bullets(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _lines(paths: list[Path]) -> list[str]:
    """Every line of every document: bullets, headings, names, dates, as the readers give them."""
    from translator.parse import read_lines

    return [line.text for path in paths for line in read_lines(path)[1] if line.text.strip()]


def _fixture_bullets() -> list[str]:
    texts = [text for path in sorted((FIXTURES / "eval").glob("*.jsonl")) for text in _bullets(path)]
    return texts + _lines(sorted(p for p in CVS.rglob("*") if p.suffix in {".docx", ".pdf", ".txt", ".md"}))


def _everything_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference: no prefilter, every pattern compiled and tried."""
    from translator.mapping import rewrite

    monkeypatch.setattr(patterns.Regex, "may_match", lambda self, text: True)
    monkeypatch.setattr(patterns.AnyOf, "search", lambda self, text: any(r.search(text) for r in self.regexes))
    # The glossary looks its terms up by their literals: the reference tries every term, in file order.
    monkeypatch.setattr(rewrite, "_glossary_candidates", lambda text, start: list(range(start, len(glossary()))))
    rewrite.apply_glossary.cache_clear()


_SPECIALTIES = [None, "oncology", "internal medicine", "orthopaedic surgery", "Rheumatology", "radiology", "pediatrics"]


def _targets_and_kinds(texts: list[str]) -> list[object]:
    """What the facts and targets read from the texts: each text's kinds, each role's keywords found in it, and
    the targets fitted to every seventh text under each specialty."""
    kinds = [sorted(facts.kinds_of(text)) for text in texts]
    keywords = [[k.term for r in role_profiles().values() for k in r.keywords if k.regex.search(t)] for t in texts]
    found = [facts.Fact(f"b-{n}", t, t, "", "", facts.kinds_of(t), False, n) for n, t in enumerate(texts)]
    fitted = [
        [(fit.role.id, fit.score, [f.id for f in fit.evidence]) for fit in fit_targets(s, found[i::7])]
        for i, s in enumerate(_SPECIALTIES)
    ]
    return [kinds, keywords, fitted]


def _compare(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from translator.mapping import rewrite

    asked: list[tuple[Regex, str]] = []
    may_match = patterns.Regex.may_match

    def recording(self: Regex, text: str) -> bool:
        answer = may_match(self, text)
        if not answer:
            asked.append((self, text))
        return answer

    rewrite.apply_glossary.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(patterns.Regex, "may_match", recording)
        prefiltered = [translate_bullet(text, target="medical-affairs").model_dump() for text in texts]
        prefiltered_targets = _targets_and_kinds(texts)
    with monkeypatch.context() as m:
        _everything_tried(m)
        tried = [translate_bullet(text, target="medical-affairs").model_dump() for text in texts]
        tried_targets = _targets_and_kinds(texts)
    assert prefiltered_targets == tried_targets
    rewrite.apply_glossary.cache_clear()
    assert prefiltered == tried
    # Every text a pattern was not tried on, exactly as the code asked: the pattern does not match it.
    assert asked, "the prefilter never skipped a pattern"
    wrong = [(r.pattern, t) for r, t in asked if r.compiled.search(t)]
    assert not wrong, wrong[:5]
    # And for every pattern on every bullet as written, not only the texts the code happened to ask about.
    wrong = [(r.pattern, t) for r in _regexes() for t in texts if r.compiled.search(t) and not r.may_match(t)]
    assert not wrong, wrong[:5]


def test_prefilter_agrees_with_trying_every_pattern_on_the_fixture_bullets(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _fixture_bullets()
    assert len(texts) > 200
    _compare(texts, monkeypatch)


@pytest.mark.needs_shared
def test_prefilter_agrees_with_trying_every_pattern_on_the_shared_bullets(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = [p for p in sorted((SHARED / "corpus").iterdir()) if p.suffix in {".docx", ".pdf", ".txt", ".md"}]
    texts = _bullets(SHARED / "eval" / "dev_bullets.jsonl") + _lines(corpus)
    assert len(texts) > 1000
    _compare(texts, monkeypatch)


def _all_characters() -> Iterator[str]:
    return (chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_fold_keeps_every_case_insensitive_match() -> None:
    """Any character a case-insensitive ASCII character matches folds to that character (Kelvin sign, long s)."""
    everything = "".join(_all_characters())
    for code in range(32, 127):
        char = chr(code)
        matched = set(re.findall(re.escape(char), everything, re.IGNORECASE))
        assert {fold(m) for m in matched} == {char.lower()}, char


def _fragments() -> st.SearchStrategy[str]:
    """The patterns' own literals, so that made-up text comes close to matching (read in the test, once
    the cache folder points at tmp_path, not at collection)."""
    return st.deferred(lambda: st.sampled_from(sorted({lit for r in _regexes() for lit in (r._literals or ())})))


# Letters that fold specially, dashes and spaces the patterns care about, and arbitrary text.
_TRICKY = st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a", "K", "S", "I", "–", "—", "\u00a0", " ", ";", "-"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            _fragments().map(str.upper),
            _fragments().map(str.title),
            _fragments(),
            _TRICKY,
            st.text(max_size=4),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_no_pattern_matches_text_its_literals_rule_out(text: str) -> None:
    for regex in _regexes():
        if regex.compiled.search(text):
            assert regex.may_match(text), (regex.pattern, text)


_ALPHABET = "abkisAB\u0130\u0131\u017f\u212a- 1"
_ATOMS = st.one_of(
    st.text(_ALPHABET, min_size=1, max_size=3).map(re.escape),
    st.sampled_from([r"[ab]", r"[^a]", r"\d", r"\w", ".", r"\b", "^", "$", r"\s"]),
)
_PATTERNS = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{0,2}", "{1,3}", "{2}", "??", "+?", "++", "*+"])).map(
            lambda p: f"(?:{p[0]}){p[1]}"
        ),
        inner.map(lambda p: f"(?-i:{p})"),
        inner.map(lambda p: f"(?i:{p})"),
        inner.map(lambda p: f"({p})"),
        inner.map(lambda p: f"(?>{p})"),
        inner.map(lambda p: f"(?={p})"),
        inner.map(lambda p: f"(?!{p})"),
        inner.map(lambda p: f"(?<=a){p}"),
    ),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(_PATTERNS, st.sampled_from([re.IGNORECASE.value, 0]), st.lists(st.text(_ALPHABET, max_size=12), max_size=6))
def test_no_made_up_pattern_matches_text_its_literals_rule_out(pattern: str, flags: int, texts: list[str]) -> None:
    try:
        regex = Regex(pattern, flags)
    except ValueError:  # "nothing to repeat" and the like: not a pattern a data file could hold
        assume(False)
    for text in texts:
        if regex.compiled.search(text):
            assert regex.may_match(text), (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\bclinical trials?\b", {"clinical trial"}),
        (r"\b(?:sepsis|bacteremia)\b", {"sepsis", "bacteremia"}),
        (r"(?-i:\bPI\b)", {"pi"}),
        (r"\bphase (?:I{1,3}V?|[1-4])\b", {"phase "}),
        (r"^\W*(?:member|served on)\b", {"member", "served on"}),
        (r"(?:clinical )?trial", {"trial"}),  # an optional part needs nothing
        (r"(?:clinical )+trial", {"clinical "}),
        (r"(?:x|\d+)", None),  # a branch that needs nothing
        (r"^", None),
    ],
)
def test_literals_read_from_a_pattern(pattern: str, needed: set[str] | None) -> None:
    assert patterns.literals(pattern) == (None if needed is None else frozenset(needed))


def test_a_known_pattern_is_not_compiled_again_and_a_bad_one_still_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from translator.memo import DiskMemo

    memo = DiskMemo(lambda: "patterns-test.json")
    monkeypatch.setattr(patterns, "_MEMO", memo)
    patterns.check(r"\bcommittee\b")
    memo.save()
    assert memo.path is not None and json.loads(memo.path.read_text())[f"{re.IGNORECASE.value}:\\bcommittee\\b"]

    again = DiskMemo(lambda: "patterns-test.json")
    monkeypatch.setattr(patterns, "_MEMO", again)
    monkeypatch.setattr(patterns, "compiled", lambda *args: pytest.fail("compiled a pattern it knew"))
    assert patterns.check(r"\bcommittee\b") == r"\bcommittee\b"
    monkeypatch.undo()
    with pytest.raises(ValueError, match="bad regular expression"):
        patterns.check("(unclosed")
