"""The profile texts say only what the CV says: a property over CVs made of our own lines, for every target."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from translator.guard import review_text
from translator.mapping.roles import role_profiles
from translator.models import Bullet, Entry, ParsedCV, Profile, Section
from translator.render.profile_texts import HEADLINE_LIMIT, SUMMARY_LIMIT, framing_words, therapeutic_area
from translator.report import build_report
from translator.targets import TARGET_ROLES

# Lines of our own (none from an evaluation set), of every kind the texts are built from.
LINES = [
    "Lead the lipid clinic I founded in 2017; 640 patients seen, 52% reached LDL goal within a year",
    "Site principal investigator, phase III trial of an oral PCSK9 inhibitor; enrolled 26 patients (2020–2023)",
    "Sub-investigator on 3 industry-sponsored atrial fibrillation trials",
    "Implanted 120 leadless pacemakers and 45 loop recorders in 2022",
    "Proctored 6 electrophysiologists on a cryoballoon ablation system",
    "Rebuilt the Epic chest pain order set with emergency medicine; median stay fell from 19 to 11 hours",
    "Started remote weight monitoring for 210 patients with heart failure",
    "Reviewed 35 prior authorization requests a week against MCG criteria",
    "Member, Utilization Review Committee (2019–Present)",
    "Gave 18 talks to community cardiologists in 2 states on lipid-lowering therapy",
    "Served on 2 industry advisory boards on a new anticoagulant (2021–2022)",
    "Co-authored the regional chest pain pathway adopted by 4 hospitals",
    "Saw 20 patients a day in the general cardiology clinic",
    "Took call 1 night in 5 for the cardiac ICU",
    "Taught cardiology fellows in a monthly echo course",
    "12 peer-reviewed papers, 5 as first author",
]
SPECIALTIES = ["cardiology", "internal medicine", "family medicine", "oncology", None]
TITLES = ["Cardiologist", "Attending Physician", "Director of Electrophysiology", "Hospitalist"]


def _cv(lines: list[str], specialty: str | None, title: str, board: bool) -> ParsedCV:
    certified = f"Board certified, {specialty or 'internal medicine'}, 2015"
    entry = Entry(
        title=title,
        organization="Cedar Valley Heart Institute, Marion, IA",
        dates="2016 – Present",
        bullets=[Bullet(text=t) for t in lines],
    )
    return ParsedCV(
        source="generated",
        format="txt",
        profile=Profile(
            name="Ana Ruiz",
            specialty=specialty,
            board_certified=board,
            institution="Cedar Valley Heart Institute",
            position=title,
        ),
        sections=[Section(heading="Experience", kind="experience", entries=[entry])]
        + (
            [Section(heading="Certification", kind="certification", entries=[Entry(bullets=[Bullet(text=certified)])])]
            if board
            else []
        ),
    )


def _cv_text(cv: ParsedCV) -> str:
    words = [cv.profile.name or "", cv.profile.specialty or "", cv.profile.institution or ""]
    for section in cv.sections:
        for entry in section.entries:
            words += [entry.title or "", entry.organization or "", entry.dates or ""]
            words += [b.text for b in entry.bullets]
    return "\n".join(words)


def _target_words() -> set[str]:
    """What a text may name without the CV: the targets' own names, titles, keywords and the framing of a move."""
    words: set[str] = set()
    for role in role_profiles().values():
        for text in [role.name, role.area, role.headline, role.team, *role.titles, *role.interests]:
            words |= set(re.findall(r"[A-Za-z]\w*", text))
        for keyword in role.keywords:
            words |= set(re.findall(r"[A-Za-z]\w*", keyword.term))
    return {w.lower() for w in words}


