"""Word-processor and plain-text CVs the reader has never seen (fixtures/unseen/, made by
fixtures/unseen/make_word_text.py from fixtures/unseen/word_text_truth.py), checked through the CLI's outputs
only (tests/blackbox.py).

The files: duties written as paragraphs (one duty per sentence); e-mail-pasted text with CRLF, lines
hard-wrapped at 72 columns (continuation lines flush left, breaks after hyphens and dashes) and every common
bullet glyph; headings underlined with ===/---; a Markdown CV; typed "•<tab>" bullets in Word; the name on a
"CURRICULUM VITAE" title page, in the page header, in a text box or in a layout table; several facts on one
line; a street address; employers written "Department - Employer (dates)"; page footers and "References
available on request"; a template of placeholders, a CV with no name, damaged files and a CV with almost
no bullets.

Tolerant where the brief leaves the wording open (case, a sentence's final period, curly or straight
apostrophes, the phone number's punctuation, how a refusal or warning is worded); strict on content.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.blackbox import Outputs, translate
from tests.conftest import FIXTURES
from translator.identifiers import minor_credential

UNSEEN = FIXTURES / "unseen"
sys.path.insert(0, str(UNSEEN))

import word_text_truth as content  # noqa: E402

TRUTH: dict[str, dict[str, Any]] = content.TRUTH
FILES = sorted(TRUTH)


def _with(key: str) -> list[str]:
    return [name for name in FILES if TRUTH[name][key]]


# ---------------------------------------------------------------------------------------------------------
# Running the CLI once per file and options (the outputs are only read afterwards).

_RUNS: dict[tuple[str, tuple[str, ...]], Outputs | BaseException] = {}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Outputs]:
    def _run(filename: str, *options: str) -> Outputs:
        key = (filename, options)
        if key not in _RUNS:
            out = tmp_path_factory.mktemp(Path(filename).stem) / "out"
            try:
                _RUNS[key] = translate(UNSEEN / filename, out, *options)
            except Exception as error:  # a crash is kept and re-raised for every test of this file
                _RUNS[key] = error
        result = _RUNS[key]
        if isinstance(result, BaseException):
            raise result
        return result

    return _run


def _succeeded(outputs: Outputs) -> Outputs:
    assert outputs.exit_code == 0, f"exit status {outputs.exit_code}; stderr: {outputs.stderr.strip()}"
    return outputs


def _norm(text: str) -> str:
    """Whitespace collapsed, curly apostrophes straightened, a sentence's final period dropped."""
    text = " ".join(text.replace("’", "'").replace("‘", "'").split())
    return text[:-1] if text.endswith(".") else text


def _low(text: str) -> str:
    return _norm(text).lower()


