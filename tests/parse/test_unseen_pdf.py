"""Unseen PDFs, made by someone who has not read the reader, with the tools physicians use: python-docx and
pandoc files exported by LibreOffice, HTML printed by Chromium (fixtures/unseen/make_pdf.py; the content and
what a correct reader gets back are in fixtures/unseen/pdf_truth.py).

Each CV runs through the CLI as a user would (tests/blackbox.py) and only the outputs are checked:
report.json (profile, bullets as read, not_used), the resume's paragraphs, linkedin.md, outreach.md.
Tolerant on the wording the program chooses (contains, case-insensitive, dashes and quotes alike), strict
on content: every duty whole, once, in order, under its own section and entry; nothing from a footer, a
sidebar or a wrapped line read as a bullet of its own; licence numbers nowhere; grants, certifications and
skills whole; a damaged file refused in one line.
"""

from __future__ import annotations

import gc
import importlib.util
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.blackbox import Outputs, translate
from tests.conftest import FIXTURES

UNSEEN = FIXTURES / "unseen"


def _load_truth() -> Any:
    spec = importlib.util.spec_from_file_location("unseen_pdf_truth", UNSEEN / "pdf_truth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_truth = _load_truth()
TRUTH: dict[str, dict[str, Any]] = _truth.TRUTH
DAMAGED: dict[str, tuple[str, float]] = _truth.DAMAGED
FILES = sorted(TRUTH)


def _having(key: str) -> list[str]:
    return [name for name in FILES if TRUTH[name].get(key)]


# ------------------------------------------------------------------------------------------ helpers

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}


def norm(text: str | None) -> str:
    """Compare content, not typography: NFKC, one kind of dash and quote, single spaces, no case."""
    text = unicodedata.normalize("NFKC", text or "").translate(_DASHES).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def same_duty(a: str, b: str) -> bool:
    """The same sentence or bullet, whether or not the program kept its final full stop."""
    return norm(a).rstrip(" .;") == norm(b).rstrip(" .;")


def contains(haystack: str | None, needle: str) -> bool:
    return norm(needle) in norm(haystack)


def has_part(paragraph: str, part: str) -> bool:
    """A part of an item, as a whole word or phrase; an acronym (DEA, ALSO) only in capitals."""
    flags = 0 if part.isupper() else re.IGNORECASE
    text = unicodedata.normalize("NFKC", paragraph).translate(_DASHES).translate(_QUOTES)
    pattern = r"(?<!\w)" + re.escape(unicodedata.normalize("NFKC", part).translate(_DASHES)) + r"(?!\w)"
    return re.search(pattern.replace(r"\ ", r"\s+"), text, flags) is not None


def alnum(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def paragraphs(out: Outputs) -> list[str]:
    return [p for p in out.resume if p.strip()]


def every_output_text(out: Outputs) -> str:
    """Every file the run wrote, .docx parts included (document, headers, footers, properties)."""
    texts = [out.everything(), *out.resume_properties.values()]
    if out.folder.is_dir():
        for path in sorted(out.folder.rglob("*")):
            if not path.is_file():
                continue
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as archive:
                    texts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
            else:
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def succeeded(out: Outputs) -> None:
    assert out.exit_code == 0, f"exit {out.exit_code}: {out.stderr.strip()}"
    assert paragraphs(out), "no resume written"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Outputs]:
    """Each CV translated once for the whole module (the reader is what is under test, not the writer)."""
    done: dict[str, Outputs] = {}

    def get(name: str) -> Outputs:
        if name not in done:
            folder = tmp_path_factory.mktemp(Path(name).stem[:40])
            try:
                done[name] = translate(UNSEEN / name, folder / "out")
            finally:
                gc.enable()
        return done[name]

    return get


def found_duties(out: Outputs, truth: dict[str, Any]) -> list[tuple[dict[str, str], list[int]]]:
    """Each duty of the truth with the indexes of the report's bullets that read exactly as it."""
    texts = [b.get("text", "") for b in out.bullets]
    return [(d, [i for i, t in enumerate(texts) if same_duty(t, d["text"])]) for d in truth["duties"]]


def resume_sections(out: Outputs) -> list[tuple[str, str]]:
    """(heading, paragraph) for each paragraph of resume.docx: the heading is the last paragraph before it in
    a heading style (an ATS reads the resume's sections from its heading styles)."""
    from docx import Document

    path = out.folder / "resume.docx"
    if not path.is_file():
        return []
    heading, found = "", []
    for paragraph in Document(str(path)).paragraphs:
        if not paragraph.text.strip():
            continue
        if paragraph.style is not None and paragraph.style.name.startswith(("Heading", "Title")):
            heading = paragraph.text
        else:
            found.append((heading, paragraph.text))
    return found


def one_per_line(out: Outputs, items: list[list[str]], headings: tuple[str, ...]) -> list[str]:
    """Items that have no resume line of their own under a heading holding one of `headings`: a line holding
    all the item's parts and no other item. A line the report names as left off to keep to the pages counts
    as its own line (a DEA registration trimmed for space is read right, and not dropped without a word), and so
    does a line the report sets aside with its reason (a DEA registration, which no industry role asks for)."""
    lines = [text for heading, text in resume_sections(out) if any(h in heading.casefold() for h in headings)]
    lines += out.left_off + list(out.set_aside)
    missing = []
    for k, parts in enumerate(items):
        others = [other for j, other in enumerate(items) if j != k]
        own = [
            line
            for line in lines
            if all(has_part(line, p) for p in parts)
            and not any(all(has_part(line, p) for p in other) for other in others)
        ]
        if not own:
            holding = [
                (heading, text) for heading, text in resume_sections(out) if all(has_part(text, p) for p in parts)
            ]
            missing.append(f"{parts} — (heading, line) holding it: {holding}")
    return missing


# ------------------------------------------------------------------------------------------ the files


def test_every_fixture_is_there() -> None:
    names = {p.name for p in UNSEEN.glob("p_*.pdf")}
    assert sorted(set(TRUTH) | set(DAMAGED)) == sorted(names)


# ------------------------------------------------------------------------------------------ profile


@pytest.mark.parametrize("name", FILES)
def test_profile_fields(run: Callable[[str], Outputs], name: str) -> None:
    """Name without credentials (never a sidebar word or heading), credentials, email, phone, 'City, ST', and
    the current employer's clean name: no department prefix, no dates."""
    out, truth = run(name), TRUTH[name]
    succeeded(out)
    profile = out.report.get("profile", {})
    employer = profile.get("institution") or profile.get("employer") or profile.get("organization")
    got = {
        "name": re.sub(r"\s+", " ", profile.get("name") or "").strip(),
        "credentials": sorted(c.replace(".", "") for c in profile.get("credentials") or []),
        "email": (profile.get("email") or "").strip().lower(),
        "phone": digits(profile.get("phone")),
        "location": (profile.get("location") or "").strip(),
        "employer": re.sub(r"\s+", " ", employer or "").strip(),
    }
    want = {
        "name": truth["name"],
        "credentials": sorted(truth["credentials"]),
        "email": truth["email"],
        "phone": digits(truth["phone"]),
        "location": truth["location"],
        "employer": truth["employer"],
    }
    assert got == want