TARGET_WORDS = _target_words()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(LINES), min_size=0, max_size=8, unique=True),
    st.sampled_from(SPECIALTIES),
    st.sampled_from(TITLES),
    st.booleans(),
    st.sampled_from([None, *TARGET_ROLES]),
)
def test_property_every_number_and_name_in_the_texts_is_the_cvs(
    lines: list[str], specialty: str | None, title: str, board: bool, target: str | None
) -> None:
    cv = _cv(lines, specialty, title, board)
    report = build_report(cv, target=target)
    source = _cv_text(cv)
    source_numbers = set(re.findall(r"\d+(?:[.,]\d+)*", source))
    source_words = {w.lower() for w in re.findall(r"[A-Za-z]\w*", source)}
    texts = {
        "summary": report.summary,
        "about": report.about,
        **{f"headline {i}": h for i, h in enumerate(report.headlines)},
    }
    texts |= {"note": report.outreach.connection_note, "message": report.outreach.message}
    for name, text in texts.items():
        invented = set(re.findall(r"\d+(?:[.,]\d+)*", text)) - source_numbers - {"15"}  # "a 15-minute call"
        assert not invented, f"{name}: numbers {invented} not in the CV: {text!r}"
        for term in re.findall(r"\b[A-Z][A-Za-z-]*[A-Z][\w-]*\b", text):  # acronyms and capitals inside
            parts = {p.lower() for p in re.split(r"-", term) if p}
            assert parts <= source_words | TARGET_WORDS | {"msl", "kol", "ehr", "um", "cv"}, (
                f"{name}: {term!r} in {text!r}"
            )
    # two or three sentences; one, who the physician is, when the CV tells no fact and no target was chosen or stated
    # (the tool's suggestion is no move the Summary may announce)
    told = report.summary.count(". ") + 1 in (2, 3) or report.summary.count(".") in (2, 3)
    alone = target is None and report.summary.count(".") == 1 and report.summary.endswith(".")
    assert told or alone
    assert len(report.summary) <= SUMMARY_LIMIT
    for headline in report.headlines:
        assert len(headline) <= HEADLINE_LIMIT and not headline.endswith("…")
    assert len(set(report.headlines)) == 3
    # The one fact guard reads the rules' own texts as it reads a model's: nothing beyond the CV and the
    # target's own words.
    context = framing_words(role_profiles().values(), therapeutic_area(report.profile, None))
    for name, text, limit in [("summary", report.summary, 400), ("about", report.about, 2600)] + [
        (f"headline {i}", h, 220) for i, h in enumerate(report.headlines)
    ]:
        assert review_text(source, text, limit, context) is None, (
            name,
            review_text(source, text, limit, context),
            text,
        )
    if not lines or not report.target_clear:
        assert report.target_reason.startswith(("no target is clear", "chosen with --target"))


TARGET_CVS = sorted((FIXTURES / "targets").glob("*.*"))


@pytest.mark.parametrize(
    "cv_file", [p for p in TARGET_CVS if p.suffix in {".docx", ".md", ".txt", ".pdf"}], ids=lambda p: p.name
)
def test_the_guard_passes_the_rules_texts_for_every_target_cv(cv_file: Path) -> None:
    """The Summary, headlines and About of CVs written from a brief, read by the guard against the CV's own text."""
    from translator.parse import read_cv
    from translator.report import cv_lines, kept_items

    cv = read_cv(cv_file)
    report = build_report(cv)
    p = report.profile
    evidence = "\n".join(
        [*cv_lines(cv), *(k.text for k in kept_items(cv)), *(b.rewrite for b in report.bullets)]
        + [p.name or "", p.specialty or "", p.institution or "", p.position or "", *p.credentials]
        + [line for s in cv.sections for e in s.entries for line in [e.dates or ""]]
    )
    context = framing_words(role_profiles().values(), therapeutic_area(p, None))
    for text, limit in [(report.summary, 400), (report.about, 2600), *((h, 220) for h in report.headlines)]:
        assert review_text(evidence, text, limit, context) is None, (review_text(evidence, text, limit, context), text)


def test_about_names_a_field_of_experience_only_when_two_lines_show_it() -> None:
    from translator.parse import read_cv

    # One advisory board (2022) is a line, not "my advisory board experience".
    report = build_report(read_cv(FIXTURES / "targets" / "neurologist_pediatric_keto.docx"), target="medical-affairs")
    close = report.about.rsplit("\n", 1)[-1]
    assert close.startswith("Next, I want to bring my ")
    assert "advisory board experience" not in close


