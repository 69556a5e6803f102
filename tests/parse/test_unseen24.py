"""unseen24: six CVs a helper wrote from a third brief, read blind at 56edecc (R · L · O 3.0 · 3.0 · 4.2 of 10). What
their reading got wrong, read right."""

from __future__ import annotations

from tests.conftest import FIXTURES, posts_of
from translator.parse import read_cv

UNSEEN = FIXTURES / "unseen"


def test_a_linkedin_page_copied_as_text_reads_as_the_profile_it_shows() -> None:
    """A Winnipeg family physician pasted her LinkedIn page into a .md file: every line twice (the page's text and
    its screen reader's), logos' alt text, '…see more', 'Show all 7 experiences →', endorsements. No duty was found
    and her resume was one paragraph of page debris."""
    cv = read_cv(UNSEEN / "linkedin-page-copied-as-text_family-medicine.md")
    posts = posts_of(cv)
    assert posts[0] == (
        "Medical Lead, Population Health",
        "Riverbend Community Health Collective, Winnipeg, Manitoba, Canada",
        "Jan 2018 - Present",
    )
    assert ("Medical Advisor (part-time)", "Prairie Health Quality Council", "Sep 2020 - Present") in posts
    assert len([b for _, _, b in cv.all_bullets()]) >= 15
    assert posts_of(cv, "education")[0] == (
        "Master of Public Health - MPH, Epidemiology",
        "Selkirk Plains University",
        "2015 - 2017",
    )
    text = " ".join(
        [*(b.text for _, _, b in cv.all_bullets()), *(t for s in cv.sections for e in s.entries for t in e.lines)]
    )
    for debris in ("logo", "see more", "Show all", "endorsements", "Show credential", "· Part-time"):
        assert debris not in text
    certified = [t for s in cv.sections if s.kind == "certification" for e in s.entries for t in e.lines]
    assert "CCFP — The College of Family Physicians of Canada (Jul 2012)" in certified