# ------------------------------------------------------------------------------------------ bullets


@pytest.mark.parametrize("name", FILES)
def test_every_duty_read_whole_and_once(run: Callable[[str], Outputs], name: str) -> None:
    """Each duty (a bullet, a numbered item, a sentence of a paragraph, a committee line) is one bullet in
    report.json that reads exactly as the CV once its wrapped lines are joined — no more, no less, once."""
    out = run(name)
    succeeded(out)
    found = found_duties(out, TRUTH[name])
    missing = [d["text"] for d, hits in found if not hits]
    repeated = [(d["text"], len(hits)) for d, hits in found if len(hits) > 1]
    assert (missing, repeated) == ([], []), f"bullets read: {[b.get('text') for b in out.bullets]}"


@pytest.mark.parametrize("name", FILES)
def test_duties_in_reading_order(run: Callable[[str], Outputs], name: str) -> None:
    out = run(name)
    succeeded(out)
    firsts = [(hits[0], d["text"]) for d, hits in found_duties(out, TRUTH[name]) if hits]
    assert len(firsts) >= 2, "too few duties read whole to judge their order"
    assert [text for _, text in firsts] == [text for _, text in sorted(firsts)]


@pytest.mark.parametrize("name", FILES)
def test_duties_under_their_section_and_entry(run: Callable[[str], Outputs], name: str) -> None:
    """A duty stays under the heading it was printed under (compared without case: small caps, capitals)
    and in the entry whose title it follows; committees are not read as part of the section before."""
    out = run(name)
    succeeded(out)
    misplaced = []
    placed = 0
    for duty, hits in found_duties(out, TRUTH[name]):
        for i in hits:
            bullet = out.bullets[i]
            placed += 1
            if norm(bullet.get("section")) != norm(duty["section"]) or not contains(bullet.get("entry"), duty["entry"]):
                misplaced.append(
                    {
                        "text": duty["text"][:60],
                        "want": (duty["section"], duty["entry"]),
                        "got": (bullet.get("section"), bullet.get("entry")),
                    }
                )
    assert placed, "no duty read whole: nothing to place"
    assert misplaced == []


_DANGLING = {"with", "and", "of", "the", "to", "for"}


@pytest.mark.parametrize("name", FILES)
def test_no_fragments(run: Callable[[str], Outputs], name: str) -> None:
    """No bullet is a piece of a wrapped line: none starts in lower case as a continuation, none ends on a
    word that needs the next line ('with', 'and', 'of', 'the', 'to', 'for'), a hyphen or a comma, and none
    is a part of a duty instead of the whole of it."""
    out = run(name)
    succeeded(out)
    duties = [norm(d["text"]).rstrip(" .;") for d in TRUTH[name]["duties"]]
    fragments = []
    for bullet in out.bullets:
        text = (bullet.get("text") or "").strip()
        last = re.findall(r"[A-Za-z]+$", text)
        flat = norm(text).rstrip(" .;")
        if (
            not text
            or text[0].islower()
            or text.endswith(("-", ",", "\u2013", "\u2014"))
            or (last and last[0].lower() in _DANGLING)
            or any(flat != duty and flat in duty for duty in duties)
        ):
            fragments.append(text)
    assert fragments == []


@pytest.mark.parametrize("name", FILES)
def test_nothing_read_twice(run: Callable[[str], Outputs], name: str) -> None:
    """A sidebar, a layout table or a page break never makes a line come back twice: no bullet twice in
    report.json, no resume paragraph (of five words or more) twice."""
    out = run(name)
    succeeded(out)
    bullets = Counter(norm(b.get("text")) for b in out.bullets)
    lines = Counter(norm(p) for p in paragraphs(out) if len(p.split()) >= 5)
    twice = [t for t, n in bullets.items() if n > 1] + [p for p, n in lines.items() if n > 1]
    assert twice == []


# ------------------------------------------------------------------------------------------ facts on one line


@pytest.mark.parametrize("name", _having("certifications"))
def test_certifications_one_per_resume_line(run: Callable[[str], Outputs], name: str) -> None:
    """Board certification, licence and DEA typed on one line of the CV, or 'Infectious Disease 2010 | 2020'
    (certified, renewed): each item on a resume line of its own, with its years, under the resume's
    certification or licensure heading."""
    out = run(name)
    succeeded(out)
    assert one_per_line(out, TRUTH[name]["certifications"], ("certif", "licens", "licenc")) == []


@pytest.mark.parametrize("name", _having("education"))
def test_degree_and_residency_one_per_resume_line(run: Callable[[str], Outputs], name: str) -> None:
    """'MD, <school>, 2008; Residency in ..., 2008–2011' on one CV line: two lines in the resume, under its
    education (and training) heading."""
    out = run(name)
    succeeded(out)
    assert one_per_line(out, TRUTH[name]["education"], ("education", "training")) == []


@pytest.mark.parametrize("name", FILES)
def test_licence_npi_dea_numbers_in_no_output(run: Callable[[str], Outputs], name: str) -> None:
    out = run(name)
    succeeded(out)
    text = every_output_text(out)
    squashed = re.sub(r"\s+", "", text)
    leaked = [n for n in TRUTH[name]["numbers"] if n in text or re.sub(r"\s+", "", n) in squashed]
    assert leaked == []


@pytest.mark.parametrize("name", _having("grants"))
def test_grants_whole(run: Callable[[str], Outputs], name: str) -> None:
    """A grant written on one line with commas inside its title is one item: role, award number, the whole
    title, years and amount in one resume paragraph, and never a piece of it on its own."""
    out = run(name)
    succeeded(out)
    lines = paragraphs(out)
    problems = []
    for parts in TRUTH[name]["grants"]:
        if not any(all(contains(line, p) for p in parts) for line in lines):
            problems.append(f"not whole in any resume paragraph: {parts[2]!r}")
        # the award and the amount are each written once in the CV: wherever one is, the whole grant is
        pieces = [text for text in lines + [b.get("text", "") for b in out.bullets]]
        pieces = [text for text in pieces if contains(text, parts[1]) or contains(text, parts[-1])]
        problems += [f"a piece: {p!r}" for p in pieces if not all(contains(p, part) for part in parts)]
    assert problems == []


# ------------------------------------------------------------------------------------------ footers, skills


@pytest.mark.parametrize("name", _having("footers"))
def test_footers_set_aside(run: Callable[[str], Outputs], name: str) -> None:
    """Running footers ('Priya S. Raman — 1/2', 'Page 2 of 10') and 'References available on request' are
    listed in report.json's not_used, and are neither a bullet nor a resume line."""
    out = run(name)
    succeeded(out)
    not_used = [norm(item.get("text")) for item in out.report.get("not_used", []) if isinstance(item, dict)]
    footers = TRUTH[name]["footers"]
    unlisted = [f for f in footers if not any(norm(f) in text for text in not_used)]
    leaked = [f for f in footers if any(contains(p, f) for p in paragraphs(out))]
    leaked += [f for f in footers for b in out.bullets if contains(b.get("text"), f)]
    assert (unlisted, leaked) == ([], [])