@pytest.mark.parametrize(
    ("fact", "said"),
    [
        ("Led a sepsis quality project — bundle compliance rose from 54% to 81%", "I led a sepsis quality project"),
        (
            "Physician champion for the Epic order set redesign — trained 30 hospitalists",
            "As physician champion for the Epic order set redesign, I trained 30 hospitalists.",
        ),
        ("Member, Sepsis Committee — reviewed monthly bundle data", "As a member of the Sepsis Committee, I reviewed"),
        ("Member, Trauma Peer Review Committee", "I have served as a member of the Trauma Peer Review Committee."),
        (
            "Physician Advisor, Utilization Review (0.2 FTE)",
            "I have served as physician advisor for Utilization Review.",
        ),
        (
            "Site Principal Investigator, phase III trial of an SGLT2 inhibitor",
            "I have served as site principal investigator on a phase III trial of an SGLT2 inhibitor.",
        ),
        ("Course director, goals-of-care workshop", "I have served as course director of the goals-of-care workshop."),
        ("6 peer-reviewed articles on psoriasis", "My work includes 6 peer-reviewed articles on psoriasis."),
        # no sentence reads well: a title that names its own place, a word that may be a verb or a noun
        ("Assistant Professor of Surgery, Corwin Lake University", None),
        ("Treat walk-in patients of all ages", None),
        # "my work includes" holds a count or a thing, not a title or an event with its outcome
        ("Top-3 US enroller in 4 trials; met or exceeded enrollment target in 19 of 23 studies", None),
        ("FDA BIMO inspection (2017, Phase 3 CSU study): no Form 483 observations", None),
        (
            "Principal Investigator on 23 industry-sponsored Phase 2–4 trials",
            "I have served as principal investigator on 23 industry-sponsored Phase 2–4 trials.",
        ),
    ],
)
def test_a_message_says_each_fact_in_a_whole_sentence(fact: str, said: str | None) -> None:
    from translator.render.profile_texts import _said

    found = _said(fact)
    if said is None:
        assert found is None
    else:
        assert found is not None and found.startswith(said), found


def test_a_keyword_keeps_the_cvs_way_of_writing_its_number_and_is_said_once() -> None:
    from translator.render.profile_texts import _as_written, _numbered

    found = re.search(r"\bphase (?:III|3)\b", "a phase 3 trial of a gene therapy", re.IGNORECASE)
    assert found is not None
    assert _as_written("Phase III", found) == "Phase 3"  # no numeral the CV does not write
    roman = re.search(r"\bphase (?:III|3)\b", "two phase III trials", re.IGNORECASE)
    assert roman is not None and _as_written("Phase III", roman) == "Phase III"
    assert _numbered("Phase 3") == _numbered("Phase 2") != _numbered("Site PI")


def test_about_names_the_employer_only_beside_work_done_there() -> None:
    """Two positions go on (a radiology practice; proctoring for a device company): the proctoring is not put at
    the practice."""
    from translator.parse import read_cv

    cv = read_cv(FIXTURES / "unseen" / "paragraphs-indented_interventional-radiology_libreoffice.pdf")
    report = build_report(cv, target="medtech")
    opening = report.about.split("\n", 1)[0]
    assert "proctored" in opening.lower()
    assert "Valley Vascular" not in opening


def test_the_close_works_on_what_this_physicians_cv_speaks_of() -> None:
    """The target's interests the CV's own words support come first: a proctor trains, an endocrinologist
    who never mentions a procedure is not offered 'procedure training' ahead of post-market studies."""
    from translator.mapping.roles import role_profiles
    from translator.render.phrases import Who
    from translator.render.profile_texts import Material

    medtech = role_profiles()["medtech"]

    def interests(cv_text: str) -> list[str]:
        return Material(Who("physician", True, None, None), medtech, (), cv_text=cv_text).interests()

    assert "procedure training" in interests("Proctor physicians on the procedure; trained 11 surgeons")
    assert interests("Site investigator for 2 post-market studies of CGM sensors") == [
        "post-market studies",
        "clinical evidence for devices",
    ]


def test_a_seat_still_held_is_said_in_the_present_and_a_count_of_trials_takes_no_article() -> None:
    from translator.render.profile_texts import _said

    assert _said("Physician Advisor, Utilization Review (0.2 FTE)", ongoing=True) == (
        "I serve as physician advisor for Utilization Review."
    )
    assert _said("Co-investigator, 2 industry-sponsored AID trials") == (
        "I have served as co-investigator on 2 industry-sponsored AID trials."
    )
    # a role with a colon before what it was held in reads as with a comma
    assert _said("Principal investigator (investigator-initiated, IND holder): WCI-LYM-1907") == (
        "I have served as principal investigator on WCI-LYM-1907."
    )
    # a study's code name is a name: no "the" before it
    assert _said("National Principal Investigator, TIDAL-PE") == (
        "I have served as national principal investigator on TIDAL-PE."
    )
    # a role line that opens "As …" holds the role once (unseen25's neonatologist: "I have served as as site …")
    assert _said("As site Principal Investigator for PROBIO-NEC") == (
        "I have served as site principal investigator for PROBIO-NEC."
    )


