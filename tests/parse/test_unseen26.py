"""unseen26: six CVs a helper wrote from a fifth brief (a Google-Docs-like .docx, an Awesome-CV-like PDF, a LinkedIn
profile copied by hand, a LibreOffice .docx with footnotes, a GitHub-README CV, a LibreOffice PDF with a two-column
section), read blind at 96b4733. What their reading got wrong, read right."""

from __future__ import annotations

from tests.conftest import FIXTURES, posts_of
from translator.parse import read_cv

UNSEEN = FIXTURES / "unseen"


def test_a_linkedin_profile_copied_by_hand_reads_as_its_posts() -> None:
    """A Dubai interventional cardiologist copied his LinkedIn profile into a .txt, marking titles '▶' and duties
    '✔': '(He/Him)' after his name stopped the run ('no name found'); 'Skills: Cardiology · Clinical Trials · +4
    skills' under a post opened a Skills section that swallowed four posts; the second post of his grouped block
    lost its employer; his recommender's quote was a duty."""
    cv = read_cv(UNSEEN / "linkedin-copied-by-hand-emoji-markers_interventional-cardiology.txt")
    assert cv.profile.name == "Harish Menon Kallat"
    assert posts_of(cv) == [
        (
            "Senior Consultant & Head, Cardiac Catheterisation Lab",
            "Al Safwa Heart Institute, Dubai, United Arab Emirates",
            "Jan 2020 – Present",
        ),
        ("Consultant Interventional Cardiologist", "Al Safwa Heart Institute", "Apr 2016 – Dec 2019"),
        (
            "Visiting Consultant Cardiologist",
            "Eastcoast Crescent Hospital, Fujairah, United Arab Emirates",
            "Oct 2017 – Sep 2019",
        ),
        ("Consultant Cardiologist", "Malabar Coast Heart Hospital, Kozhikode, Kerala, India", "Jun 2009 – Mar 2016"),
        (
            "Assistant Professor of Cardiology",
            "Vembanad Institute of Medical Sciences, Kochi, Kerala, India",
            "Aug 2007 – May 2009",
        ),
    ]
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert not any("Harish was the most organised PI" in d or "yrs" in d for d in duties)
    assert "Set up radial-first policy, radial use up from 35% to 88%" in duties


def test_a_gp_is_a_general_practitioner_and_his_name_heads_no_section() -> None:
    """A Glasgow GP partner's LibreOffice .docx: 'GP Principal (Partner)' named no specialty, so 'Paediatrics' in
    his SHO rotation made him a paediatrician in every output; his name in a heading style under the page header
    opened a section that printed his name and contact lines mid-resume; his post-nominals and his town ('… |
    07700 900412 | Glasgow') were lost."""
    cv = read_cv(UNSEEN / "libreoffice-header-footnotes-sessions-table_general-practice.docx")
    assert cv.profile.specialty == "general practice"
    assert cv.profile.credentials == ["MBChB", "FRCGP", "DRCOG"]
    assert cv.profile.location == "Glasgow"
    assert not any("Rennie" in s.heading for s in cv.sections)
    assert cv.sections[0].kind == "summary"


def test_a_now_section_says_what_the_physician_is_looking_for() -> None:
    """A Denver toxicologist's GitHub-README CV opens '## Now ##' / '- Looking for: a pharmacovigilance / drug
    safety physician role …': the run said the CV named no target and aimed him at clinical development."""
    from translator.report import build_report, run_summary

    report = build_report(read_cv(UNSEEN / "github-readme-now-section_toxicology.md"))
    assert "target: Drug Safety / Pharmacovigilance (as the CV states it)" in run_summary(report)
    assert not any(b.text.startswith("Looking for") for b in report.bullets)


def test_a_town_at_the_titles_right_margin_is_the_employers_and_a_numbered_footer_runs() -> None:
    """A Toronto endocrinologist's Awesome-CV-like PDF sets each post's town at the right of its title line
    ('Staff Endocrinologist (0.6 FTE)   Toronto, ON') and its footer 'Anika Desrosiers · Curriculum Vitae 1':
    the town ran into every title and the footer, its page number differing, was a publication."""
    cv = read_cv(UNSEEN / "awesome-cv-like-place-right-footer-page-number_endocrinology_chromium.pdf")
    assert posts_of(cv)[0] == (
        "Staff Endocrinologist (0.6 FTE)",
        "Harbourfront General Hospital, Toronto, ON",
        "Sep 2023 – Present",
    )
    assert ("MD", "Université de Saint-Laurent, Faculté de médecine, Montréal, QC", "2014 – 2018") in posts_of(
        cv, "education"
    )
    items = [b.text for _, _, b in cv.all_bullets()]
    assert not any("Curriculum Vitae" in t for t in items)
