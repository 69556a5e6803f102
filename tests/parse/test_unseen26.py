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