def test_no_keyword_is_a_fiscal_year_or_a_two_letter_acronym() -> None:
    from translator.render.profile_texts import _NO_SEARCH

    assert all(_NO_SEARCH.match(t) for t in ["FY18", "FY2024", "Q3", "TB", "PA"])
    assert not any(_NO_SEARCH.match(t) for t in ["TAVR", "TEE", "ECMO", "InterQual", "Phase 3"])


def test_core_competencies_name_each_cvs_own_work_not_the_four_labels() -> None:
    """Core Competencies read the same on no two resumes: the clinical expertise, then the target's search terms
    the CV's lines support and the kinds of work they show; the four competencies' own names ('Cross-functional
    collaboration') only fill a list shorter than four terms."""
    from translator.parse import read_cv
    from translator.report import COMPETENCY_LABELS, FEWEST_TERMS, build_report

    cvs = FIXTURES / "cvs"
    lists = []
    for path in sorted(p for p in cvs.iterdir() if p.suffix in {".docx", ".pdf", ".txt"}):
        report = build_report(read_cv(path))
        terms = [t for t in report.core_competencies if not t.startswith("Clinical expertise: ")]
        labels = set(COMPETENCY_LABELS.values())
        assert len(terms) >= FEWEST_TERMS, path.name
        assert not labels & set(terms[:FEWEST_TERMS]), (path.name, terms)
        lists.append(tuple(terms))
    assert len(lists) >= 5
    assert len(set(lists)) >= len(lists) - 1  # the .docx and its PDF export may agree
    for terms in lists:  # one line in one case, each kind of work once ('Procedures', then 'Procedural practice')
        assert all(w[:1].isupper() for t in terms for w in t.split() if w not in {"and", "of", "in", "for"}), terms
        stems = [frozenset(w[:6] for w in t.lower().split()) for t in terms]
        assert not any(a <= b for i, a in enumerate(stems) for j, b in enumerate(stems) if i != j), terms


def test_work_of_an_earlier_post_is_never_told_beside_todays_employer(tmp_path: Path) -> None:
    """'I have been a psychiatrist at Evergreen since 2019. I started an LAI clinic' had credited the earlier
    employer's clinic to today's: a message says such work as earlier, a Premium note names no employer before it."""
    from translator.parse import read_cv
    from translator.report import build_report

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Nadia Roe, MD\nroe@example.com\n\nEXPERIENCE\n\n"
        "Staff Psychiatrist, Evergreen Community Health\t2019 – present\n- Saw 12 patients a day in clinic\n\n"
        "Associate Medical Director, Lakeshore Mental Health Center\t2014 – 2019\n"
        "- Led a utilization review program that cut avoidable inpatient days by 31% across 3 units\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv), target="payer")
    message = report.outreach.message
    assert "at Evergreen Community Health since 2019" in message
    assert "Earlier, I led a utilization review program" in message
    premium = report.outreach.connection_note_premium
    assert "I led a utilization review program" in premium and "Evergreen" not in premium


def test_a_line_listed_under_no_position_is_told_as_it_is_not_as_earlier_work(tmp_path: Path) -> None:
    """A poster listed under the research ('Presented a poster at ADA …') was done at no earlier post: no
    'Earlier, I presented a poster' (second unseen12 read)."""
    from translator.parse import read_cv
    from translator.report import build_report

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Teresa Roe, MD\nroe@example.com\n\nEXPERIENCE\n\n"
        "Partner Physician, Front Range Endocrinology\t2019 – present\n- Saw 20 patients a day in clinic\n\n"
        "RESEARCH\n\n- Poster, ADA Scientific Sessions 2024: time to AID start after a two-visit pathway\n"
        "- Sub-investigator, ALPINE-W, phase 3 of once-weekly orvaglutide in obesity; our site enrolled 14\n",
        encoding="utf-8",
    )
    message = build_report(read_cv(cv), target="msl").outreach.message
    assert "Earlier," not in message


def test_with_no_fact_for_a_note_the_premium_note_still_differs_from_the_free_one(tmp_path: Path) -> None:
    from translator.parse import read_cv
    from translator.report import build_report

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Dana Roe, MD\nroe@example.com\n\nEXPERIENCE\n\nStaff Internist, Lakeview Medical Center\t2015 – present\n"
        "- Outpatient clinic four days a week\n",
        encoding="utf-8",
    )
    outreach = build_report(read_cv(cv), target="medical-affairs").outreach
    assert outreach.connection_note != outreach.connection_note_premium
    assert "Lakeview Medical Center" in outreach.connection_note_premium
    assert len(outreach.connection_note_premium) <= 300