@pytest.mark.parametrize("name", _having("skills"))
def test_skills_intact_in_the_resume(run: Callable[[str], Outputs], name: str) -> None:
    """A skills list is split at its own separators ('; ' or ' • ') only: 'ECMO and mechanical circulatory
    support' stays one skill, and every skill reaches the resume whole."""
    out = run(name)
    succeeded(out)
    lines = paragraphs(out)
    missing = [s for s in TRUTH[name]["skills"] if not any(contains(line, s) for line in lines)]
    assert missing == []


# ------------------------------------------------------------------------------------------ academic record


def _shown(out: Outputs, items: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(year, title, resume paragraph) of each publication the resume shows, in resume order."""
    keys = [(year, title, alnum(title)) for year, title in items]
    shown = []
    for line in paragraphs(out):
        flat = alnum(line)
        shown += [(year, title, line) for year, title, key in keys if key in flat]
    return shown


_RECORDS = [(name, kind) for kind in ("publications", "presentations") for name in _having(kind)]


@pytest.mark.parametrize(("name", "kind"), _RECORDS)
def test_publications_and_presentations_most_recent_first(run: Callable[[str], Outputs], name: str, kind: str) -> None:
    """The CV lists them oldest first (numbered); the resume shows its selection most recent first."""
    out = run(name)
    succeeded(out)
    shown = _shown(out, TRUTH[name][kind])
    years = [year for year, _, _ in shown]
    assert shown, f"the resume shows none of the {kind}"
    assert years == sorted(years, reverse=True)
    # a selection trimmed to its pages says so in its heading: "Selected Presentations (1 of 15)"
    if len(shown) < 2:
        assert any(re.search(rf"\({len(shown)} of \d+\)", p) for p in paragraphs(out)), "a selection cut unsaid"


@pytest.mark.parametrize(("name", "kind"), _RECORDS)
def test_selected_publications_read_whole(run: Callable[[str], Outputs], name: str, kind: str) -> None:
    """A title wrapped over two lines, or broken after a hyphen ('gram-' / 'negative'), reads as printed."""
    out = run(name)
    succeeded(out)
    shown = _shown(out, TRUTH[name][kind])
    assert shown, f"the resume shows none of the {kind}"
    assert [title for _, title, line in shown if not contains(line, title)] == []


@pytest.mark.parametrize("name", _having("entries"))
def test_two_column_entries_once_with_their_dates(run: Callable[[str], Outputs], name: str) -> None:
    """In a two-column layout (dates left, entries right) each entry comes out once, its dates with it (the
    Summary may name the post held today)."""
    out = run(name)
    succeeded(out)
    problems = []
    shown = paragraphs(out)
    summary = shown[shown.index("Summary") + 1] if "Summary" in shown else None
    for title, org, dates in TRUTH[name]["entries"]:
        lines = [p for p in shown if contains(p, title) and (not org or contains(p, org)) and p != summary]
        if len(lines) != 1:
            problems.append(f"{title!r}: {len(lines)} resume lines {lines}")
        elif not all(contains(lines[0], d) for d in dates):
            problems.append(f"{title!r}: dates {dates} not with it: {lines[0]!r}")
    assert problems == []


# ------------------------------------------------------------------------------------------ the name


@pytest.mark.parametrize("name", FILES)
def test_name_in_resume_linkedin_and_outreach(run: Callable[[str], Outputs], name: str) -> None:
    out = run(name)
    succeeded(out)
    person = TRUTH[name]["name"]
    where = {
        "resume first paragraph": contains(paragraphs(out)[0], person),
        "linkedin.md": contains(out.linkedin, person),
        "outreach.md": contains(out.outreach, person),
    }
    placeholders = [p for p in ("your name", "{your_name}") if p in out.everything().casefold()]
    assert (where, placeholders) == (dict.fromkeys(where, True), [])


# ------------------------------------------------------------------------------------------ damaged


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_damaged_pdf_refused_in_one_line(tmp_path: Path, name: str) -> None:
    out_dir = tmp_path / "out"
    try:
        out = translate(UNSEEN / name, out_dir)
    finally:
        gc.enable()
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    written = sorted(p.name for p in out_dir.rglob("*")) if out_dir.exists() else []
    assert (out.exit_code, len(lines), written) == (2, 1, []), out.stderr
    assert "damaged" in lines[0].lower()


def test_a_sidebar_read_before_the_name_still_gives_the_name_and_the_appointments() -> None:
    """A Chromium print (written by a helper from a brief for a reading test, kept apart from pdf_truth.py's set)
    whose left sidebar — Contact, Board Certification,
    Skills — is read before the main column: the name, set in 28-point type after the sidebar, is the name; the
    main column's larger headings open their sections; the browser's date, address and page title are left out
    with their reason."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "sidebar-first_pediatric-endocrinology_chromium.pdf")
    assert cv.profile.name == "Elena M. Vasquez"
    assert cv.profile.location == "Aurora, CO"
    assert cv.profile.specialty == "pediatric endocrinology"
    kinds = [s.kind for s in cv.sections]
    assert kinds.index("experience") > kinds.index("memberships")
    (current, *_) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert current.title == "Assistant Professor of Pediatrics, Section of Endocrinology"
    assert len(current.bullets) == 6
    reasons = {n.text: n.reason for n in cv.not_used}
    assert reasons["file:///tmp/cv/Elena_Vasquez_CV.html"] == "a browser's print header or footer"
    assert reasons["Elena Vasquez MD - CV"] == "the document's title, not its content"
    assert not any("file:///" in b.text or "12:21" in b.text for _, _, b in cv.all_bullets())
    # a two-letter degree set apart from its dates is a word, not an icon's glyph: the MD stays
    training = [(e.title, e.organization) for s in cv.sections if s.kind == "training" for e in s.entries]
    assert ("MD", "Baylor College of Medicine, Houston, TX") in training


def test_duties_written_as_indented_paragraphs_are_read_whole_under_their_position() -> None:
    """A LibreOffice PDF (written by a helper from a brief for a reading test) whose positions are headings with
    their dates in brackets and whose duties are paragraphs with a first-line indent: each paragraph is joined
    whole, each sentence a duty under its own position, the employer's name clean of its legal form."""
    from translator.parse import read_cv
    from translator.parse.profile import employer

    cv = read_cv(UNSEEN / "paragraphs-indented_interventional-radiology_libreoffice.pdf")
    present = [e for s in cv.sections if s.kind == "experience" for e in s.entries][:2]
    assert [e.title for e in present] == [
        "Interventional Radiologist and Partner",
        "Physician Proctor and Clinical Consultant",
    ]
    assert [e.dates for e in present] == ["September 2019 to present", "2021 to present"]
    duties = [b.text for b in present[0].bullets]
    assert duties[0].startswith(
        "I practice full-time interventional radiology at Banner – University Medical Center Phoenix"
    )
    assert len(duties) == 7
    assert employer(present[1].organization or "") == "Meridian Endovascular"
    assert cv.profile.institution == "Valley Vascular & Interventional Radiology"


def test_dates_floated_right_by_a_browser_stay_dates_and_titles_wrapped_before_them_stay_whole() -> None:
    """A Chromium print (written by a helper from a brief for a reading test) whose dates are right-floated spans:
    a title wrapped just before its dates goes on with the name it broke ("…, Community Living" / "Center
    (CLC)"), a date set a few word spaces after the text is the entry's dates, not words of it, and a research
    line that is a role and a description ("Site Investigator — Multisite observational cohort …. Enrolled 64
    veterans …") keeps the study as its heading and the rest as its duties."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "floated-dates_geriatrics-palliative_chromium.pdf")
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work[1].title == "Medical Director, Hospice & Palliative Care Unit, Community Living Center (CLC)"
    assert work[1].organization == "VA Puget Sound Health Care System, American Lake Division, Tacoma, WA"
    education = [e.organization or "" for s in cv.sections if s.kind == "education" for e in s.entries]
    assert any("Walter Reed Army Medical Center, Washington, DC" in o for o in education)
    research = [e for s in cv.sections if s.kind == "research" for e in s.entries]
    assert [e.dates for e in research] == ["2019 – 2021", "2015 – 2017", "2008"]
    assert (
        research[1].title
        == "Site Investigator — Multisite observational cohort of hospice transitions from CLCs (VA-funded)"
    )
    assert [b.text for b in research[1].bullets] == ["Enrolled 64 veterans at American Lake"]


def test_a_paragraph_broken_by_the_page_mid_word_is_one_duty() -> None:
    """A LibreOffice PDF of justified paragraphs (written by a helper from a brief for a reading test): a duty
    whose line ends "…a 60-patient pilot, vendor-" at the foot of page 1 goes on at the top of page 2 ("neutral
    scoring and …"), one duty, the word whole."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "justified-paragraphs_anesthesiology_libreoffice.pdf")
    duties = [b.text for _, _, b in cv.all_bullets()]
    (duty,) = [d for d in duties if d.startswith("Coordinated the system evaluation")]
    assert "a 60-patient pilot, vendor-neutral scoring and a recommendation" in duty
    assert not any(d.startswith("neutral") for d in duties)


def test_a_browsers_print_header_and_footer_are_set_aside_on_every_page() -> None:
    """Chromium prints the date, the page's title and its address with the page number on every page
    ('file:///…/07_okafor_pathology_cv_2026.html 1/3'): each copy is set aside and listed, none is an entry, a
    bullet or a heading's tail (fixtures/unseen/browser-header-footer_pathology_chromium.html, printed with
    `chromium --headless --print-to-pdf`, header and footer on)."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "browser-header-footer_pathology_chromium.pdf")
    texts = [t for s in cv.sections for e in s.entries for t in (e.title or "", e.organization or "", *e.lines)]
    texts += [b.text for _, _, b in cv.all_bullets()]
    assert not [t for t in texts if "file:" in t or "Okafor CV 2026" in t]
    aside = [item.text for item in cv.not_used]
    assert len({t for t in aside if "07_okafor_pathology_cv_2026.html" in t}) == 3  # one per page, each with its number
    reviewed = [b.text for _, _, b in cv.all_bullets() if b.text.startswith("Reviewed")]
    assert len(reviewed) == 60
    # the line after a page break, its glyphs set one by one, keeps its word spaces
    assert all(" consecutive molecular cases for panel validation, batch " in t for t in reviewed)


def test_dates_a_browser_dropped_below_their_line_are_that_lines_and_an_arrow_going_on_is_no_bullet() -> None:
    """A Chromium print (unseen8's infectious-disease CV, written by a helper from a brief): each school's dates are
    a right-floated span the browser dropped below its line, half a line above the next school's text. Each school
    keeps its own dates; and a duty wrapped inside its bracket ("(−17%, FY21" / "→ FY25) with no rise …") is one
    duty, not a bullet opening with an arrow."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "small-caps-dropped-dates_infectious-disease_chromium.pdf")
    schooling = [(e.title, e.dates) for s in cv.sections if s.kind == "education" for e in s.entries]
    assert schooling == [
        ("Fellowship, Infectious Diseases", "2016 – 2018"),  # as the residency below
        ("MPH", "2017 – 2018"),
        ("Residency, Internal Medicine", "2013 – 2016"),  # the field is the title's, the university the employer
        ("MD", "2009 – 2013"),
    ]
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert (
        "System antimicrobial days of therapy fell from 712 to 588 DOT/1,000 patient-days (−17%, FY21 → FY25) "
        "with no rise in mortality or 30-day readmissions"
    ) in duties
    assert not any(d.startswith(("FY25", "→")) for d in duties)


def test_a_section_set_in_two_columns_is_read_column_by_column_across_pages() -> None:
    """A LibreOffice PDF (unseen8's hematologist/oncologist, written by a helper from a brief) whose one-column
    pages hold a publications section in two balanced columns, running from page 2 onto page 3 with the page's
    footer between: all 18 papers are read whole and in their order, each once, none merged across the gutter,
    and the single-column sections around them (memberships, personal) stay whole."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "two-column-publications_hem-onc_libreoffice.pdf")
    papers = [b.text for s in cv.sections if s.kind == "publications" for e in s.entries for b in e.bullets]
    assert len(papers) == 18
    assert papers[0].startswith("Wierzbicki TJ, Halloran ME, Datta R, et al. MRD-guided cessation of lenalidomide")
    assert papers[0].endswith("Blood Adv. 2026;10(4):812-823.")
    assert papers[7] == (
        "Morales-Quinn J, Wierzbicki TJ. Frailty scores and early mortality in transplant-ineligible NDMM. "
        "J Geriatr Oncol. 2023;14(5):101512."
    )
    # the last paper of page 2's right column goes on at the top of page 3's left column, past the footer
    assert papers[14].endswith("Support Care Cancer. 2019;27(10):3921-3927.")
    assert papers[16].endswith("adherence audit. J Thromb Thrombolysis. 2016;42(2):233-238.")
    assert not any(re.search(r"\. 1?\d\. [A-Z]", p) for p in papers)  # no second numbered paper inside one
    memberships = [e for s in cv.sections if s.kind == "memberships" for e in s.entries]
    assert [line for e in memberships for line in e.lines] == ["ASH, ASCO, International Myeloma Society, ASTCT"]
    # the tumor board's years, pushed onto page 2 after a dash, are its years, not a duty of their own
    seats = [b.text for s in cv.sections if s.kind == "committees" for e in s.entries for b in e.bullets]
    assert any(t.startswith("Chair") and t.endswith("Tumor Board (weekly, ~12 cases/wk), 2019–present") for t in seats)
    assert "2019–present" not in seats
    assert "Fluent Polish. Married, two children. Cycling (Ride for MACC Fund, 100 mi, 2018–2025), chess club." in {
        n.text for n in cv.not_used
    }


def test_a_browser_printed_sidebar_that_runs_onto_page_two_keeps_its_sections() -> None:
    """A Chromium print of a resume template with a CSS-grid sidebar (unseen9's nephrologist, written by a helper
    from a brief): headings set with spaced-out capitals ("P R O F E SS I O N A L E X P E R I E N C E" in the
    text layer), the sidebar running onto page 2 with no heading of its own there. Each column is read apart on
    both pages, the sidebar's memberships stay memberships, the main column's research stays research; two
    titles held in turn over one employer are one position; a title wrapped inside its bracket is whole."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "sidebar-grid-letter-spaced_nephrology_chromium.pdf")
    headings = [s.heading for s in cv.sections]
    assert "PROFESSIONAL EXPERIENCE" in headings and "CLINICAL SERVICE" in headings
    assert not any(re.search(r"\b[A-Z]{1,2} [A-Z]{1,2}\b", h) for h in headings if "&" not in h)
    by_kind = {s.heading: s for s in cv.sections}
    assert [line for e in by_kind["MEMBERSHIPS"].entries for line in e.lines] == [
        "American Society of Nephrology (FASN 2020)",
        "American Society of Transplantation",
        "International Society of Pharmacovigilance (2025)",
        "National Kidney Foundation",
    ]
    work = by_kind["PROFESSIONAL EXPERIENCE"].entries
    assert work[0].title == (
        "Associate Professor of Internal Medicine (Clinical Track) (Jul 2022 – Present); "
        "Assistant Professor of Internal Medicine (Jul 2017 – Jun 2022)"
    )
    assert work[0].dates == "Jul 2017 – Present" and len(work[0].bullets) == 9
    assert (work[1].title, work[1].dates) == ("Medical Director (0.15 FTE, contracted)", "Jan 2020 – Present")
    research = by_kind["CLINICAL RESEARCH"].entries
    assert [(e.title, e.organization) for e in research] == [
        ("Principal Investigator", "TACRO-TREND"),
        ("Co-Investigator", "SERENITY-KTx"),
        ("Co-Investigator", "ARC-BK"),
        ("Independent Member, Data & Safety Monitoring Board", "PRISM-AKI"),
    ]
    assert any(b.text.endswith("0 unreported SAEs at external audit (2023).") for b in research[0].bullets)


def test_a_profile_paragraph_with_no_heading_is_the_summary_and_its_stated_target_is_heard() -> None:
    """The nephrologist's profile paragraph sits under her name with no heading; it ends "I am now seeking a physician
    role in drug safety / pharmacovigilance": it is the CV's summary, and the target it states is the one chosen,
    with her sentence as the reason (drug safety is clinical development's safety work)."""
    from translator.parse import read_cv
    from translator.report import build_report

    cv = read_cv(UNSEEN / "sidebar-grid-letter-spaced_nephrology_chromium.pdf")
    assert cv.sections[0].kind == "summary"
    assert "drug safety / pharmacovigilance" in " ".join(cv.sections[0].entries[0].lines)
    report = build_report(cv)
    assert report.target == "clinical-development"
    assert "the CV says so" in report.target_reason and "drug safety" in report.target_reason


def test_dates_that_fill_their_column_are_the_entrys_and_an_arrow_takes_a_figure_on() -> None:
    """A Chromium print with each entry's dates in a 1.2-inch column of their own (unseen10's retina specialist,
    written by a helper from a brief): "2019 – Present" fills its column and sits a word space from the title, where
    "2012 – 2019" leaves a wide gap; both are the entry's dates, the title whole ("2019, Present Associate
    Professor …" before). A line wrapped before the arrow of a change goes on with it ("wait 47" / "→ 18 d")."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "date-column_retina_chromium.pdf")
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert (work[0].title, work[0].dates) == ("Associate Professor of Ophthalmology (Clinical Track)", "2019 – Present")
    assert all(not (e.title or "").startswith(("2012", "2014", "2019")) for e in work)
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert any("new-referral wait 47 → 18 d; visits/session 28 → 41" in d for d in duties)
    assert not any(d.startswith(("18 d", "→")) for d in duties)


def test_trials_grouped_under_their_role_each_take_the_role_and_a_month_span_is_a_date() -> None:
    """An academic CV printed by Chromium with a date column (unseen12's lymphoma physician-scientist, written by
    a helper from a brief): "Principal Investigator", "Sub-Investigator" and "Co-Investigator" set over the trials
    held in that role head each trial with its dates, never the organization of the trial above ("Site PI:
    ORCA-201 …" under "Sub-Investigator" before); "Jan–Aug 2025" in the date column is the post's dates."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "date-column-role-groups_hem-onc_chromium.pdf")
    trials = [
        (e.title, e.organization, e.dates, [b.text[:14] for b in e.bullets])
        for s in cv.sections
        if s.kind == "research"
        for e in s.entries
    ]
    assert trials == [
        ("Principal Investigator", None, "2021–present", ["PI (investigat"]),
        ("Site PI", None, "2023–present", ["Site PI: ORCA-"]),  # its own role, not the group's
        ("Sub-Investigator", None, "2019–2024", ["Sub-I: SUMMIT-"]),
        ("Sub-Investigator", None, "2020–2023", ["Sub-I: LANTERN"]),
        ("Co-Investigator", None, "2022–2025", ["Co-I: LLS-fund"]),
        ("Co-Investigator", None, "2018–present", ["Co-I on 9 furt"]),
    ]
    work = {e.title: e for s in cv.sections if s.kind == "experience" for e in s.entries}
    assert work["Interim Co-Leader"].dates == "Jan–Aug 2025"
    assert cv.profile.name == "Elena V. Marchetti-Oyelaran"  # the contact column's "✉" on the name's line
    # her degrees before the tagline's dash, under the contact lines the second column set beside the name
    assert cv.profile.credentials == ["MD", "PhD"]


def test_a_title_at_the_same_department_takes_the_employer_above() -> None:
    """ "Assistant Professor of Ophthalmology, same department   2012 – 2019" under the associate professorship:
    that department is its employer, so the texts count her years there from 2012, not 2019."""
    from translator.parse import read_cv
    from translator.render import phrases

    cv = read_cv(UNSEEN / "date-column_retina_chromium.pdf")
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work[1].title == "Assistant Professor of Ophthalmology"
    assert work[1].organization == work[0].organization
    assert phrases.since(cv, cv.profile) == 2012


def test_a_browser_pdf_in_a_book_face_keeps_its_dashes_and_figures_on_the_title_line() -> None:
    """Chromium's print of a CV set in EB Garamond (old-style figures, ligatures; a helper's, from a brief), the
    dates set flush right on the title's line: a dash's box does not reach the baseline and "2011" sits higher than
    "2014", and each is still read on the line of the title it dates ("2015 – present", "2011 – 2014"); a company
    named with its legal form ("Mirrorfield Imaging, Inc. (…)") is the employer under its title, whatever its
    bracket says; "Hospital Affiliations" lists no memberships."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "ligatures-oldstyle-figures_mohs_chromium.pdf")
    entries = {e.title: e for s in cv.sections for e in s.entries if e.title}
    assert entries["Founder & Owner, Mohs Surgeon"].dates == "2015 – present"
    assert entries["Staff Mohs Surgeon (part-time, 1 day/week)"].dates == "2015 – 2019"
    assert entries["Residency, Dermatology (Chief Resident 2013–2014)"].dates == "2011 – 2014"
    advisor = entries["Clinical Advisor (part-time, non-clinical)"]
    assert (advisor.organization or "").startswith("Mirrorfield Imaging, Inc.")
    # the affiliations are privileges, which no industry role asks for: set aside with the reason, no memberships
    reasons = {n.text: n.reason for n in cv.not_used}
    assert any("HonorHealth Scottsdale Shea" in t and "privileges" in r for t, r in reasons.items())
    assert not any(s.kind == "memberships" and "HonorHealth" in str(s) for s in cv.sections)
    # "Th" set as one glyph: both letters have the glyph's box, and stay in their word
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert any("(Veradyne Therapeutics) at our practice site" in d for d in duties)
    # a seat that opens with its dates is an item of its own, never the end of the line above
    assert "HonorHealth Cutaneous Oncology Tumor Board — standing dermatologic surgery member since 2022" in duties


def test_section_names_in_a_margin_column_head_their_sections() -> None:
    """LibreOffice's PDF of a CV laid out as one table, the section names right-aligned in small capitals in the
    left column beside their content (a helper's, from a brief, unseen13): each name heads its section, a name on
    two lines ("CLINICAL" / "RESEARCH") is one, and the text beside it starts the section, not the line above
    (every duty had gone under "Profile" before: 0 of 37 bullets read). Education's degrees each keep their
    school: a whole entry's next line is the next entry's title."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "table-layout-margin-labels_pulmonary-critical-care_libreoffice.pdf")
    headings = [s.heading for s in cv.sections]
    assert headings[:5] == ["PROFILE", "APPOINTMENTS", "ACADEMIC", "CLINICAL RESEARCH", "COMMITTEES"]
    assert "CERTIFICATION & LICENSURE" in headings
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work[0].title == "Medical Director, Medical Intensive Care Unit" and len(work[0].bullets) == 6
    assert sum(len(e.bullets) for e in work) >= 17
    schools = {e.title: e.organization for s in cv.sections if s.kind == "education" for e in s.entries}
    assert schools["MS, Clinical Investigation"] == "Johns Hopkins Bloomberg School of Public Health"
    assert schools["MD"] == "Medical College of Virginia (VCU School of Medicine)"
    assert cv.profile.specialty == "pulmonary and critical care"


def test_a_linkedin_profile_name_on_two_lines_is_one_name() -> None:
    """A LinkedIn-style profile PDF whose long name wraps at its size ("Naomi R. Castellanos-" / "Whitfield, MD"):
    the name whole, not its first line (unseen13: "Naomi R. Castellanos-, MD" on every output); the boards name
    her an addiction psychiatrist, not the service she directs."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "linkedin-wrapped-name_psychiatry_chromium.pdf")
    assert cv.profile.name == "Naomi R. Castellanos-Whitfield"
    # and a school's long name wrapped the same way is one school, its degree under it
    schools = {e.title: e.organization for s in cv.sections if s.kind == "education" for e in s.entries}
    assert schools["Doctor of Medicine - MD"] == "University of Iowa Roy J. and Lucille A. Carver College of Medicine"
    assert cv.profile.specialty == "addiction psychiatry"


def test_section_headings_numbered_by_a_style_sheet_are_headings() -> None:
    """Chromium's print of pandoc's HTML with CSS-numbered sections ("1. Professional Appointments", the number a
    list marker; a helper's, from a brief, unseen14): each numbered name heads its section (0 of 31 duties were
    read, every heading taken for a list item)."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "numbered-section-headings_peds-hem-onc_chromium.pdf")
    assert [s.heading for s in cv.sections][:3] == ["Professional Appointments", "Research Roles", "Grants"]
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work[1].title == "Director, Pediatric Cellular Therapy Program" and len(work[1].bullets) == 7


def test_a_toxicologists_drug_safety_work_names_its_target_and_its_cards_go() -> None:
    """Chromium's print of a two-column CV, '▸' items in the sidebar (a helper's, from a brief, unseen14): the
    medical toxicology board names the physician; '▸' is an item's mark; the LIFE SUPPORT cards and the CSPMP
    registration are set aside; the board's number goes ('Arizona Medical Board, MD-51928'); and adverse drug
    event review, causality and signal detection make the case for clinical development (drug safety), not the
    health tech an ePCR app had suggested."""
    from translator.parse import read_cv
    from translator.render.resume import licence_lines
    from translator.report import build_report

    cv = read_cv(UNSEEN / "sidebar-longer-than-main_em-toxicology_chromium.pdf")
    assert cv.profile.specialty == "medical toxicology"
    items = [b.text for s in cv.sections if s.kind == "certification" for e in s.entries for b in e.bullets]
    assert "ABEM, Medical Toxicology (2017)" in items and not any("▸" in t for t in items)
    aside = " ".join(n.text for n in cv.not_used)
    assert "ACLS" in aside and "CSPMP" in aside
    assert "Arizona medical license" in licence_lines(s for s in cv.sections if s.kind == "certification")
    report = build_report(cv)
    assert report.target == "clinical-development" and "drug safety" in report.target_reason


def test_one_word_headings_in_spaced_capitals_and_a_professional_association() -> None:
    """unseen15's dermatologist (an HTML page with a coloured sidebar, printed by Chromium): letter-spaced headings
    came out 'CONTAC T', 'SKI L L S' and 'PROFI LE' (the text layer breaks the word where it likes and writes
    spaces of its own), so the sidebar's contact lines became a post and its summary went into Memberships; her
    practice 'Piedmont Dermatology & Skin Surgery, PA – Charlotte, NC' lost its name to Pennsylvania."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "letter-spaced-sidebar_dermatology_chromium.pdf")
    headings = [s.heading for s in cv.sections]
    assert {"CONTACT", "SKILLS", "PROFILE"} <= set(headings)
    (summary,) = [s for s in cv.sections if s.kind == "summary"]
    assert summary.entries[0].lines[0].startswith("Board-certified dermatologist, 16 years in practice")
    memberships = [b.text for s in cv.sections if s.kind == "memberships" for e in s.entries for b in e.bullets]
    assert memberships == [
        "American Academy of Dermatology",
        "North Carolina Dermatology Association",
        "Society for Investigative Dermatology",
    ]
    assert not any("Sharon View Road" in (e.title or "") for s in cv.sections for e in s.entries)
    assert (cv.profile.location, cv.profile.institution) == ("Charlotte, NC", "Piedmont Dermatology & Skin Surgery, PA")


def test_a_state_named_in_full_is_the_location_not_a_board() -> None:
    """'Diplomate, American Board of Anesthesiology • Greensboro, North Carolina' under the name: the location was
    'Diplomate, American Board' (the first 'Word, Word' pair)."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "justified-paragraphs_anesthesiology_libreoffice.pdf")
    assert cv.profile.location == "Greensboro, North Carolina"


def test_a_german_electrophysiologists_employers_under_titles_and_a_qualification_with_a_dash() -> None:
    """unseen15's electrophysiologist (python-docx, printed by LibreOffice, 3 pages with a running header): the
    employer set on the line under a title whose place held a field or a device ('Resident — Internal Medicine and
    Cardiology (Assistenzarzt)' / 'Klinikum Nordheide, Lüneburg, Germany (…)'; 'Proctor — LAAO device' / 'Auriga
    Cardio Inc.') was a duty; a disclosure of fees was a duty of the advisory board; 'Additional qualification
    Special Rhythmology – Invasive Electrophysiology (DGK), 2018' was split at its dash."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "running-header-page-of-footer_electrophysiology_libreoffice.pdf")
    posts = {e.title: e for s in cv.sections for e in s.entries if e.title}
    resident = posts["Resident, Internal Medicine and Cardiology (Assistenzarzt)"]
    assert (
        resident.organization
        == "Klinikum Nordheide, Lüneburg, Germany (interrupted 09/2013-08/2014 for research fellowship)"
    )
    assert posts["Proctor, LAAO device"].organization == "Auriga Cardio Inc."
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert not any(d.startswith(("Disclosures", "Auriga", "Klinikum")) for d in duties)
    assert any(n.text.startswith("Disclosures:") for n in cv.not_used)
    certificates = [b.text for s in cv.sections if s.kind == "certification" for e in s.entries for b in e.bullets]
    assert "Additional qualification Special Rhythmology – Invasive Electrophysiology (DGK), 2018" in certificates


def test_a_specialty_listed_after_its_board_keeps_the_board() -> None:
    """unseen15: 'Diplomate, American Board of Internal Medicine – Internal Medicine (2013); Nephrology (2015, MOC
    current)' became three lines, two of them naming no board; a UK register's second specialty lost its register;
    a GMC number taken out left 'GMC No. .'."""
    from translator.identifiers import without_identifiers
    from translator.parse.structure import facts

    assert facts(
        "Diplomate, American Board of Internal Medicine – Internal Medicine (2013); Nephrology (2015, MOC current)",
        "certification",
    ) == [
        "Diplomate, American Board of Internal Medicine – Internal Medicine (2013)",
        "American Board of Internal Medicine: Nephrology (2015, MOC current)",
    ]
    register = without_identifiers(
        "GMC full registration with a licence to practise, GMC No. 7184422. Specialist Register: Infectious Diseases; "
        "Medical Microbiology"
    )
    assert facts(register, "certification") == [
        "GMC full registration with a licence to practise",
        "Specialist Register: Infectious Diseases; Medical Microbiology",
    ]
    # items of their own stay apart: a licence, a card, a lapsed licence, specialties under no board
    assert facts("Licenses: Virginia (active); Maryland (inactive)", "certification")[1] == "Maryland (inactive)"
    assert len(facts("Internal Medicine · Geriatric Medicine · Hospice & Palliative Medicine", "certification")) == 3


def test_an_irish_psychiatrists_banner_wraps_her_degree_and_her_address() -> None:
    """unseen16's psychiatrist (Chromium PDF, a dark banner): 'Dr Siobhán Ní Bhriain MB' / 'BCh BAO, MRCPsych,' /
    'MCPsychI' gave the name 'Siobhán Ní Bhriain MB', split her one degree in three and lost MCPsychI; the e-mail
    wrapped at its hyphen ('s.nibhriain@eircom-' / 'mail.ie') and the Dublin address were lost."""
    from translator.parse import read_cv

    profile = read_cv(UNSEEN / "banner-wrapped-postnominals_psychiatry_chromium.pdf").profile
    assert profile.name == "Siobhán Ní Bhriain"
    assert profile.credentials == ["MB BCh BAO", "MRCPsych", "MCPsychI"]
    assert profile.email == "s.nibhriain@eircom-mail.ie"
    assert profile.location == "Dublin, Ireland"


def test_a_line_with_no_mark_over_marked_duties_says_what_the_post_is() -> None:
    """unseen16's anesthesiologist-intensivist (LibreOffice PDF): the trial a site PI post ran and the trial a DSMB
    seat watched are written under the titles with no bullet mark; they were read as duties (the DSMB member became
    'member' of the trial in the summary). They are lines of their posts, under the titles."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "grants-table-four-pages_anesthesiology-icu_libreoffice.pdf")
    posts = {e.title: e for s in cv.sections for e in s.entries if e.title}
    site, board = posts["Site Principal Investigator"], posts["Member"]
    assert site.lines == [
        "Multicenter randomized trial of an investigational vasopressin-pathway agent in septic shock (sponsor: "
        "Corvalis Therapeutics; CRO: Meridian Clinical)"
    ]
    assert site.bullets[0].text.startswith("Enrolled 47 patients, the highest enrollment among 62 US sites")
    assert board.organization == "Data and Safety Monitoring Board"
    assert board.lines == [
        "NHLBI-funded FLUID-RESTRICT Trial of early fluid restriction in ARDS (multisite, N = 1,100)"
    ]
    assert [b.text[:33] for b in board.bullets] == ["Review unblinded interim safety a"]


def test_a_grants_table_is_read_a_record_at_a_time() -> None:
    """unseen16's anesthesiologist-intensivist: 'Role | Title | Funder | Dates | Amount' over five grants whose cells
    wrap. Read as two page columns, the roles and titles came apart from funders and amounts ('Funder Dates Amount
    NIH/NIGMS R01 2019 – 2024 $2,412,000 GM138812', 'Role Title' as a grant); each record is one line now, its
    cells in their columns, and the names row is no grant."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "grants-table-four-pages_anesthesiology-icu_libreoffice.pdf")
    (grants,) = [s for s in cv.sections if s.kind == "grants"]
    assert [b.text for e in grants.entries for b in e.bullets] == [
        "PI — Endothelial glycocalyx shedding as a predictor of fluid non-response in septic shock — NIH/NIGMS R01 "
        "GM138812 — 2019 – 2024 — $2,412,000",
        "PI — Mentored patient-oriented research in perioperative sepsis — NIH/NHLBI K23 HL128455 — 2014 – 2019 — "
        "$812,500",
        "Site PI — VASO-SHIELD: Phase III RCT in septic shock — Corvalis Therapeutics (industry) — 2021 – 2024 — "
        "$598,000",
        "Co-I (10%) — Precision sedation in mechanically ventilated adults — AHRQ R18 HS027730 — 2020 – 2023 — "
        "$1,150,000",
        "PI — Point-of-care lactate kinetics in postoperative patients — Foundation for Anesthesia Education and "
        "Research (FAER) — 2013 – 2015 — $175,000",
    ]
    headings = [s.heading for s in cv.sections]
    assert "TEACHING & INVITED LECTURES" in headings  # the table ends where the next section begins


def test_a_trials_table_whose_rows_stand_apart_is_read_a_record_at_a_time() -> None:
    """unseen17's haematologist (LibreOffice PDF, 4 pages): a six-column trials table whose rows are padded apart (a
    gap wider than a line) and whose names row stands further off was read as fragments ('Pi' as a heading, 'knee
    arthroplasty' as a duty); the date column set a single space before each title ('11/2016 – present Director,
    …'); the GDPR consent and the signed place and date closed the Skills."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "trials-table-date-column_haematology_libreoffice.pdf")
    (trials,) = [s for s in cv.sections if s.kind == "grants"]
    items = [b.text for e in trials.entries for b in e.bullets]
    assert (
        "Site PI — AURORA-A – AAV gene therapy, haemophilia A, + 5-yr LTFU — Meridian Genomics — III — 2020– — 2"
        in items
    )
    assert (
        "Sub-I — Oral FXIa inhibitor, VTE prophylaxis after knee arthroplasty — Norrland Pharma — II — 2012–2013 — 15"
        in items
    )
    assert not any(s.heading == "PI" for s in cv.sections)
    (director, *_) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert (director.title, director.dates) == (
        "Director, Haemophilia and Thrombosis Centre (Centro Emofilia e Trombosi, UOSD)",
        "11/2016 – present",
    )
    assert cv.profile.location == "Bologna, Italy"
    lines = [t for s in cv.sections for e in s.entries for t in (*e.lines, *(b.text for b in e.bullets))]
    assert not any("GDPR" in t or t.startswith("Bologna, 15 October") for t in lines)


def test_tables_of_posts_under_a_years_column_are_entries_with_their_dates() -> None:
    """unseen19's paediatric ID physician-scientist (pandoc Markdown printed by Chromium, 7 pages): every post and
    degree sits in a 'Years | Title | Institution' table whose first column is narrow ('1998–' over '2002'). The
    names row's first gap was no wider than a word space, so it was never read as one; the page was read in two
    columns across the table; 'Years Title' became her employer, a hospital her name, and each row's dates a
    fragment of the next. Read a record at a time, the dates go where a resume keeps them."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "posts-tables-years-column_peds-id_pandoc-chromium.pdf")
    assert (cv.profile.name, cv.profile.credentials) == ("Oluwaseun A. Adeyemi-Hart", ["MD", "MPH"])
    appointments = [
        (e.title, e.organization, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries
    ]
    assert (
        "Assistant Professor of Pediatrics",
        "Midlands University School of Medicine, Kansas City, MO",
        "2013–2019",
    ) in appointments
    assert not any("Years" in (t or "") or o == "Institution" for t, o, _ in appointments)
    degrees = [(e.title, e.dates) for s in cv.sections if s.kind == "education" for e in s.entries]
    assert ("MD", "2002–2006") in degrees
    # the trials table: 'Enrolled' / '(site)' stacked beside its names row is a column too, and a trial whose name
    # opens in its own capitals ('mRNA COVID-19 vaccine') is a record of its own; 'Phase' and 'Sponsor', set closer
    # than a column's gap, are two columns because the rows' phases and sponsors start under each
    trials = [b.text for s in cv.sections if s.kind == "research" for e in s.entries for b in e.bullets]
    assert "mRNA COVID-19 vaccine, ages 6 mo–11 y — II/III — Industry — Sub-I — 2021–2022 — 390" in trials
    assert any(
        t.startswith("Long-acting RSV monoclonal antibody") and t.endswith("III — Industry — Site PI — 2019–2022 — 212")
        for t in trials
    )
    grants = [b.text for s in cv.sections if s.kind == "grants" for e in s.entries for b in e.bullets]
    assert "PI — Prairie State Children’s Foundation — PSCF-RI-1455 — 2014–2016 — $50,000" in grants


def test_a_mentoring_table_whose_rows_wrap_and_whose_names_row_wraps_is_read_a_record_at_a_time() -> None:
    """unseen19's paediatric ID physician-scientist: a 'Mentee | Level (at the time) | Years | Project | Current
    position' table whose names row wraps ('time)' under 'Level (at the', set in the middle of its two lines so that
    on one page it was read into the names row) and whose every row wraps ('Dana' / 'Whitlock, MD', '2016–' /
    '2019'). Each second line, filling most columns, was read as a record, and the page's repeated names row as a
    mentee. Rows padded apart are told by their pitch; a line under the names row with no first cell is more of
    the names."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "posts-tables-years-column_peds-id_pandoc-chromium.pdf")
    (mentoring,) = [s for s in cv.sections if s.heading.lower() == "mentoring"]
    assert [b.text for e in mentoring.entries for b in e.bullets] == [
        "Dana Whitlock, MD — Pediatric ID fellow — 2016–2019 — RSV hospitalization burden, rural infants — Assistant "
        "Professor, Univ. of the Plains",
        "Marcus Leung, MD — Pediatric ID fellow — 2018–2021 — Oral step-down for osteomyelitis — Pediatric ID "
        "attending, private group",
        "Priya Raman, MPH — MPH student — 2019–2020 — Stewardship in urgent care — Epidemiologist, state health "
        "department",
        "Tomás Ibarra, MD — Pediatric resident — 2020–2022 — Time-to-antibiotics in ED sepsis — Pediatric ID fellow",
        "Grace Okoro, MD, MSc — Pediatric ID fellow — 2021–2024 — Maternal vaccine & household transmission — Fellow "
        "(K12 scholar)",
    ]


def test_post_nominals_in_smaller_type_after_the_name_and_a_contact_line_of_icons() -> None:
    """unseen19's nephrologist (a Chromium 'resume builder' PDF): 'Dr Siobhán Keaveney' with 'MB BCh BAO, MD, FRCPI,
    FRCP' in smaller type on the same line was read as a name ending 'MB' and a section headed 'BCh BAO, MD, FRCPI,
    FRCP', holding her tagline and contact lines; her location was that heading ('BCh BAO, MD': Maryland), then the
    county without its city ('⌂ Leeds, West Yorkshire, UK')."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "small-postnominals-cards_nephrology_chromium.pdf")
    assert (cv.profile.name, cv.profile.credentials) == ("Siobhán Keaveney", ["MB BCh BAO", "MD", "FRCPI", "FRCP"])
    assert cv.profile.location == "Leeds, West Yorkshire"
    assert cv.sections[0].heading == "PROFILE"