def _written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _stderr_lines(outputs: Outputs) -> list[str]:
    return [line for line in outputs.stderr.splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------------------
# The fixtures are what the truth says they are.


def test_every_fixture_is_committed() -> None:
    expected = {*FILES, *content.TEMPLATES, *content.NO_NAME, *content.DAMAGED}
    present = {p.name for p in UNSEEN.iterdir() if p.name.startswith(("w_", "t_"))}
    assert present == expected


@pytest.mark.parametrize("filename", ["t_family_med_email.txt", "t_emergency_med_notepad.txt"])
def test_text_fixtures_are_pasted_mail(filename: str) -> None:
    raw = (UNSEEN / filename).read_bytes()
    text = raw.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF throughout
    assert max(len(line) for line in lines) <= 72
    assert sum(len(line) > 60 for line in lines) >= 10  # really hard-wrapped
    for brk in TRUTH[filename]["raw_breaks"]:
        assert brk in text
    if filename == "t_emergency_med_notepad.txt":
        assert raw.startswith(b"\xef\xbb\xbf")  # Notepad's UTF-8 BOM


def test_word_fixtures_hold_the_layouts_they_claim() -> None:
    def part(name: str, member: str) -> str:
        with zipfile.ZipFile(UNSEEN / name) as archive:
            return archive.read(member).decode("utf-8")

    def members(name: str) -> list[str]:
        with zipfile.ZipFile(UNSEEN / name) as archive:
            return archive.namelist()

    obgyn = [m for m in members("w_obgyn_header.docx") if m.startswith("word/header")]
    assert any("Leah M. Castellanos" in part("w_obgyn_header.docx", m) for m in obgyn)
    assert "Castellanos" not in part("w_obgyn_header.docx", "word/document.xml")
    assert re.search(r"<w:t>•</w:t>\s*<w:tab/>", part("w_obgyn_header.docx", "word/document.xml"))
    box = part("w_pedneuro_textbox.docx", "word/document.xml")
    assert re.search(r"<w:pict>.*<v:textbox.*<w:txbxContent>.*Tobias J\. Lindqvist", box, re.S)
    assert "Tobias J. Lindqvist" in part("w_pedneuro_textbox_lo.docx", "word/document.xml")
    assert "LibreOffice" in part("w_pedneuro_textbox_lo.docx", "docProps/app.xml")
    rheum = part("w_rheum_table.docx", "word/document.xml")
    assert re.search(r"<w:tbl>.*Priyanka R\. Desai.*</w:tbl>", rheum, re.S)
    anesth = [m for m in members("w_anesth_lo.docx") if m.startswith("word/header")]
    assert any("Samuel O. Adebayo" in part("w_anesth_lo.docx", m) for m in anesth)
    assert "LibreOffice" in part("w_anesth_lo.docx", "docProps/app.xml")
    assert (UNSEEN / "w_anesth_lo.pdf").read_bytes().startswith(b"%PDF")
    assert re.search(r"<w:tbl>.*Daniel R\. Okafor.*</w:tbl>", part("w_psych_pandoc.docx", "word/document.xml"), re.S)


# ---------------------------------------------------------------------------------------------------------
# The profile.


@pytest.mark.parametrize("filename", FILES)
def test_profile_name(filename: str, run: Callable[..., Outputs]) -> None:
    profile = _succeeded(run(filename)).report.get("profile", {})
    assert _norm(profile.get("name") or "") == TRUTH[filename]["name"]


@pytest.mark.parametrize("filename", FILES)
def test_profile_email(filename: str, run: Callable[..., Outputs]) -> None:
    profile = _succeeded(run(filename)).report.get("profile", {})
    assert (profile.get("email") or "").lower() == TRUTH[filename]["email"]


@pytest.mark.parametrize("filename", FILES)
def test_profile_phone(filename: str, run: Callable[..., Outputs]) -> None:
    """Compared digit for digit: how the number is punctuated is the writer's choice."""
    profile = _succeeded(run(filename)).report.get("profile", {})
    digits = re.sub(r"\D", "", profile.get("phone") or "")
    assert digits == re.sub(r"\D", "", TRUTH[filename]["phone"]), profile.get("phone")


@pytest.mark.parametrize("filename", FILES)
def test_profile_location(filename: str, run: Callable[..., Outputs]) -> None:
    """'City, ST' — never the street, never the ZIP code."""
    profile = _succeeded(run(filename)).report.get("profile", {})
    assert _norm(profile.get("location") or "") == TRUTH[filename]["location"]


@pytest.mark.parametrize("filename", FILES)
def test_profile_credentials(filename: str, run: Callable[..., Outputs]) -> None:
    profile = _succeeded(run(filename)).report.get("profile", {})
    assert list(profile.get("credentials") or []) == TRUTH[filename]["credentials"]


# ---------------------------------------------------------------------------------------------------------
# The bullets: every duty, whole, in order, under its heading and entry.


@pytest.mark.parametrize("filename", FILES)
def test_bullets_whole_and_in_order(filename: str, run: Callable[..., Outputs]) -> None:
    """Wrapped lines joined ('treat-to-' + 'target' reads 'treat-to-target', '2018–' + '2019' reads
    '2018–2019'), glyphs and numbering gone, a paragraph of duties read one duty per sentence."""
    outputs = _succeeded(run(filename))
    got = [_norm(bullet.get("text", "")) for bullet in outputs.bullets]
    want = [_norm(text) for _, _, text in TRUTH[filename]["duties"]]
    assert got == want


@pytest.mark.parametrize("filename", FILES)
def test_bullets_under_their_heading_and_entry(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    by_text: dict[str, list[dict[str, Any]]] = {}
    for bullet in outputs.bullets:
        by_text.setdefault(_norm(bullet.get("text", "")), []).append(bullet)
    problems = []
    for heading, title, text in TRUTH[filename]["duties"]:
        found = by_text.get(_norm(text))
        if not found:
            problems.append(f"missing: {text!r}")
            continue
        bullet = found[0]
        if _low(bullet.get("section", "")) != heading.lower():
            problems.append(f"{text[:40]!r}: section {bullet.get('section')!r}, want {heading!r}")
        if title.lower() not in _low(bullet.get("entry", "")):
            problems.append(f"{text[:40]!r}: entry {bullet.get('entry')!r} does not name {title!r}")
    assert not problems, "\n".join(problems)


DANGLING = re.compile(r"(?:\b(?:with|and|of|the|to|for)|[-–—,])\s*$", re.IGNORECASE)


@pytest.mark.parametrize("filename", FILES)
def test_no_bullet_is_a_fragment(filename: str, run: Callable[..., Outputs]) -> None:
    """A wrapped line never becomes a bullet of its own: no bullet starts in lower case (the rest of the
    previous one) or stops on 'with', 'and', 'of', 'the', 'to', 'for', a hyphen or a comma."""
    outputs = _succeeded(run(filename))
    assert outputs.bullets, "no bullets at all"
    fragments = []
    for bullet in outputs.bullets:
        text = _norm(bullet.get("text", ""))
        if not text or text[0].islower() or DANGLING.search(text):
            fragments.append(text)
    assert not fragments


# ---------------------------------------------------------------------------------------------------------
# Several facts on one line: each certification, licence and degree on a resume line of its own.


def _holds(paragraph: str, item: list[str]) -> bool:
    low = _low(paragraph)
    return all(fragment.lower() in low for fragment in item)


@pytest.mark.parametrize("filename", _with("items"))
def test_each_certification_licence_and_degree_on_its_own_resume_line(
    filename: str, run: Callable[..., Outputs]
) -> None:
    """Each on a resume line of its own; a registration to prescribe or a life-support card on none, set aside in
    the report with its reason (no industry role asks for it)."""
    out = _succeeded(run(filename))
    resume = out.resume
    items = TRUTH[filename]["items"]
    problems = []
    for item in items:
        holding = [p for p in resume if _holds(p, item)]
        if minor_credential(" ".join(item)):
            if holding or not any(_holds(t, item) and "industry" in r for t, r in out.set_aside.items()):
                problems.append(f"{' + '.join(item)!r} is on the resume {holding} or not set aside with its reason")
            continue
        if len(holding) != 1:
            problems.append(f"{' + '.join(item)!r} is in {len(holding)} resume paragraphs: {holding}")
    for paragraph in resume:
        held = [" + ".join(item) for item in items if _holds(paragraph, item)]
        if len(held) > 1:
            problems.append(f"one paragraph holds {held}: {paragraph!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("filename", _with("no_range"))
def test_renewed_certification_is_not_read_as_a_date_range(filename: str, run: Callable[..., Outputs]) -> None:
    """'Infectious Disease 2010 | 2020' is certified in 2010 and renewed in 2020, not a span that ended."""
    resume = _succeeded(run(filename)).resume
    problems = []
    for item in TRUTH[filename]["no_range"]:
        holding = [p for p in resume if _holds(p, item)]
        if not holding:
            problems.append(f"{item} is on no resume line with both years")
        start, end = item[1], item[2]
        span = re.compile(rf"{start}\s*(?:[-–—]|to)\s*{end}", re.IGNORECASE)
        problems += [f"read as a span: {p!r}" for p in holding if span.search(p)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("filename", _with("presentations"))
def test_presentations_on_one_line_are_kept_apart(filename: str, run: Callable[..., Outputs]) -> None:
    """Two presentations in one line or one table cell come back as two items."""
    outputs = _succeeded(run(filename))
    kept = [_low(item.get("text", "")) for item in outputs.report.get("kept", [])]
    problems = []
    for item in TRUTH[filename]["presentations"]:
        holding = [k for k in kept if all(f.lower() in k for f in item)]
        if len(holding) != 1:
            problems.append(f"{item[0]!r} is in {len(holding)} kept items")
    for text in kept:
        held = [item[0] for item in TRUTH[filename]["presentations"] if all(f.lower() in text for f in item)]
        if len(held) > 1:
            problems.append(f"one kept item holds {held}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("filename", _with("secrets"))
def test_licence_npi_and_dea_numbers_are_never_written(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    texts = [outputs.everything()]
    for path in outputs.folder.rglob("*"):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(m).decode("utf-8", "replace") for m in archive.namelist()]
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    everything = "\n".join(texts)
    leaked = [number for number in TRUTH[filename]["secrets"] if number in everything]
    assert not leaked


# ---------------------------------------------------------------------------------------------------------
# The name everywhere it belongs, placeholders nowhere.


@pytest.mark.parametrize("filename", FILES)
def test_name_heads_the_resume_and_signs_linkedin_and_outreach(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    name = TRUTH[filename]["name"]
    assert outputs.resume, "resume.docx is empty"
    assert name in _norm(outputs.resume[0]), outputs.resume[0]
    assert name in _norm(outputs.linkedin)
    assert name in _norm(outputs.outreach)


PLACEHOLDER = re.compile(r"\[[A-Z][A-Za-z0-9]*(?:[ ,\-][A-Za-z0-9]+)*\](?!\()")


@pytest.mark.parametrize("filename", FILES)
def test_no_placeholder_and_no_curriculum_vitae_heading(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    texts = {"resume": "\n".join(outputs.resume), "linkedin": outputs.linkedin, "outreach": outputs.outreach}
    texts["report.md"] = outputs.report_md
    problems = []
    for where, text in texts.items():
        for phrase in ("Your Name", "{your_name}", "LinkedIn text for you"):
            if phrase.lower() in text.lower():
                problems.append(f"{where}: {phrase!r}")
        problems += [f"{where}: {m.group(0)!r}" for m in PLACEHOLDER.finditer(text)]
        problems += [
            f"{where}: heading {line!r}"
            for line in text.splitlines()
            if line.lstrip().startswith("#") and "curriculum vitae" in line.lower()
        ]
    problems += [f"resume: paragraph {p!r}" for p in outputs.resume if _low(p) in {"curriculum vitae", "cv"}]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------------------
# The employer, clean.


@pytest.mark.parametrize("filename", FILES)
def test_outreach_names_the_clean_employer(filename: str, run: Callable[..., Outputs]) -> None:
    """'Emergency Department - Desert Valley Medical Center (2019 - Present)' is 'Desert Valley Medical
    Center' in the outreach message: no department before it, no dates after it."""
    outreach = _norm(_succeeded(run(filename)).outreach)
    employer = TRUTH[filename]["employer"]
    assert employer in outreach
    problems = []
    prefix = TRUTH[filename]["employer_prefix"]
    for match in re.finditer(re.escape(employer), outreach):
        before = outreach[max(0, match.start() - 40) : match.start()]
        after = outreach[match.end() : match.end() + 20]
        if prefix and prefix.lower() in before.lower():
            problems.append(f"department kept: ...{before}{employer}")
        if re.match(r"\s*[(,–—-]?\s*(?:19|20)\d\d", after):
            problems.append(f"dates kept: {employer}{after}...")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------------------
# Footers, "References available on request" and underline rules: never content.


@pytest.mark.parametrize("filename", _with("not_used"))
def test_footers_and_references_are_reported_as_not_used(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    not_used = [_low(item.get("text", "")) for item in outputs.report.get("not_used", [])]
    missing = [line for line in TRUTH[filename]["not_used"] if not any(_low(line) in text for text in not_used)]
    assert not missing, f"not in report.json 'not_used': {missing}"


@pytest.mark.parametrize("filename", _with("not_used"))
def test_footers_and_references_stay_out_of_the_resume(filename: str, run: Callable[..., Outputs]) -> None:
    resume = _succeeded(run(filename)).resume
    found = [p for p in resume for line in TRUTH[filename]["not_used"] if _low(line) in _low(p)]
    assert not found


RULE = re.compile(r"[=\-_–—~*]{3,}")


@pytest.mark.parametrize("filename", _with("not_bullets"))
def test_footers_references_and_rules_are_not_bullets_or_entries(filename: str, run: Callable[..., Outputs]) -> None:
    """Page footers ('Rafael Quintero — 1/2'), 'References available on request', ===/--- underlines and a page
    header printed again on page 2 of a PDF: never a bullet, an entry or a section, never a resume line."""
    outputs = _succeeded(run(filename))
    problems = []
    for bullet in outputs.bullets:
        for field in ("text", "entry", "section"):
            value = _low(bullet.get(field, ""))
            problems += [f"{field} {value!r}" for line in TRUTH[filename]["not_bullets"] if _low(line) in value]
            if value and RULE.fullmatch(value.replace(" ", "")):
                problems.append(f"{field} is a rule: {value!r}")
    problems += [f"resume paragraph is a rule: {p!r}" for p in outputs.resume if RULE.fullmatch(p.replace(" ", ""))]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------------------
# resume.docx's document properties.


def _core(outputs: Outputs, tag: str) -> str | None:
    core = outputs.resume_properties.get("docProps/core.xml", "")
    match = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", core, re.S)
    return match.group(1).strip() if match else None


@pytest.mark.parametrize("filename", FILES)
def test_resume_creator_is_the_physician(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    assert _core(outputs, "dc:creator") == TRUTH[filename]["name"]


@pytest.mark.parametrize("filename", FILES)
def test_resume_title_names_the_physician(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    assert _norm(_core(outputs, "dc:title") or "") == f"Resume — {TRUTH[filename]['name']}"


@pytest.mark.parametrize("filename", FILES)
def test_resume_properties_do_not_say_python_docx(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    assert outputs.resume_properties, "resume.docx has no docProps"
    assert not [name for name, xml in outputs.resume_properties.items() if "python-docx" in xml.lower()]


@pytest.mark.parametrize("filename", FILES)
def test_resume_created_this_year(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    created = _core(outputs, "dcterms:created") or ""
    assert created[:4] == str(dt.datetime.now(dt.UTC).year), created


# ---------------------------------------------------------------------------------------------------------
# Files that are not a CV, or not one the reader can use as it stands.


def _refused(outputs: Outputs) -> None:
    assert outputs.exit_code == 2, f"exit status {outputs.exit_code}"
    assert len(_stderr_lines(outputs)) == 1, outputs.stderr
    assert _written(outputs.folder) == []


@pytest.mark.parametrize("filename", sorted(content.TEMPLATES))
def test_placeholder_template_is_refused(filename: str, run: Callable[..., Outputs]) -> None:
    _refused(run(filename))


@pytest.mark.parametrize("filename", sorted(content.NO_NAME))
def test_cv_without_a_name_is_refused_with_the_name_option(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = run(filename)
    _refused(outputs)
    assert "--name" in outputs.stderr


@pytest.mark.parametrize("filename", sorted(content.NO_NAME))
def test_cv_without_a_name_translates_with_name_given(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename, "--name", content.GIVEN_NAME))
    assert outputs.report.get("profile", {}).get("name") == content.GIVEN_NAME
    assert outputs.resume and content.GIVEN_NAME in outputs.resume[0]
    assert content.GIVEN_NAME in outputs.linkedin
    assert content.GIVEN_NAME in outputs.outreach
    assert "linkedin text for you" not in outputs.linkedin.lower()


@pytest.mark.parametrize("filename", sorted(content.DAMAGED))
def test_damaged_docx_is_refused(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = run(filename)
    _refused(outputs)
    assert "damaged" in outputs.stderr.lower()


@pytest.mark.parametrize("filename", content.LOW_YIELD)
def test_cv_with_fewer_than_three_bullets_warns(filename: str, run: Callable[..., Outputs]) -> None:
    outputs = _succeeded(run(filename))
    assert any("warning" in line.lower() for line in _stderr_lines(outputs)), outputs.stderr
    head = outputs.report_md.splitlines()[:15]
    assert any("warning" in line.lower() for line in head), "\n".join(head)


def test_text_saved_from_a_two_column_pdf_is_read_a_column_at_a_time() -> None:
    """A two-column CV saved by `pdftotext -layout` and pasted as it came (a helper's, from a brief): the sidebar and
    the main column sit side by side on every line, with form feeds between pages and a running header. The
    columns are read apart, the narrow sidebar from page to page and then the main column, so each job keeps its
    own duties, the trials stay under their heading, the sidebar's hospital list goes on across the page break,
    the running header is set aside, and a line that ends on a dash goes on with the next."""
    from translator.parse import read_cv

    cv = read_cv(FIXTURES / "unseen" / "pdftotext-layout-two-columns_interventional-radiology.txt")
    assert cv.profile.name == "Chinedu E. Okafor" and cv.profile.location == "Grosse Pointe Park, MI"
    # the sidebar wrapped the address at its hyphen ("linkedin.com/in/chinedu-" / "okafor-ir"): the hyphen stays
    assert cv.profile.linkedin == "linkedin.com/in/chinedu-okafor-ir"
    work = [(e.title, e.dates, len(e.bullets)) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work[0] == ("Chief, Division of Interventional Radiology", "2020 – present", 8)
    assert ("Interventional Radiologist (part-time, weekend locums)", "2016 – 2018", 1) in work
    trials = [b.text for s in cv.sections if s.kind == "research" for e in s.entries for b in e.bullets]
    assert len(trials) == 5 and trials[0].startswith("National Principal Investigator, TIDAL-PE")
    assert trials[0].endswith("Also site PI; Henry Ford enrolled 31.")
    # the sidebar's privileges, read whole, are set aside with their reason
    privileges = " ".join(n.text for n in cv.not_used if "privileges" in n.reason)
    assert "Henry Ford Wyandotte" in privileges
    assert any(n.text == "Okafor CV – page 2" for n in cv.not_used)
    education = [e.title or "" for s in cv.sections if s.kind == "education" for e in s.entries]
    assert any(t.startswith("Residency, Diagnostic Radiology — Cleveland Clinic") for t in education)
    # a heading in capitals with its count ("… & TALKS (6 of 19)"); a date-first seat is an item of its own
    assert any(s.kind == "publications" and s.heading.startswith("SELECTED PUBLICATIONS") for s in cv.sections)
    seats = [b.text for s in cv.sections if s.kind == "committees" for e in s.entries for b in e.bullets]
    assert "SIR Foundation - Clinical Trials Grant Review Panel, reviewer since 2023" in seats
    # a line that ends on an article goes on with the next: one citation, not two items
    papers = [b.text for s in cv.sections if s.kind == "publications" for e in s.entries for b in e.bullets]
    assert any("primary results of the TIDAL-PE single-arm study" in p for p in papers)


def test_a_uk_nhs_cv_reads_its_posts_table_qualifications_and_career_aims() -> None:
    """A consultant's CV in the NHS's own conventions (unseen12's gastroenterologist, made with python-docx by a
    helper from a brief): "Career aims" is the summary that states the target, "Current post" and "Previous posts"
    are positions, a row of the posts table ("Aug 2013 – Aug 2015 — ST6–ST7 — Sheffield … — Gastroenterology &
    GIM") a post of its own, "Qualifications" the education, "Clinical governance & audit" and "Management &
    leadership" leadership; the leads held within the consultant post are held at its employer, and a line that
    ends on its bracketed dates and a full stop keeps them."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "uk-nhs-posts-table_gastroenterology_python-docx.docx")
    assert cv.profile.credentials == ["MBChB", "MD", "FRCP"]  # "MBChB (Hons) MD FRCP — Consultant …" under the name
    kinds = {s.heading: s.kind for s in cv.sections}
    assert kinds["Career aims"] == "summary" and kinds["Qualifications"] == "education"
    assert kinds["Current post"] == kinds["Previous posts"] == "experience"
    assert kinds["Clinical governance & audit"] == kinds["Management & leadership"] == "leadership"
    posts = {e.title: e for s in cv.sections if s.kind == "experience" for e in s.entries if e.title}
    st6 = posts["ST6–ST7, Gastroenterology & GIM"]
    assert (st6.organization, st6.dates) == ("Sheffield Teaching Hospitals NHS FT", "Aug 2013 – Aug 2015")
    assert posts["IBD Lead"].organization == posts["Endoscopy Lead"].organization is not None
    # the trust named after the title employs her; its sites follow; her grade is said as the NHS says it
    assert (posts["Consultant Gastroenterologist"].organization or "").startswith(
        "Sheffield Teaching Hospitals NHS Foundation Trust, Royal Hallamshire Hospital"
    )
    from translator.render.phrases import specialist

    assert specialist(cv.profile, cv) == "consultant gastroenterologist"
    assert posts["Private practice"].dates == "2018 – present"


def test_a_sidebar_frame_read_before_the_name_leaves_the_name_first_and_the_papers_with_the_papers() -> None:
    """LibreOffice's .docx with the contact details and skills in a text frame anchored to the first paragraph
    (unseen12's pain physician, written by a helper from a brief; the .fodt it was converted from beside it): the
    frame is read first, so the name in its Title style comes after "CONTACT" … "BOARDS"; it is the name, with
    its tagline, not an item of the languages. "BOARDS" is the certifications; the privileges line is set aside
    whole with its reason; papers cited under "Teaching & Presentations" are publications."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "text-frame-sidebar_interventional-pain_libreoffice.docx")
    assert cv.profile.name == "Jonah E. Strickland"
    assert cv.profile.linkedin == "linkedin.com/in/jonah-strickland-md"
    kinds = {s.heading: s.kind for s in cv.sections}
    assert kinds["BOARDS"] == "certification"
    languages = [t for s in cv.sections if s.heading == "LANGUAGES" for e in s.entries for t in e.lines]
    assert languages == ["English; Spanish (conversational)"]
    reasons = {n.text: n.reason for n in cv.not_used}
    assert (
        "privileges"
        in reasons[
            "Privileges: Erlanger Baroness Hospital; CHI Memorial Hospital Chattanooga; Lookout Valley Surgery Center"
        ]
    )
    papers = [b.text for s in cv.sections if s.kind == "publications" for e in s.entries for b in e.bullets]
    assert len(papers) == 2 and papers[0].startswith("Strickland JE, Patel-Oduya R, Brandt LM.")
    talks = [b.text for s in cv.sections if s.kind == "presentations" for e in s.entries for b in e.bullets]
    assert not any("2024;27" in t for t in talks)


def test_a_portal_export_and_its_cover_letter_above_the_cvs_title_are_set_aside() -> None:
    """A job portal's plain-text export (CRLF, a helper's, from a brief, unseen13): "Candidate Application Export",
    the requisition, a cover letter and its signature, then "RESUME" over "DR. INGRID M. VANDERSLOOT, MD, FRCPC".
    Everything above the title is the letter sent with the CV (its wish still read for the target), the name is
    hers without "Dr." (it was "Candidate Application Export" on every output), and a Canadian paediatric
    hospitalist's specialty reads in its American spelling."""
    from translator.parse import read_cv
    from translator.parse.plain import COVER_NOTE
    from translator.report import build_report

    cv = read_cv(UNSEEN / "portal-export-cover-letter_paediatric-informatics.txt")
    assert cv.profile.name == "Ingrid M. Vandersloot"
    assert cv.profile.specialty == "pediatric hospital medicine"
    noted = [n.text for n in cv.not_used if n.reason == COVER_NOTE]
    assert "Candidate Application Export" in noted and "RESUME" in noted and "Dear Hiring Team," in noted
    assert not any("Hiring Team" in str(s) or s.heading.upper() == "COVER LETTER" for s in cv.sections)
    report = build_report(cv)
    assert report.target == "health-tech" and report.target_reason.startswith("the CV says so")


def test_a_footnote_stays_with_its_claim_and_a_table_of_volumes_keeps_its_column_names() -> None:
    """pandoc's .docx of a structural cardiologist's CV (a helper's, from a brief, unseen13): the footnote on
    'top-5 of 41 U.S. sites' says the ranking is the sponsor's and goes with the claim; the table of yearly
    volumes reads 'TAVR', 'mitral TEER' beside each count (it was '2025 — 171 — 41 — 22 — 75 — 338')."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "footnote-volume-table_interventional-cardiology_pandoc.docx")
    duties = [b.text for _, _, b in cv.all_bullets()]
    anchor = next(d for d in duties if "top-5 of 41 U.S. sites" in d)
    assert "site ranking is the sponsor’s, not independently verified" in anchor
    assert "2025 — 171 TAVR, 41 mitral TEER, 22 tricuspid TEER, 75 LAAO, 338 PCI" in duties
    assert cv.profile.position == "Director, Structural Heart Program"


def test_markdown_reference_links_to_linkedin_and_studies_nested_under_a_role(tmp_path: Path) -> None:
    """unseen13's Obsidian-style Markdown: '[LinkedIn][li]' with '[li]: https://www.linkedin.com/in/…' at the
    bottom lost the address; the trials nested under 'Sub-investigator, 9 industry phase 2/3 trials …' read as
    studies of their own ('LUMEN-nAMD …: 17 enrolled' with no role)."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Anirudh K. Venkatraman, MBBS\n\n**Vitreoretinal surgeon** · Milwaukee, WI · anirudh@example.com · "
        "[LinkedIn][li]\n\n## Clinical Research\n\n"
        "- **Sub-investigator**, 9 industry phase 2/3 trials at Lakefront Retina (site PI: Dr. G. Halvarsson), "
        "2021 – present\n  - LUMEN-nAMD (phase 3): 17 enrolled at our site\n"
        "  - PERIDOT-DME (phase 2): implant procedures in 6 patients\n"
        "- Site PI, SENTRY post-marketing registry, 2024 – present: 42 patients enrolled\n\n"
        "[li]: https://www.linkedin.com/in/anirudh-venkatraman-retina\n",
        encoding="utf-8",
    )
    parsed = read_cv(cv)
    assert parsed.profile.linkedin == "linkedin.com/in/anirudh-venkatraman-retina"
    studies = {e.title: [b.text[:10] for b in e.bullets] for s in parsed.sections for e in s.entries if e.title}
    role = "Sub-investigator, 9 industry phase 2/3 trials at Lakefront Retina (site PI: Dr. G. Halvarsson)"
    assert studies[role] == ["LUMEN-nAMD", "PERIDOT-DM"]


def test_a_letter_under_the_cvs_head_is_the_note_sent_with_it_and_its_wish_names_the_target() -> None:
    """Text pasted from a PDF viewer (a helper's, from a brief, unseen14): name, tagline, contact, then "Dear Hiring
    Committee, I am writing to be considered for a physician role in Medicare Advantage utilization management …"
    before the CV's first heading. The letter is set aside as one sent with the CV; its wish is the target (it was
    clinical development)."""
    from translator.parse import read_cv
    from translator.parse.plain import COVER_NOTE
    from translator.report import build_report

    cv = read_cv(UNSEEN / "pdf-viewer-paste-letter-under-head_geriatrics.txt")
    noted = [n.text for n in cv.not_used if n.reason == COVER_NOTE]
    assert noted[0] == "Dear Hiring Committee,"
    assert cv.profile.name == "Margaret A. Oduya"
    report = build_report(cv)
    assert report.target == "payer" and report.target_reason.startswith("the CV says so")


def test_items_typed_one_per_soft_break_each_with_its_glyph_are_items_each(tmp_path: Path) -> None:
    """unseen14: a table cell's paragraph holding three '•' items split by manual line breaks became one bullet
    ('22 primary care sites … • Closed ~1,900 overdue mammography gaps … • Helped with …'); a soft break inside
    one item still goes on with it."""
    import docx
    from docx.enum.text import WD_BREAK

    from translator.parse import read_cv

    document = docx.Document()
    document.add_paragraph("Theo Okwu, MD")
    document.add_paragraph("theo@example.com")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Quality Lead, Guilford Valley ACO\t2019 – present")
    items = document.add_paragraph()
    for n, text in enumerate(["22 primary care sites; weekly huddles", "Closed ~1,900 overdue mammography gaps"]):
        run = items.add_run(f"•\t{text}")
        if n == 0:
            run.add_break(WD_BREAK.LINE)
    wrapped = document.add_paragraph("•\tCut HbA1c >9% from 28% to 17%")
    wrapped.runs[0].add_break(WD_BREAK.LINE)
    wrapped.add_run("across 41 practices")
    path = tmp_path / "cv.docx"
    document.save(str(path))
    duties = [b.text for _, _, b in read_cv(path).all_bullets()]
    assert duties == [
        "22 primary care sites; weekly huddles",
        "Closed ~1,900 overdue mammography gaps",
        "Cut HbA1c >9% from 28% to 17% across 41 practices",
    ]


def test_dates_written_day_first_are_the_posts_dates(tmp_path: Path) -> None:
    """unseen14's Australian GP: 'Principal GP (Partner) 01/02/2016 – present' read as the title 'Principal GP
    (Partner) 01/' and the dates '02/2016 – present'."""
    from translator.parse.text import split_dates

    assert split_dates("Principal GP (Partner) 01/02/2016 – present") == (
        "Principal GP (Partner)",
        "01/02/2016 – present",
    )
    assert split_dates("Associate GP (salaried) 03/02/2014 – 31/01/2016") == (
        "Associate GP (salaried)",
        "03/02/2014 – 31/01/2016",
    )


def test_pandoc_metadata_names_a_markdown_cv_whose_body_opens_with_its_sections() -> None:
    """The Markdown a .docx fixture was made from (pandoc: title, subtitle and author in its metadata, the body
    opening with '# Objective') was refused: 'no name found'."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "footnote-volume-table_interventional-cardiology_pandoc.md")
    assert cv.profile.name == "Malcolm D. Terhune-Asante"
    assert cv.profile.email == "mterhune.asante@example.com" and cv.profile.location == "York, PA"


def test_a_post_after_a_seat_with_no_duties_is_a_post_of_its_own() -> None:
    """unseen16's pediatric endocrinologist (python-docx, the whole page one table): 'Member, Pharmacy & Therapeutics
    Committee' / 'Buckeye Children's Hospital' / '2021 – Present', no duties, then 'Clinical Fellow, Pediatric
    Endocrinology' / its hospital / '07/2015 – 06/2018' and the fellowship's two duties: the fellowship was read as
    lines of the seat, and the seat took its duties ('a committee membership holds her fellowship thesis')."""
    from translator.parse import read_cv

    cv = read_cv(UNSEEN / "one-table-page_pediatric-endocrinology_python-docx.docx")
    posts = {e.title: e for s in cv.sections if s.kind == "experience" for e in s.entries}
    seat = posts["Member, Pharmacy & Therapeutics Committee"]
    assert (seat.bullets, seat.lines) == ([], [])
    fellowship = posts["Clinical Fellow, Pediatric Endocrinology"]
    assert fellowship.dates == "07/2015 – 06/2018"
    assert fellowship.organization == "Queen City University Lakeside Children's Hospital, Cincinnati, OH"
    assert [b.text[:30] for b in fellowship.bullets] == [
        "Fellowship research on CGM ado",
        "Taught residents and medical s",
    ]