def test_a_keyword_headline_names_what_a_recruiter_searches_not_code_names_or_shorthand() -> None:
    """The keyword-forward headline led with 'PRBC · OB/GYN · CLARITY-VR · LWH-210 · ORBIT-C' and 'IRB · FASN · DSA'
    in two reads: the target's own terms the CV supports come first; a study's or a compound's code name, letters
    after a name and a line's clinical shorthand are no search terms; a device or a procedure named in its own
    line is ('TAVR')."""
    from translator.render.profile_texts import _CODE_NAME, _POSTNOMINAL

    assert all(_CODE_NAME.search(t) for t in ["HORIZON-MM2", "CLARITY-VR", "LWH-210", "V28", "ORBIT-C"])
    assert not any(_CODE_NAME.search(t) for t in ["TAVR", "InterQual", "SlicerDicer", "Epic"])
    assert _POSTNOMINAL.fullmatch("FASN") and not _POSTNOMINAL.fullmatch("TAVR")
    lines = [
        "Site principal investigator for HORIZON-MM2, a phase 3 trial: enrolled 14 patients (target 10)",
        "Wrote 47 triage protocols (UTI, URI, MSK) that engineering built into the intake flow",
        "Performed 180 TAVR procedures a year with the structural heart team",
    ]
    cv = _cv(lines, "cardiology", "Interventional Cardiologist", True)
    keyword_forward = build_report(cv, target="clinical-development").headlines[2]
    assert not re.search(r"HORIZON|UTI|URI|MSK", keyword_forward), keyword_forward


def test_a_line_in_the_teams_own_voice_or_a_role_before_a_colon_is_never_quoted(tmp_path: Path) -> None:
    """'We run 24/7 mobile crisis …' and 'Site echocardiography lead: performed or read 41 protocol
    echocardiograms' read well on the resume, under their job, and badly pasted into a summary, a headline or a
    note ('… now moving into health tech. We run …'); a speakers bureau's promotional programs are no first thing to
    learn of a physician: those texts tell the physician's other facts."""
    from translator.parse import read_cv
    from translator.report import build_report

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Mara Quinn, MD\nquinn@example.com\n\nEXPERIENCE\n\n"
        "Medical Director, Youth Crisis Services, Valley County Health\t2021 – present\n"
        "- We run 24/7 mobile crisis for 3,400 youth a year across the county with 70 staff\n"
        "- Site echocardiography lead: performed or read 41 protocol echocardiograms for a device trial\n"
        "- Cut median emergency department boarding from 26 hours to 9 hours with direct transfers\n"
        "- Speakers bureau, Halcyon Oncology (hedgehog pathway inhibitor), 2019–2023: 46 promotional programs\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv), target="health-tech")
    texts = [report.summary, *report.headlines, report.about, report.outreach.message]
    assert any("26 hours to 9 hours" in t for t in texts)
    assert not any("We run" in t or "we run" in t or "lead: performed" in t for t in texts)
    # a company's promotional speaking stays on the resume, and leads no text
    assert not any("Speakers bureau" in t or "promotional" in t for t in texts)


def test_a_site_principal_investigator_gives_no_principal_investigator_keyword() -> None:
    """A site PI of a registry is no principal investigator of a trial (second unseen12 read: 'Site PI ·
    Principal Investigator' in the nephrologist's keyword headline); a PI is."""
    from translator.mapping.roles import role_profiles

    keywords = {k.term: k.regex for k in role_profiles()["clinical-development"].keywords}
    pi = keywords["Principal Investigator"]
    assert not pi.search("Site principal investigator, PD-FIRST registry (4 Texas centers)")
    assert not pi.search("Co-principal investigator, NIH R01")
    assert pi.search("Principal investigator (investigator-initiated, IND holder): WCI-LYM-1907")


