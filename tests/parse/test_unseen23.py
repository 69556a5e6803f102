"""unseen23: six CVs a helper wrote from a new brief after the unseen22 mends, read blind at 6099058 (R · L · O
3.0 · 3.2 · 4.0 of 10, 1 of 18 outputs sendable as is). What their reading got wrong, read right."""

from __future__ import annotations

from tests.conftest import FIXTURES, posts_of
from translator.mapping.translate import translate_bullet
from translator.parse import read_cv
from translator.report import build_report, run_summary

UNSEEN = FIXTURES / "unseen"


def test_a_contact_column_beside_a_large_name_is_no_part_of_it() -> None:
    """A Canadian urologist's moderncv-like Chromium PDF: the 12-pt '88' of his street sat within the 38-pt name's
    line, so the name was 'Mountbatten Terrace Hamilton' on every output; his adjunct post under his staff post took
    every duty of it."""
    cv = read_cv(UNSEEN / "moderncv-like-contact-beside-name_urology_chromium.pdf")
    assert (cv.profile.name, cv.profile.location) == ("Malcolm T. Verhoeven", "Hamilton, ON")
    assert cv.profile.credentials == ["MD", "FRCSC"]
    staff = next(e for s in cv.sections if s.kind == "experience" for e in s.entries)
    assert staff.title == "Staff Urologist" and len(staff.bullets) == 6
    assert staff.lines == ["Assistant Clinical Professor (adjunct), Division of Urology, Dundurn University"]


def test_a_word_header_line_gives_the_town_and_trial_paragraphs_head_their_sentences() -> None:
    """An allergist's python-docx CV: her town was only in the header's one line with her name; each trial was a
    paragraph 'NOVA-EOS-301 — Sub-Investigator (2019–2021). Phase 3, …' cut into sentences that lost their trial;
    'Year | Title / venue' were read as two presentations."""
    cv = read_cv(UNSEEN / "header-contact-trial-paragraphs-year-table_allergy_python-docx.docx")
    assert cv.profile.location == "Austin, TX"
    trials = posts_of(cv, "research")
    assert trials[0] == ("NOVA-EOS-301 — Sub-Investigator", None, "2019–2021")
    assert ("PEANUT-EASE OLE — Site Principal Investigator", None, "2022–present") in trials
    talks = [b.text for s in cv.sections if s.kind == "presentations" for e in s.entries for b in e.bullets]
    assert len(talks) == 5 and not {"Year", "Title / venue"} & set(talks)


def test_a_trials_table_keeps_its_years_and_its_columns_names() -> None:
    """A UAE neurologist's LibreOffice .docx: 'ASTRAL-NP – … (2021–2025) | III | National Lead Investigator (UAE) |
    64 site / 142 country' lost its years and read '— III — … — 23'; 'Abu Dhabi' was the American Board of Urology."""
    cv = read_cv(UNSEEN / "europass-like-trials-table-abu-dhabi_neurology_libreoffice.docx")
    rows = [b.text for s in cv.sections if s.kind == "research" for e in s.entries for b in e.bullets]
    assert "CLEARWAY-TNK – tenecteplase vs alteplase in AIS (2019–2023) — Phase III, Site PI, 87 enrolled" in rows
    assert not cv.profile.board_certified
    assert "board-certified" not in build_report(cv).summary.lower()


def test_an_e_mailed_cv_with_two_kinds_of_underline_reads_itsposts_of() -> None:
    """A Kenyan occupational physician's CV pasted into an e-mail: '----' under each post's title is a level under
    '====', yet every post was read as a section; her stated post was in the wrapped cover note."""
    cv = read_cv(UNSEEN / "email-underlined-headings-po-box_occupational-medicine.txt")
    assert cv.profile.location == "Nairobi, Kenya"
    posts = posts_of(cv)
    assert posts[1] == (
        "Panel Medical Reviewer (sessional)",
        "Jamii Mutual Assurance Ltd, Nairobi",
        "June 2022 – present",
    )
    assert len(posts) == 5
    report = build_report(cv)
    assert run_summary(report).endswith("(as the CV states it)") and report.target == "payer"
    assert "Ref" not in report.summary and "advertised" not in report.summary


