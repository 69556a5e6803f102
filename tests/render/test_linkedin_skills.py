"""Which line shows which LinkedIn skill: a line's own words name the work, never a neighbour of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from translator.parse import read_cv
from translator.render.linkedin import skill_table


def _shown(line: str, section: str = "experience") -> set[str]:
    return {skill.name for skill in skill_table() if skill.shown_by(line, section)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "shows", "never"),
    [
        # A field named as a partner is not the physician's field.
        (
            "Built a lupus clinic with nephrology, dermatology and obstetrics",
            {"Program Development"},
            {"Women's Health"},
        ),
        ("Wrote the serious illness guide with oncology and critical care", {"Clinical Pathways"}, {"Oncology"}),
        # A talk about a kind of work shows the talk, not the work.
        (
            "Invited speaker, ACC 2022: transitions of care in heart failure",
            {"Scientific Presentations"},
            {"Care Coordination"},
        ),
        # A mentee's line is the mentee's.
        (
            "Mei-Ling Zhou, PharmD, stewardship pharmacist; now Director of Antimicrobial Stewardship",
            set(),
            {"Antimicrobial Stewardship", "Leadership"},
        ),
        # Words that only look like the skill.
        (
            "Audited antibiotic prescribing for otitis media across 4 clinic sites",
            {"Data Analysis"},
            {"Public Speaking"},
        ),
        ("60 peer-reviewed publications, 22 as first or senior author", {"Scientific Writing"}, {"Peer Review"}),
        ("Launched a nurse-led transitions clinic", {"Program Development", "Care Coordination"}, {"Leadership"}),
        ("Take call for the ICU, where I manage patients on ECMO", {"Critical Care"}, {"Leadership"}),
        ("Mentored 9 residents; 6 led to first-author abstracts", {"Mentoring"}, {"Scientific Writing"}),
        (
            "Member, data and safety monitoring board for a device trial",
            {"Data and Safety Monitoring (DSMB)", "Clinical Trials"},
            {"Pharmacovigilance"},
        ),
        ("Interpreted 30 transthoracic echocardiograms a day", {"Echocardiography"}, {"Medical Devices"}),
        (
            "Supervise 4 nurse practitioners and 2 clinical pharmacists",
            {"Clinical Supervision"},
            {"Medical Education"},
        ),
        # a speakers' bureau is promotional speaking, not an advisory board (unseen10's allergist)
        (
            "Speakers bureau, Halcyon Immunology (asthma biologic), 2021-2024 - 38 branded dinner programs",
            {"Public Speaking"},
            {"Advisory Boards"},
        ),
    ],
)
def test_a_line_shows_the_skills_its_words_name(line: str, shows: set[str], never: set[str]) -> None:
    found = _shown(line)
    assert shows <= found, found
    assert not never & found, found


def test_a_publication_or_an_editorial_line_shows_its_skill_by_its_section() -> None:
    assert "Scientific Writing" in _shown("Oyelaran H, Smith J. Resistance in lung cancer. JCO 2020", "publications")
    assert "Peer Review" in _shown("Associate Editor, Journal of Cardiac Failure", "editorial")


def test_every_skill_has_a_distinct_name() -> None:
    names = [skill.name.lower() for skill in skill_table()]
    assert len(names) == len(set(names))


def test_a_measured_fall_in_a_rate_is_quality_improvement() -> None:
    assert "Quality Improvement" in _shown("Led the telehealth rollout: no-show rates fell from 18% to 9%")
    assert "Epilepsy" in _shown("Read video-EEG studies for the epilepsy monitoring unit")
    assert "Clinical Research" not in _shown("Read video-EEG studies for the epilepsy monitoring unit")


@pytest.mark.parametrize(
    ("organization", "place"),
    [
        ("Mercy Regional Medical Center, Springfield, IL", "Springfield, IL"),
        ("Cascadia Ridge Medical Center, Portland, Oregon, United States", "Portland, Oregon, United States"),
        ("Harbor Clinic, Portland, OR 97213", "Portland, OR 97213"),
        ("Toronto General, Toronto, ON", "Toronto, ON"),
        # A degree is no state, and a department no city.
        ("Johns Hopkins, Department of Medicine, MD", None),
        ("Northfield University School of Medicine", None),
    ],
)
def test_the_place_is_split_from_the_organisation(organization: str, place: str | None) -> None:
    from translator.render.linkedin import split_place

    assert split_place(organization)[1] == place


def test_a_clinical_field_is_the_physicians_own_or_a_post_of_theirs() -> None:
    """A mention of a field is no skill in it: a radiologist's 'stroke-transfer support' is no neurology, nor are two
    lines on stroke imaging (a neuroradiologist who reads the ED's head CTs is no emergency physician); the
    physician's own field needs no line, and two lines make a field when a post or training of theirs names it."""
    from translator.mapping.facts import Fact
    from translator.models import ParsedCV, Profile
    from translator.render.linkedin import skills

    def fact(n: int, text: str) -> Fact:
        return Fact(f"b-{n}", text, text, "Experience", "Job", frozenset(), True, n)

    cv = ParsedCV(source="cv.txt", format="txt", profile=Profile(), sections=[])
    once = [fact(1, "Take IR call one week in five, covering GI bleeding and stroke-transfer support")]
    assert "Neurology" not in {s.name for s in skills(cv, once, {}, "interventional radiology")}
    assert "Neurology" in {s.name for s in skills(cv, once, {}, "neurology")}
    twice = [*once, fact(2, "Read 40 stroke CT angiograms a week for the telestroke network")]
    assert "Neurology" not in {s.name for s in skills(cv, twice, {}, "interventional radiology")}
    from translator.models import Entry, Section

    trained = cv.model_copy(
        update={
            "sections": [
                Section(heading="Training", kind="training", entries=[Entry(title="Fellowship, Vascular Neurology")])
            ]
        }
    )
    assert "Neurology" in {s.name for s in skills(trained, twice, {}, "interventional radiology")}
    embolism = [fact(3, "Wrote the pulmonary embolism response protocol"), fact(4, "Lead the pulmonary embolism team")]
    assert "Respiratory Medicine" not in {s.name for s in skills(cv, embolism, {}, "interventional radiology")}


def test_linkedin_education_lists_the_degrees_beside_the_trainings(tmp_path: Path) -> None:
    """LinkedIn's Education section gets the degrees too (a second read: the MFM specialist's MS in Health Care
    Quality & Safety, the degree that fits her target best, was on no LinkedIn text), latest first, as the CV
    names them, with school and years."""
    from translator.pipeline import translate_cv

    translate_cv(FIXTURES / "unseen" / "custom-styles-pipe-job-lines_mfm_pandoc.docx", tmp_path)
    education = (tmp_path / "linkedin.md").read_text(encoding="utf-8").split("## Education", 1)[1].split("\n## ")[0]
    lines = [line for line in education.splitlines() if line.startswith("- ")]
    assert lines[-3:] == [
        "- MS, Health Care Quality & Safety — Jefferson College of Population Health, Philadelphia, PA (2019 – 2021)",
        "- MD — Penn State College of Medicine, Hershey, PA (2008)",
        "- BS, Biology — Bucknell University, Lewisburg, PA (2004)",
    ]
    assert any("Maternal–Fetal Medicine Fellow" in line for line in lines)


def test_an_education_written_as_a_list_still_gives_linkedin_its_education(tmp_path: Path) -> None:
    """Degrees and trainings written as items ("MD — University of Tennessee …, 2012", "2010–2011 — Fellowship,
    …") were on no LinkedIn text (unseen12 read: no Education section in four of six): each is an entry with its
    school and years; an accreditation listed with them ("FRCP (London), 2021") is none."""
    from translator.render.linkedin import degrees

    path = tmp_path / "cv.md"
    path.write_text(
        "# Lucinda R. Ambrose-Tillman, MD\nl@example.com\n\n## Education & Training\n\n"
        "- 2010–2011 — Fellowship, Hospice & Palliative Medicine, Duke University Medical Center, Durham, NC\n"
        "- MD — University of Tennessee Health Science Center, Memphis, TN, 2006\n"
        "- MD (Res), University of Sheffield, 2014 — Thesis: “Faecal markers of healing”\n"
        "- FRCP (London), 2021\n",
        encoding="utf-8",
    )
    listed = [(d.title, d.organization, d.dates) for d in degrees(read_cv(path))]
    assert listed == [
        ("MD (Res)", "University of Sheffield", "2014"),
        ("Fellowship, Hospice & Palliative Medicine", "Duke University Medical Center, Durham, NC", "2010–2011"),
        ("MD", "University of Tennessee Health Science Center, Memphis, TN", "2006"),
    ]