def test_an_evidence_headline_tells_two_facts_only_when_each_is_short(tmp_path: Path) -> None:
    """Two long clauses glued with '·' read as pasted notes (unseen12 reads, all six): the evidence-forward
    headline tells two facts only where each is a short clause, and then one, with its figure."""
    from translator.parse import read_cv
    from translator.render.profile_texts import PAIRED_CLAUSE

    def evidence(lines: list[str]) -> str:
        cv = tmp_path / "cv.txt"
        cv.write_text(
            "Mara Quinn, MD\nquinn@example.com\n\nEXPERIENCE\n\n"
            "Medical Director, Hospice Program, Valley Hospice\t2016 – present\n" + "".join(f"- {t}\n" for t in lines),
            encoding="utf-8",
        )
        return build_report(read_cv(cv), target="payer").headlines[1]

    long = evidence(
        [
            "Live discharge rate 21% → 12% and median length of stay 17 → 26 days, mostly by earlier referrals and "
            "tighter admission review at intake by the hospice physicians and the admissions nurses",
            "Utilization review of home health, durable medical equipment and skilled nursing facility days every "
            "week with the PACE center director: 14% fewer skilled nursing days",
        ]
    )
    assert long.count(" · ") == 1, long  # one fact and the title
    short = evidence(
        [
            "Cut live discharges from 21% to 12%",
            "Cut skilled nursing days by 14% with weekly utilization review",
            "Cut hospital deaths from 9% to 5% with a care management program",
        ]
    )
    assert short.count(" · ") == 2, short
    assert all(len(part) <= PAIRED_CLAUSE for part in short.split(" · "))


def test_an_alumni_search_names_the_medical_school_the_cv_names(tmp_path: Path) -> None:
    """unseen12: 'filter by school = {your_medical_school}' under a CV that names its school."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Tess Halvorsen, MD\ntess@example.com\n\nEXPERIENCE\n\nEndocrinologist, Front Range Endocrinology\t2016 – "
        "present\n- Gave 20 talks on obesity medicine to primary care physicians\n\nEDUCATION\n\n"
        "MD, Creighton University School of Medicine\t2008\n",
        encoding="utf-8",
    )
    searches = build_report(read_cv(cv), target="msl").outreach.searches
    assert any("school = Creighton University School of Medicine" in s for s in searches), searches
    assert not any("{your_medical_school}" in s for s in searches)


def test_a_departments_seat_is_held_on_a_body_and_a_wish_names_its_own_field() -> None:
    """unseen13: 'I serve as a psychiatry representative of the Clinical Informatics Steering Committee'; and a
    psychiatrist who asks for 'digital mental health' was told only 'now moving into health tech'."""
    from translator.render.profile_texts import _role_held, _sector

    held = _role_held("Psychiatry representative, Clinical Informatics Steering Committee")
    assert held == "the psychiatry representative on the Clinical Informatics Steering Committee"
    assert _role_held("Member, Sepsis Committee") == "a member of the Sepsis Committee"
    tech = role_profiles()["health-tech"]
    assert _sector(tech, "I'm now looking to move into digital mental health – a clinical lead role") == (
        "digital mental health"
    )
    assert _sector(tech, "I am looking for a role in health tech") is None
    assert _sector(role_profiles()["medical-affairs"], "a medical affairs role in oncology") is None


def test_a_role_held_is_said_without_what_was_done_in_it_and_anothers_name_leaves_the_texts() -> None:
    """unseen13's notes: 'I have served as sub-investigator on the ZEPHYR-ARDS: screened 61', 'as Sub-Investigator
    for the sponsor trials: VERIDIAN-AD'; a headline naming another doctor ('(PI: Dr. Lakshmi Narayanaswamy)')."""
    from translator.mapping.facts import Fact
    from translator.render import phrases
    from translator.render.profile_texts import _role_held

    assert _role_held("Sub-investigator: ZEPHYR-ARDS (phase 2b, inhaled IFN): screened 61") == (
        "sub-investigator on ZEPHYR-ARDS"
    )
    assert _role_held("Sub-Investigator, sponsor trials: VERIDIAN-AD (phase 3): site enrolled 23") == (
        "sub-investigator on sponsor trials"
    )
    text = "Co-investigator on a DR screening validation study (PI: Dr. Lakshmi N); graded 3,100 fundus images"
    fact = Fact("b-1", text, text, "Research", "", frozenset(), True, 0)
    assert "Lakshmi" not in phrases.clause(fact, 120) and "graded 3,100" in phrases.clause(fact, 120)