def test_a_spanish_address_gives_its_town_and_a_current_post_takes_the_present() -> None:
    cv = read_cv(UNSEEN / "bilingual-spanish-address-mexico_hand-surgery_pandoc.docx")
    assert cv.profile.location == "Zapopan, Mexico"
    line = "Fitness-for-work, pre-placement and periodic medical examinations (~9,500 per year) in line with OSHA 2007"
    assert translate_bullet(line, current=True, present=True).rewrite.startswith("Perform fitness-for-work")
    assert translate_bullet("Telehealth program launch, 2020", current=True, present=True).rewrite.startswith(
        "Launched"
    )


def test_a_wish_to_move_into_a_field_is_said_once_and_two_posts_held_today_keep_their_order() -> None:
    """'Looking to move into medtech clinical affairs or a field clinical specialist lead role' was 'now moving into
    a move into medtech …'; the allergist's partnership (Aug 2014 – present) came after her hospital consult post
    (Oct 2014 – present), whose start was later."""
    import docx

    from translator.render.resume import build_resume

    urologist = build_report(read_cv(UNSEEN / "moderncv-like-contact-beside-name_urology_chromium.pdf"))
    assert "now moving into medtech clinical affairs or a field clinical specialist lead role" in urologist.summary
    cv = read_cv(UNSEEN / "header-contact-trial-paragraphs-year-table_allergy_python-docx.docx")
    import io

    document = docx.Document(io.BytesIO(build_resume(cv, build_report(cv))))
    posts = [p.text for p in document.paragraphs if p.style.name == "Position"]
    assert posts[0].startswith("Partner Physician; Director, Biologics Clinic")


def test_a_summary_tells_no_citation_no_pointer_and_no_lists_heading() -> None:
    """The urologist's Summary quoted a paper's citation ('Okonkwo A, Verhoeven MT, Marchetti L. Stent-on-string …');
    the neurologist's said '(see Research); grants and other research roles: completes …'."""
    urologist = build_report(read_cv(UNSEEN / "moderncv-like-contact-beside-name_urology_chromium.pdf"))
    assert "Okonkwo" not in urologist.summary + " ".join(urologist.headlines)
    neurologist = build_report(read_cv(UNSEEN / "europass-like-trials-table-abu-dhabi_neurology_libreoffice.docx"))
    told = neurologist.summary + " ".join(neurologist.headlines)
    assert "(see Research)" not in told and "other research roles" not in told.lower()


def test_a_linkedin_pdf_keeps_a_duty_apart_and_a_compound_whole() -> None:
    """A Singapore nuclear physician's LinkedIn-like PDF: 'Radionuclide therapy: ~110 … treatments' ends short and
    'Sub-investigator, multicentre Phase II trial …' starts the next line; the whole word did not fit where the
    first ended, but 'Sub-' did, and the producer wraps at hyphens ('deep-' / 'learning' in the sidebar), so the
    two are separate duties. The sidebar's wrapped titles were joined with a space after the hyphen."""
    cv = read_cv(UNSEEN / "linkedin-lookalike-sidebar_nuclear-medicine_chromium.pdf")
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert "Radionuclide therapy: ~110 Ra-223 and radioiodine (I-131) treatments" in duties
    assert any(d.startswith("Sub-investigator, multicentre Phase II trial") for d in duties)
    papers = [
        t
        for s in cv.sections
        if s.kind == "publications"
        for e in s.entries
        for t in [*e.lines, *(b.text for b in e.bullets)]
    ]
    assert "External validation of a deep-learning lesion detector for PSMA PET/CT" in papers
    assert "Dosimetry-guided Lu-177 PSMA-617 in Asian patients: a single-centre experience" in papers