def test_todays_work_at_another_post_is_said_where_it_was_done(tmp_path: Path) -> None:
    """unseen14's GP: 'I have been a physician at Wattlebridge Telehealth since 2021. I set up the practice's
    telehealth service in 8 days' — done at his general practice, also held today. The message says where."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Callum Dunne, MBBS, FRACGP\ncallum@example.com\nDubbo NSW 2830\n\nEXPERIENCE\n\n"
        "Medical Director — Wattlebridge Telehealth Pty Ltd\t2021 – present\n"
        "- Wrote the clinical governance framework and 38 clinical protocols\n\n"
        "Principal GP — Talbragar Family Medical Centre, Dubbo NSW\t2016 – present\n"
        "- Set up the practice's telehealth service in 8 days; 1/3 of consultations by video at the 2020 peak\n",
        encoding="utf-8",
    )
    parsed = read_cv(cv)
    assert parsed.profile.location == "Dubbo NSW"
    message = build_report(parsed, target="health-tech").outreach.message
    assert "At Talbragar Family Medical Centre, I set up the practice's telehealth service" in message


def test_the_about_close_names_only_work_the_cv_speaks_of(tmp_path: Path) -> None:
    """unseen14: an ACO quality lead's About closed 'working on medical necessity review and quality measures' —
    a reader asks about the utilization review he never did. The close names the target's work only where the CV's
    own words speak of it, and none when they speak of none."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Theo Okwu, MD\ntheo@example.com\n\nEXPERIENCE\n\nQuality Lead — Guilford Valley ACO\t2019 – present\n"
        "- Cut HbA1c >9% from 28% to 17% across 41 practices\n- Led the quality committee's HEDIS work\n",
        encoding="utf-8",
    )
    close = build_report(read_cv(cv), target="payer").about.rsplit("\n\n", 1)[-1]
    assert close.startswith("Next, I want to bring") and "medical necessity" not in close


@pytest.mark.parametrize(
    ("wish", "target", "close"),
    [
        # unseen15's rural family physician, in an Objective: a drug plan or market access, not a health plan's UM
        (
            "OBJECTIVE\nMedical advisor or medical director role with a public or private drug plan, or a market "
            "access / health economics and outcomes research (HEOR) position with a pharmaceutical company, drawing "
            "on nearly 10 years on the provincial drug benefit review committee.\n",
            "payer",
            "to a medical advisor or medical director role with a public or private drug plan, or a market access / "
            "health economics and outcomes research (HEOR) position with a pharmaceutical company.",
        ),
        # a summary's sentence of seeking: what is sought, up to where it says why; roles in the plural take no article
        (
            "SUMMARY\nHospitalist of 12 years. Seeking clinical informatics and product roles at health technology "
            "companies - ideally a clinical informatics lead position.\n",
            "health-tech",
            "to clinical informatics and product roles at health technology companies.",
        ),
    ],
)
def test_the_about_close_names_the_role_the_cvs_own_wish_names(
    tmp_path: Path, wish: str, target: str, close: str
) -> None:
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        f"Colleen Grant, MD\ncolleen@example.com\n\n{wish}\nEXPERIENCE\n\nFamily Physician — Harlan Creek Clinic\t"
        "1998 – present\n- Reviewed ~30 drug submissions per year for the provincial formulary\n"
        "- Registry patients with HbA1c ≤7.0% rose from 41% to 58%\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv))
    assert report.target == target  # the wish chose it
    last = report.about.rsplit("\n\n", 1)[-1]
    assert last.startswith("Next, I want to bring ") and last.endswith(close)


def test_another_persons_pi_is_no_keyword_and_an_area_the_title_names_is_not_said_twice(tmp_path: Path) -> None:
    """unseen15's dermatologist, a sub-investigator who 'reported adverse events to the PI and sponsor', had
    'Principal Investigator' among her Core Competencies and in a headline; her keyword headline read
    'Dermatologist · Dermatology'."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Priya Cole, MD\npriya@example.com\n\nEXPERIENCE\n\n"
        "Partner Dermatologist, Piedmont Dermatology\t2012 – present\n"
        "- Sub-investigator on 5 industry-sponsored phase III trials in psoriasis: enrolled 47 subjects, performed "
        "PASI and EASI assessments and reported adverse events to the PI and sponsor\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv), target="clinical-development")
    assert not any("Principal Investigator" in h for h in report.headlines)
    assert not any("Dermatologist · Dermatology" in h for h in report.headlines)
    assert any("Sub-Investigator" in h for h in report.headlines)


def test_the_summary_moves_into_the_role_the_cvs_own_wish_names(tmp_path: Path) -> None:
    """unseen16's pediatric endocrinologist wished for 'a medical affairs or clinical role with a diabetes device
    company'; her summary said 'now moving into medtech clinical affairs in metabolic and endocrine disease'."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Rachel Whitcomb, MD\nrachel@example.com\n\nSUMMARY\nBoard-certified pediatric endocrinologist seeking a "
        "medical affairs or clinical role with a diabetes device company.\n\nEXPERIENCE\n\n"
        "Medical Director, Diabetes Technology Clinic, Buckeye Children's Hospital\t2018 – present\n"
        "- Lead a clinic of ~1,400 children on insulin pumps and CGM\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv))
    assert report.target == "medtech"
    assert "now moving into a medical affairs or clinical role with a diabetes device company." in report.summary


def test_a_role_held_in_a_body_is_said_with_what_was_done_there() -> None:
    """unseen16 read: 'I have served as a member for Institutional Review Board IRB-2'; 'As a member for the review
    unblinded interim safety …'; the site PI's enrolment left out of the message."""
    from translator.render.profile_texts import _role_held, _said

    assert _role_held("Member, Institutional Review Board IRB-2") == "a member of the Institutional Review Board IRB-2"
    assert _said("Site Principal Investigator — VASO-SHIELD Phase III Trial: enrolled 47 patients") == (
        "As site principal investigator on the VASO-SHIELD Phase III Trial, I enrolled 47 patients."
    )


def test_a_message_says_the_role_once_for_its_two_facts(tmp_path: Path) -> None:
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Marcus Albrecht, MD\nma@example.com\n\nCLINICAL RESEARCH\n\n"
        "Site Principal Investigator, VASO-SHIELD Phase III Trial    2021 – 2024\n"
        "- Enrolled 47 patients, the highest enrollment among 62 US sites\n"
        "- Adjudicated serious adverse events and reported them to the sponsor within 24 hours\n"
        "Member, Data and Safety Monitoring Board    2019 – present\n"
        "- Review unblinded interim safety and efficacy data at semi-annual DSMB meetings\n",
        encoding="utf-8",
    )
    message = build_report(read_cv(cv), target="clinical-development").outreach.message
    assert "As site principal investigator on the VASO-SHIELD Phase III Trial, I " in message
    assert message.count("As site principal investigator") == 1
    assert "I also " in message
    assert "member for" not in message


def test_a_target_the_cv_never_states_is_not_announced_as_a_move(tmp_path: Path) -> None:
    """unseen16 read: 'now moving into medtech clinical affairs' for three CVs that state no target put words in the
    physician's mouth; unseen19's and unseen21's reads: 'now exploring a move into …' does too. The tool's suggestion
    is no part of the Summary; a chosen or stated target is said as a move."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Jo Reyes, MD\njo@example.com\n\nEXPERIENCE\n\nInterventional Cardiologist, Bay Heart    2015 – present\n"
        "- Implant about 220 TAVR valves a year and proctor 6 sites for a device company\n",
        encoding="utf-8",
    )
    suggested = build_report(read_cv(cv)).summary
    chosen = build_report(read_cv(cv), target="medtech").summary
    assert "now exploring" not in suggested and "now moving into" not in suggested and "medtech" not in suggested
    assert suggested.startswith("Interventional cardiologist at Bay Heart since 2015.")
    assert "now moving into" in chosen


def test_a_role_of_todays_post_is_one_still_held_and_one_body_takes_its_article() -> None:
    """unseen19's read: 'I have served as clinical lead for ambient AI documentation pilot' for a role of today's
    post (three messages said a current role in the past); a role whose own span closed was held."""
    from translator.mapping.facts import Fact
    from translator.render.profile_texts import _role_held, _still_held

    assert _role_held("Clinical lead for ambient AI documentation pilot") == (
        "clinical lead for the ambient AI documentation pilot"
    )
    assert _role_held("Clinical lead for sepsis pathways") == "clinical lead for sepsis pathways"  # several
    assert _role_held("Lead for stroke care") == "lead for stroke care"  # no body

    def fact(text: str, current: bool) -> Fact:
        return Fact("b-1", text, text, "Experience", "Job", frozenset(), current, 0)

    assert _still_held(fact("Site PI for 3 sepsis trials; no findings at sponsor audit 2022", True))
    assert not _still_held(fact("Member, Sepsis Working Group 2017–2019", True))
    assert not _still_held(fact("Clinical lead for the home dialysis pilot", False))
