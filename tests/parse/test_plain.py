"""The .txt and .md readers: encodings, markdown structure, bullets kept whole."""

from __future__ import annotations

import re
from pathlib import Path

from translator.parse import read_cv

TEXT = (
    "Zoë Brontë, MD\nzoe@example.com\n\nEXPERIENCE\n"
    "Hospitalist, Hôpital Général 2018 – Present\n- Led “sepsis” QI — 2019\n"
)


def test_windows_1252_text_falls_back_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    cv = read_cv(path)
    assert cv.profile.name == "Zoë Brontë"
    assert [b.text for _, _, b in cv.all_bullets()] == ["Led “sepsis” QI — 2019"]


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode("utf-8"))
    assert read_cv(path).profile.email == "zoe@example.com"


def test_markdown_headings_entries_and_nested_bullets(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "---\nlayout: default\n---\n# Ravi Shah, MD\nravi@example.com | Boston, MA\n\n"
        "## Experience\n### Hospitalist\tJuly 2019 – Present\n**Mass General**, Boston, MA\n"
        "- Led a **sepsis** QI project\n  - Reduced time to antibiotics\n\n"
        "## Publications *(Optional)*\n1. Shah R. Sepsis. *NEJM*. 2020.\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Ravi Shah"
    assert [s.heading for s in cv.sections] == ["Experience", "Publications"]
    entry = cv.sections[0].entries[0]
    assert (entry.title, entry.organization, entry.dates) == (
        "Hospitalist",
        "Mass General, Boston, MA",
        "July 2019 – Present",
    )
    assert [b.text for b in entry.bullets] == ["Led a sepsis QI project", "Reduced time to antibiotics"]
    assert [b.text for b in cv.sections[1].bullets] == ["Shah R. Sepsis. NEJM. 2020."]


def test_a_web_forms_fields_dated_lines_and_joined_headings(tmp_path: Path) -> None:
    """Pasted from a web form: 'Name: …' fields, 'YYYY-YYYY: Title, Org, City' position lines with their duties
    as sentences under them, and a heading that joins two known ones ('Quality Improvement and Projects:')."""
    path = tmp_path / "form.txt"
    path.write_text(
        "Name: Tariq M. Haddadin, MD, FASN\nEmail: t.h@example.com\nLocation: Flint, MI 48439\n\n"
        "Professional Experience:\n\n"
        "2013-present: Partner Nephrologist, Great Lakes Kidney Consultants PLLC, Flint, MI\n"
        "I see CKD patients in the office 3.5 days a week. Round on 180 hemodialysis patients across 3 units.\n\n"
        "2022-present: Physician Lead, Great Lakes Kidney Care Partners LLC (Kidney Contracting Entity, CMS Kidney"
        " Care Choices model), Flint, MI\n"
        "Clinical lead for about 2,300 aligned beneficiaries. Crash starts fell from 58% to 41%.\n\n"
        "Clinical Research:\n"
        "2016-2017: Sub-Investigator, Phase 2 potassium binder study, sponsor Clearwell Pharma. 6 patients.\n\n"
        "Quality Improvement and Projects:\n"
        "Implemented a hepatitis B vaccination catch-up protocol in the dialysis unit.\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Tariq M. Haddadin"
    work = next(s for s in cv.sections if s.kind == "experience")
    assert [(e.title, e.dates) for e in work.entries] == [
        ("Partner Nephrologist", "2013-present"),
        ("Physician Lead", "2022-present"),
    ]
    assert len(work.entries[1].bullets) == 2
    quality = next(s for s in cv.sections if s.heading == "Quality Improvement and Projects")
    assert quality.entries[0].bullets[0].text.startswith("Implemented a hepatitis B")


def test_a_trial_written_as_a_role_and_its_description_keeps_the_study_as_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Name: Tariq M. Haddadin, MD\nEmail: t.h@example.com\n\nClinical Research:\n"
        "2018-2020: Sub-Investigator, Phase 3 trial of an oral HIF-PH inhibitor vs. ESA for anemia in dialysis"
        " patients, sponsor Tennant Pharmaceuticals. 22 patients randomized at our units.\n",
        encoding="utf-8",
    )
    (entry,) = [e for s in read_cv(path).sections for e in s.entries]
    assert entry.title == (
        "Sub-Investigator — Phase 3 trial of an oral HIF-PH inhibitor vs. ESA for anemia in dialysis patients,"
        " sponsor Tennant Pharmaceuticals"
    )
    assert entry.organization is None and entry.dates == "2018-2020"
    assert [b.text for b in entry.bullets] == ["22 patients randomized at our units"]


def test_a_notes_app_cv_labels_its_last_sections_and_dates_a_post_with_a_note(tmp_path: Path) -> None:
    """Markdown as a notes app writes it: a date line with its note after a comma under a position, and
    "**Skills:** …" / "*Interests:* …" paragraphs after another section — sections of their own; interests
    are personal, left off the resume with their reason."""
    path = tmp_path / "cv.md"
    path.write_text(
        "# Jordan K. Whitfield, MD\njk@example.com\n\n## Experience\n\n"
        "### Locum Tenens Emergency Physician — Northstar Locum Partners\n2023 – present, ~4-6 shifts/month\n"
        "* Single-coverage critical access EDs in rural IN and IL\n\n"
        "## QI / Projects / Other\n- Poster: Alert fatigue in the ED — AMIA 2024\n\n"
        "**Skills:** Epic (Physician Builder), SQL (basic), Python, Tableau\n\n"
        "*Interests:* pickup basketball, home espresso\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    locum = cv.sections[0].entries[0]
    assert locum.dates == "2023 – present" and locum.lines == ["~4-6 shifts/month"]
    skills = next(s for s in cv.sections if s.kind == "skills")
    assert skills.entries[0].lines == ["Epic (Physician Builder), SQL (basic), Python, Tableau"]
    # (set aside with its label: a personal line, wherever it stands)
    assert "Interests: pickup basketball, home espresso" in {n.text for n in cv.not_used}


def test_a_cv_pasted_into_an_email_leaves_the_note_and_the_signature_aside(tmp_path: Path) -> None:
    """The greeting ("Hi Renata,") is no name; the note up to the rule line and the signature and notice after
    the last rule line are set aside with their reasons, never read into the CV."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Hi Renata,\r\n\r\nThanks again for the call. Pasting my CV below.\r\n\r\nBest,\r\nAdaeze\r\n\r\n-----\r\n\r\n"
        "ADAEZE N. OKONKWO, MD, FAAP\r\nGallup, NM | (505) 555-0109 | a.o@example.com\r\n\r\nEXPERIENCE\r\n\r\n"
        "Staff Pediatrician, Gallup Indian Medical Center, Gallup, NM\r\nAug 2023 - present\r\n"
        "- Led asthma registry project; ED visits down 30%\r\n\r\n-----\r\n\r\nAdaeze N. Okonkwo, MD, FAAP\r\n"
        "Cell: (505) 555-0109\r\n\r\nCONFIDENTIALITY NOTICE: This e-mail may contain confidential information.\r\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Adaeze N. Okonkwo"
    reasons = {n.text: n.reason for n in cv.not_used}
    assert "cover note" in reasons["Hi Renata,"] and "cover note" in reasons["Adaeze"]
    assert "signature" in reasons["Cell: (505) 555-0109"]
    texts = [b.text for _, _, b in cv.all_bullets()] + [t for s in cv.sections for e in s.entries for t in e.lines]
    assert texts == ["Led asthma registry project; ED visits down 30%"]


def test_a_note_above_a_cv_ends_before_the_name_the_cv_underlines(tmp_path: Path) -> None:
    """An e-mail's headers and note ("Thanks so much," / "Teresa") end where the CV begins: the name it sets in
    capitals over a ===== rule is the name, not the note's last line and not a section heading."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "From: Teresa Halvorsen <t@example.com>\nSubject: CV\n\nHi Dan,\n\nHere is my CV pasted below.\n\n"
        "Thanks so much,\nTeresa\n\n\nTERESA M. HALVORSEN, MD, FACE\n=============================\n"
        "Lakewood, CO | (303) 555-0174 | t@example.com\n\nPROFESSIONAL EXPERIENCE\n=======================\n\n"
        "Partner Physician, Front Range Endocrinology, Lakewood, CO\n2019 - present\n"
        "* Built the pump start pathway with our diabetes educators\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Teresa M. Halvorsen" and cv.profile.credentials == ["MD", "FACE"]
    assert [s.heading for s in cv.sections] == ["PROFESSIONAL EXPERIENCE"]
    reasons = {n.text: n.reason for n in cv.not_used}
    assert "cover note" in reasons["Thanks so much,"] and "TERESA M. HALVORSEN, MD, FACE" not in reasons


def test_work_read_after_a_personal_heading_goes_back_to_the_work(tmp_path: Path) -> None:
    """A sidebar's "PERSONAL" read into the middle of the main column: the hobbies are set aside, the dated
    post after them is work again, in the last work section, never set aside as a hobby."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Dana Whitcombe, MD\nd.w@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Co-Founder, Lakeshore Dermatology, Mequon, WI\t2008 – present\n- Built a biologics clinic (2015)\n\n"
        "PERSONAL\nSailing, Lake Michigan; youth soccer coach\n"
        "National Advisory Board Member, Immunodermatology\t2019 – 2025\n"
        "- Gave input on Phase 3b study design\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    work = next(s for s in cv.sections if s.kind == "experience")
    assert [e.title for e in work.entries][-1] == "National Advisory Board Member"
    assert work.entries[-1].bullets[0].text == "Gave input on Phase 3b study design"
    assert "Sailing, Lake Michigan; youth soccer coach" in {n.text for n in cv.not_used}  # the line as written


def test_a_lapsed_credential_is_set_aside_with_its_reason_never_shown_without_it(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Gregory Lindqvist, MD\ng.l@example.com\n\nLICENSURE AND CERTIFICATION\n"
        "- Kansas medical license, active, 1998–present\n- Nebraska medical license, inactive (lapsed 2015)\n"
        "- Certificate of Added Qualification in Geriatric Medicine, 2004 (not renewed)\n- ATLS (lapsed)\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    kept = [b.text for _, _, b in cv.all_bullets()]
    assert kept == ["Kansas medical license, active, 1998–present"]
    reasons = {n.text: n.reason for n in cv.not_used}
    assert (
        "lapsed" in reasons["ATLS (lapsed)"] and "lapsed" in reasons["Nebraska medical license, inactive (lapsed 2015)"]
    )


def test_hospital_privileges_listed_among_the_positions_are_no_jobs(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Douglas Kettleman, MD\nd.k@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Managing Partner, Lakeshore Allergy Associates, Brookfield, WI\t2006 – present\n"
        "- Built the practice's research site\n\n"
        "Hospital Medical Staff Appointments — Froedtert Memorial Lutheran Hospital, Milwaukee, WI (courtesy staff)"
        "\t2001 – present\n"
        "ProHealth Waukesha Memorial Hospital — Waukesha, WI (active staff)\t2000 – present\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    work = next(s for s in cv.sections if s.kind == "experience")
    assert [e.title for e in work.entries] == ["Managing Partner"]
    # privileges are no job and no credential an industry role asks for: set aside, with the reason, one line each
    reasons = {n.text: n.reason for n in cv.not_used}
    assert (
        "hospital privileges"
        in reasons["Froedtert Memorial Lutheran Hospital, Milwaukee, WI (courtesy staff) (2001 – present)"]
    )
    assert "ProHealth Waukesha Memorial Hospital — Waukesha, WI (active staff) (2000 – present)" in reasons
    assert not any(s.heading == "Hospital Affiliations" for s in cv.sections)


def test_a_line_that_also_names_a_current_credential_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Samir Haddad, MD\ns.h@example.com\n\nLICENSURE\n"
        "- Utah (active), Idaho (active, telehealth outreach), Ohio (inactive)\n- ATLS (lapsed)\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert [b.text for _, _, b in cv.all_bullets()] == [
        "Utah (active), Idaho (active, telehealth outreach), Ohio (inactive)"
    ]
    assert "ATLS (lapsed)" in {n.text for n in cv.not_used}


def test_a_web_builders_export_in_columns_underlined_headings_and_o_bullets(tmp_path: Path) -> None:
    """Text exported from a web CV builder: headings underlined with ==== and ----, a job's title with its dates
    pushed to the right margin with spaces, the employer on the next line, bullets typed as "o" and "->", lines
    wrapped at 80 columns with their continuation indented; a hobby line that names a year and a place
    volunteered at stays a hobby, and the builder's stamp is set aside."""
    path = tmp_path / "cv.txt"
    title = "Staff Endocrinologist"
    path.write_text(
        "JANE ROE, MD\njane.roe@example.com | 413-555-0100\n\nPROFESSIONAL EXPERIENCE\n=======================\n"
        f"{title}{' ' * (80 - len(title) - 18)}Aug 2020 - Present\n"
        "Riverside Medical Center - Outpatient Diabetes & Endocrine Center, Springfield,\n  MA\n"
        " o Outpatient panel ~1,350 pts (T1D ~280, T2D, obesity, thyroid, adrenal,\n  pituitary); 9 clinics/wk\n"
        "    -> Pump starts grew from 38 to 146 per yr; 410 pts on automated insulin\n  delivery by end of 2025\n\n"
        "EDUCATION\n---------\n"
        f"Doctor of Medicine{' ' * 58}2015\nUT Health San Antonio, San Antonio, TX\n\n"
        "INTERESTS\n---------\nSalsa dancing, running (Hartford Marathon 2019), volunteer at monthly\n"
        "  Spanish-language diabetes education night at a community health center.\n\n"
        "-- Exported from CareerFolio on 11/02/2026 --\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    (job,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert (job.title, job.dates) == (title, "Aug 2020 - Present")
    assert job.organization == "Riverside Medical Center - Outpatient Diabetes & Endocrine Center, Springfield, MA"
    assert [b.text[:20] for b in job.bullets] == ["Outpatient panel ~1,", "Pump starts grew fro"]
    (degree,) = [e for s in cv.sections if s.kind == "education" for e in s.entries]
    assert (degree.title, degree.organization, degree.dates) == (
        "Doctor of Medicine",
        "UT Health San Antonio, San Antonio, TX",
        "2015",
    )
    aside = {n.text: n.reason for n in cv.not_used}
    assert aside["-- Exported from CareerFolio on 11/02/2026 --"] == "the stamp of the program that made the file"
    assert any(t.startswith("Salsa dancing") for t in aside)
    assert not any("Salsa" in b.text for _, _, b in cv.all_bullets())


def test_hand_written_markdown_items_lines_tables_and_dotted_credentials(tmp_path: Path) -> None:
    """Markdown typed by hand: "M.D., F.A.C.S." after the name; a tagline and a contact line with no blank line
    between (each its own line, as typed); a bold title then its organization in plain type; a position whose
    dates follow a dash; degrees on consecutive lines (each a degree, a residency's dates followed by a note);
    a pipe table of procedure volumes (a row a line, each count with its column's name)."""
    path = tmp_path / "cv.md"
    path.write_text(
        "# Frank D. Roe, M.D., F.A.C.S.\nUrology | Robotic Surgery\nTampa, FL  ·  (813) 555-0100  ·  fr@example.com\n\n"
        "### Experience\n\n"
        "**Partner (Senior Partner since 2012)** — Bayfront Urology Partners, P.A., Tampa FL — 2001 to present\n"
        "- Built the group's robotic program from zero in 2006\n\n"
        "**Vice Chief of Surgery** St. Joseph's Hospital 2015-2019\n\n"
        "Robotic surgery proctor & clinical advisory board member, **Virexa Surgical, Inc.** — 2017–present\n"
        "- Proctored ~60 surgeons starting on the platform\n\n"
        "### Procedure Volume\n\n| Procedure | Cases | Notes |\n|---|---|---|\n"
        "| Robotic radical prostatectomy (RALP) | 1,050 | since 2006 |\n| Robotic partial nephrectomy | 420 | |\n\n"
        "**Education**\n\n"
        "Urology Residency, University of Florida, Gainesville, FL — 1996-2001 (incl. general surgery PGY-1/2)\n"
        "M.D., University of Miami Miller School of Medicine, 1996\nB.S. Chemistry, Boston College, 1992\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert (cv.profile.name, cv.profile.credentials, cv.profile.location) == (
        "Frank D. Roe",
        ["MD", "FACS"],
        "Tampa, FL",
    )
    work = [(e.title, e.organization, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work == [
        ("Partner (Senior Partner since 2012)", "Bayfront Urology Partners, P.A., Tampa FL", "2001 to present"),
        ("Vice Chief of Surgery", "St. Joseph's Hospital", "2015-2019"),
        ("Robotic surgery proctor & clinical advisory board member", "Virexa Surgical, Inc.", "2017–present"),
    ]
    volumes = [b.text for s in cv.sections if s.heading == "Procedure Volume" for e in s.entries for b in e.bullets]
    assert volumes == [
        "Robotic radical prostatectomy (RALP) — 1,050 cases, since 2006",
        "Robotic partial nephrectomy — 420 cases",
    ]
    degrees = [(e.title, e.dates) for s in cv.sections if s.kind == "education" for e in s.entries]
    assert degrees == [("Urology Residency", "1996-2001"), ("M.D.", "1996"), ("B.S. Chemistry", "1992")]


def test_labelled_items_of_a_catch_all_section_and_a_label_over_papers(tmp_path: Path) -> None:
    """Under "Other", "- Languages: …", "- Hobbies: …" and "- Memberships: …" go where their labels say (the
    hobbies set aside with their reason), and "- US citizen. Willing to travel …" stays under Other; "Not a big
    publisher. A few:" over the papers is no paper."""
    from translator.parse.structure import LIST_LABEL_REASON, PERSONAL_REASON

    path = tmp_path / "cv.md"
    path.write_text(
        "# Frank Roe, MD\nfr@example.com\n\n### Publications\n\nNot a big publisher. A few:\n\n"
        "- Roe F, Ames T. Learning curve of robotic partial nephrectomy. J Endourol 2012.\n\n"
        "### Other\n\n- Languages: English, Spanish (fluent)\n- Hobbies: sailing, woodworking\n"
        "- US citizen. Willing to travel; would consider relocation.\n- Memberships: AUA, SUO, ACS\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    listed = {s.kind: [b.text for e in s.entries for b in e.bullets] for s in cv.sections}
    assert listed["publications"] == ["Roe F, Ames T. Learning curve of robotic partial nephrectomy. J Endourol 2012."]
    assert listed["other"] == ["US citizen. Willing to travel; would consider relocation."]
    assert listed["skills"] == ["English, Spanish (fluent)"]
    assert listed["memberships"] == ["AUA, SUO, ACS"]
    reasons = {n.text: n.reason for n in cv.not_used}
    assert reasons["Not a big publisher. A few:"] == LIST_LABEL_REASON
    assert reasons["Hobbies: sailing, woodworking"] == PERSONAL_REASON


def test_a_line_copied_from_a_pdf_viewer_goes_on_past_a_page_number(tmp_path: Path) -> None:
    """Text copied out of a PDF viewer: a bullet that breaks off on "the", the page's number ("- 2 -") between it and
    its last words, which go on in lower case: one bullet, the number set aside."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Dana Roe, MD\nroe@example.com\n\nEXPERIENCE\n\n"
        "Nocturnist 2017 – 2020\nInova Fairfax Hospital, Falls Church, VA\n"
        "● Reduced night-time admission-to-orders time from 74 to 41 min by standardizing the\n- 2 -\n"
        "admission order set\n● Helped with the sepsis alert workflow\n"
        "● Co-developed the high-risk discharge checklist used to flag pts\nat risk for readmissions\n"
        "● Wrote appeal letters; $2.7M recovered in\nFY24\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    bullets = [b.text for _, _, b in cv.all_bullets()]
    assert (
        bullets[0]
        == "Reduced night-time admission-to-orders time from 74 to 41 min by standardizing the admission order set"
    )
    assert "- 2 -" in {n.text for n in cv.not_used}
    # flush left under a bullet: on in lower case, or after a bullet that broke off on a small word
    assert bullets[2:] == [
        "Co-developed the high-risk discharge checklist used to flag pts at risk for readmissions",
        "Wrote appeal letters; $2.7M recovered in FY24",
    ]


def test_a_pdf_viewer_copy_keeps_a_wrapped_range_a_broken_name_and_a_hyphenated_word_whole(tmp_path: Path) -> None:
    """Text copied out of a PDF viewer (unseen8's hospitalist): a date range wrapped onto a line of its own that
    opens with its dash ("…, Washington, DC 2014" / "– 2017"), a place broken after its comma ("…, Washington," /
    "DC 2010 – 2014"), a bracket the next line closes after an arrow, a word the viewer hyphenated: each is one
    line again, and every school keeps its own dates."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Dana Roe, MD\nroe@example.com\n\nEXPERIENCE\n\n"
        "Physician Advisor (0.4 FTE), Utilization Management 2022 – present\nInova Fairfax Hospital, Falls Church, VA\n"
        "• Peer-to-peer discussions with payer medical directors, ~25/month; overturn rate on concur-\n"
        "rent denials 58% (FY23) → 71% (FY25)\n"
        "• System days of therapy fell from 712 to 588 per 1,000 patient-days (−17%, FY21\n"
        "→ FY25) with no rise in mortality\n\n"
        "EDUCATION\n"
        "Residency, Internal Medicine – MedStar Georgetown University Hospital, Washington, DC 2014\n– 2017\n"
        "MD – The George Washington University School of Medicine and Health Sciences, Washington,\n"
        "DC 2010 – 2014\nBA, Economics – University of Richmond, Richmond, VA 2005 – 2009\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert [b.text for _, _, b in cv.all_bullets()] == [
        "Peer-to-peer discussions with payer medical directors, ~25/month; overturn rate on concurrent denials "
        "58% (FY23) → 71% (FY25)",
        "System days of therapy fell from 712 to 588 per 1,000 patient-days (−17%, FY21 → FY25) with no rise in "
        "mortality",
    ]
    schooling = [(e.title, e.dates) for s in cv.sections if s.kind == "education" for e in s.entries]
    assert schooling == [("Residency", "2014 – 2017"), ("MD", "2010 – 2014"), ("BA", "2005 – 2009")]
    (md,) = [e for s in cv.sections if s.kind == "education" for e in s.entries if e.title == "MD"]
    assert md.organization == "The George Washington University School of Medicine and Health Sciences, Washington, DC"


def test_a_notes_app_export_its_fields_emoji_headings_tables_and_to_dos() -> None:
    """A resume page exported from a notes app as Markdown (unseen9's emergency physician, written by a helper
    from a brief): the page's properties and to-do items are set aside with their reasons; headings are their
    words without the emoji before them; each position's labelled fields give its dates ("Dates: Jan 2023 →
    Present") and lines ("Where: …", "What it is: …"); a title's own qualifier stays in it ("Associate Medical
    Director, Telehealth — CareHarbor"); a table of trainings gives an entry a row, each year as written."""
    cv = read_cv(Path(__file__).parents[2] / "fixtures" / "unseen" / "notion-export_emergency-telehealth.md")
    kinds = {s.heading: s.kind for s in cv.sections}
    assert kinds["About me"] == "summary" and kinds["Experience"] == "experience"
    assert cv.profile.linkedin == "linkedin.com/in/caleb-marchetti-example"  # "[LinkedIn](https://www.linkedin…)"
    assert kinds["Stuff I'm good at"] == "skills" and "Outside of work" not in kinds
    work = [(e.title, e.organization, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work == [
        ("Medical Director", "Brightline Health", "Jan 2023 – Present"),
        ("Associate Medical Director, Telehealth", "CareHarbor", "Jun 2020 – Dec 2022"),
        ("Attending Emergency Physician", "Front Range Emergency Specialists", "Jul 2016 – Jun 2020"),
    ]
    first = next(e for s in cv.sections if s.kind == "experience" for e in s.entries)
    assert first.lines == ["Remote (HQ Denver, CO)", "Virtual UC, 31 states, ~19k visits/mo, Series B"]
    training = [(e.title, e.dates) for s in cv.sections if s.kind == "training" for e in s.entries]
    assert training == [("Residency", "2013–2016"), ("DO", "2013"), ("BS, Biochemistry", "2009")]
    reasons = {n.text: n.reason for n in cv.not_used}
    assert reasons["Tags: career, resume"].startswith("a notes app's page property")
    assert reasons["cut to 2 pages for the PDF version"].startswith("a to-do item")
    everything = " ".join(b.text for _, _, b in cv.all_bullets())
    assert "when" not in everything.split() and "details" not in everything.split()


def test_word_s_plain_text_export_two_titles_at_one_employer_a_seat_held_with_a_post_and_tabs(tmp_path: Path) -> None:
    """Word's "Plain Text" save (unseen9's geriatrician): Windows-1252, CRLF, Wingdings bullets saved as "§",
    tabs between fields. Two titles stacked at one employer keep the duties below with the first; a committee seat
    set under a post with its own years is a line of that post, the duties below stay the post's; tabs between
    a training and its school are a field's end; the degrees after the name and the subspecialty boards are
    read ("MD, MA, HMDC"; geriatric medicine, hospice and palliative medicine)."""
    path = tmp_path / "cv.txt"
    text = (
        "REBECCA L. THORNQUIST, MD, MA, HMDC\r\nr.t@example.com\r\n\r\nEXPERIENCE\r\n==========\r\n"
        "Marshfield Clinic Health System, Marshfield, WI\r\n"
        "Program Lead, HomeFirst Home-Based Primary Care\t\tJul 2021 – Present\r\n"
        "Geriatrician and Palliative Care Physician\t\t\tAug 2019 – Present\r\n"
        "·\tBuilt the HomeFirst house-calls program to a panel of 412 homebound pts\r\n\r\n"
        "Northern Lakes ACO\r\nPhysician Lead, Risk Adjustment & Quality (0.2 FTE)\tJan 2023 – Present\r\n"
        "Member, Quality & Care Management Committee\t\t2021 – Present\r\n"
        "·\tHCC recapture improved from 61% to 88% (2023 to 2025)\r\n\r\n"
        "EDUCATION\r\n=========\r\n"
        "Fellowship, Hospice and Palliative Medicine\tUniversity of Wisconsin–Madison\t2018 – 2019\r\n\r\n"
        "BOARD CERTIFICATION\r\n===================\r\n"
        "·\tABIM Internal Medicine, 2017\r\n·\tABIM Geriatric Medicine, 2018\r\n"
        "·\tHospice and Palliative Medicine (ABIM), 2019\r\n\r\n"
        "MEMBERSHIPS\r\n===========\r\n§\tAmerican Geriatrics Society\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    cv = read_cv(path)
    assert cv.profile.credentials == ["MD", "MA", "HMDC"]
    assert cv.profile.specialty == "palliative care"
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert [(e.title, e.dates, len(e.bullets)) for e in work] == [
        ("Program Lead, HomeFirst Home-Based Primary Care", "Jul 2021 – Present", 1),
        ("Geriatrician and Palliative Care Physician", "Aug 2019 – Present", 0),
        ("Physician Lead, Risk Adjustment & Quality (0.2 FTE)", "Jan 2023 – Present", 1),
    ]
    assert work[2].lines == ["Member, Quality & Care Management Committee (2021 – Present)"]
    (fellowship,) = [e for s in cv.sections if s.kind == "education" for e in s.entries]
    assert "\t" not in f"{fellowship.title} {fellowship.organization}"
    members = [b.text for s in cv.sections if s.kind == "memberships" for e in s.entries for b in e.bullets]
    members += [line for s in cv.sections if s.kind == "memberships" for e in s.entries for line in e.lines]
    assert members == ["American Geriatrics Society"]


def test_a_cv_pasted_into_a_reply_with_its_subject_line_a_titled_greeting_and_a_quoted_thread(tmp_path: Path) -> None:
    """unseen10's sleep physician pasted his CV into a reply: a subject line, "Hi Dr. Lee," (a title's full stop in
    the greeting), a note saying what he looks for, his CV hard-wrapped near 72 columns, his signature and the
    quoted message with another doctor's name and phone. The name is his, never the greeting's; the quoted lines
    set no wrap width, so the summary is one paragraph; a title with its employer and place on two lines is a
    position, not running text; the note's wish is the target the report states."""
    from translator.report import build_report

    path = tmp_path / "cv.txt"
    path.write_text(
        "Subject: Re: CV as promised :)\n\nHi Dr. Lee,\n\n"
        "As promised here's my CV, pasted below. Like I said, I'm mostly looking at health tech - remote\n"
        "monitoring / digital sleep - but honestly open to medtech medical affairs too.\n\nThanks again,\nSam\n\n"
        + "-"
        * 64
        + "\n\nSAMUEL O. ADEBAYO, MD, FCCP\nWinston-Salem, NC | 336-555-0147 | sam.adebayo@example.com\n\n"
        "SUMMARY\nPulm/sleep doc (8 yrs out of fellowship) who ended up running a 5-lab\n"
        "sleep network and a remote CPAP monitoring program, and found out I like\n"
        "the data/ops side as much as seeing patients.\n\nEXPERIENCE\n\n"
        "Medical Director, Piedmont Sleep Partners (5 AASM-accredited sleep labs +\n"
        "HST program), Winston-Salem / Greensboro / High Point, NC\n2020 - present\n"
        "* Built the remote PAP monitoring program: 3,200 pts enrolled, 90-day CMS\n"
        "  adherence 58% -> 81% (1,846/2,279 new starts in 2025)\n\n"
        + "-"
        * 64
        + "\n\nSamuel O. Adebayo, MD\nSent from my iPhone\n\n"
        "> On Mon, Nov 30, 2026 at 4:12 PM Jennifer Lee, MD <jlee@example.com> wrote:\n"
        "> Hi Sam - great meeting you at SLEEP. Send over your CV when you get a chance.\n> 415-555-0193\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Samuel O. Adebayo" and cv.profile.phone == "336-555-0147"
    (summary,) = [e.lines for s in cv.sections if s.kind == "summary" for e in s.entries]
    assert len(summary) == 1 and "running a 5-lab sleep network" in summary[0]
    (position,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert (position.title, position.dates) == ("Medical Director", "2020 - present")
    assert position.organization and position.organization.startswith("Piedmont Sleep Partners")
    report = build_report(cv)
    assert report.target == "health-tech" and "mostly looking at health tech" in report.target_reason


def test_hand_written_markdown_with_reference_links_a_comment_and_labelled_fields_in_its_head(tmp_path: Path) -> None:
    """unseen10's occupational physician, written by hand in a code editor: setext headings, reference-style links
    and their targets, an HTML comment left in, and labelled fields under the name with no blank line between them
    ("**Boards**: …" / "**Licence**: …"). His boards and licences are certification sections of their own (they
    vanished); each position line, its title, employer and years after dashes, is a position, not running text."""
    path = tmp_path / "cv.md"
    path.write_text(
        "Daniel P. Whitcomb, MD, MPH\n===========================\n\nTacoma, WA · [dan@example.com][email]\n\n"
        "<!-- TODO: shorten to 2 pages -->\n\n"
        "**Objective**: Associate Medical Director, workers' compensation utilization management.\n\n"
        "**Boards**: ABPM - Occupational Medicine (2018); ABPM - Public Health & General Preventive Medicine (2019)\n"
        "**Licence**: Washington (active), Oregon (active)\n**Languages**: English, conversational Spanish\n\n"
        "Experience\n==========\n\n"
        "**Medical Officer (0.5 FTE)** - [Tacoma-Pierce County Health Department][tpchd], Communicable Disease & "
        "Environmental Health - 2024-present\n\n"
        "* Medical lead, TB program: completion of therapy 84% → 95%.\n\n"
        "[email]: mailto:dan@example.com\n[tpchd]: https://example.com/tpchd\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    kinds = {s.heading: s.kind for s in cv.sections}
    assert kinds["Boards"] == kinds["Licence"] == "certification" and kinds["Languages"] == "skills"
    boards = [line for s in cv.sections if s.heading == "Boards" for e in s.entries for line in e.lines]
    assert boards == [
        "ABPM - Occupational Medicine (2018)",
        "ABPM - Public Health & General Preventive Medicine (2019)",
    ]
    (position,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert position.title == "Medical Officer (0.5 FTE)" and position.dates == "2024-present"
    assert (
        position.organization == "Tacoma-Pierce County Health Department, Communicable Disease & Environmental Health"
    )
    text = str(cv.model_dump())
    assert "tpchd" not in text and "TODO" not in text


def test_a_contact_columns_icon_beside_the_name_is_no_part_of_it() -> None:
    """A PDF whose contact column shares the name's line ("Elena V. Marchetti-Oyelaran ✉"): the icon goes."""
    from translator.parse.profile import name_of

    assert name_of("Elena V. Marchetti-Oyelaran ✉") == "Elena V. Marchetti-Oyelaran"
    assert name_of("☎ (585) 555-0162") is None


def test_a_cv_forwarded_in_a_mail_reads_through_its_quotes_tables_and_mangled_quotes(tmp_path: Path) -> None:
    """What a mail client does to a pasted CV: a part quoted with "> " reads as written (a line opening on a
    comparison, ">70% of time", is no quote); a spreadsheet's cells pasted as tab-separated text give an item a
    row, each figure with its column ("52% in 2019"); "â€™" (UTF-8 read as Windows-1252) is "’"; capitals wrapped
    under a bullet's words go on with it; and dates with an earlier post in brackets are the entry's dates, the
    earlier post said with its title."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Teresa M. Halvorsen, MD\nt@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Partner Physician, Front Range Endocrinology, Lakewood, CO\n"
        "2019 - present (Associate Physician 2016 - 2019)\n\n"
        "* Director, Diabetes Technology Clinic: ~1,900 patients on CGM across 3 APPs and 2\n  CDCES.\n"
        "  - T1D patients on CGM, n = 1,140:\nMetric\t2019\t2025\tConsensus target\nTIR 70-180 mg/dL\t52%\t68%\t>70%\n"
        "CGM wear >70% of time\t61%\t86%\t>70%\n"
        "* Responsible for the practice\u00e2\u20ac\u2122s quality reporting.\n\n"
        "CLINICAL RESEARCH\n\n> * Sub-investigator, ALPINE-W, phase 3 of orvaglutide vs\n>   placebo, 2022 - 2024.\n"
        "> * Sub-investigator, TRUEPATH, CGM accuracy study, 2020.\n> * Site lead for the AID outcomes registry.\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    job = cv.sections[0].entries[0]
    # the earlier post there goes with the title, as "Associate Professor … (Assistant Professor 2015–2021)" does:
    # the texts count her years there from 2016
    assert (job.title, job.dates) == ("Partner Physician (Associate Physician 2016 - 2019)", "2019 - present")
    duties = [b.text for b in job.bullets]
    assert duties == [
        "Director, Diabetes Technology Clinic: ~1,900 patients on CGM across 3 APPs and 2 CDCES.",
        # a line that ends with a colon over the table's rows set under it: one duty with them
        "T1D patients on CGM, n = 1,140: TIR 70-180 mg/dL — 52% in 2019, 68% in 2025, consensus target >70%; CGM wear"
        " >70% of time — 61% in 2019, 86% in 2025, consensus target >70%",
        "Responsible for the practice’s quality reporting.",
    ]
    trials = [b.text for s in cv.sections if s.kind == "research" for e in s.entries for b in e.bullets]
    assert trials[0] == "Sub-investigator, ALPINE-W, phase 3 of orvaglutide vs placebo, 2022 - 2024."
    assert len(trials) == 3 and not any(t.startswith(">") for t in trials)


def test_items_set_in_tab_fields_are_no_table(tmp_path: Path) -> None:
    """Trainings typed as fields between tabs ("Residency, Internal Medicine <tab> Medical College of Wisconsin
    <tab> 2014 – 2017"): its first line is an item with its years, no header of columns."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Maren Thornquist, MD\nm@example.com\n\nEDUCATION & TRAINING\n--------------------\n"
        "Fellowship, Geriatric Medicine\tUniversity of Wisconsin–Madison\t2017 – 2018\n"
        "Residency, Internal Medicine\tMedical College of Wisconsin, Milwaukee\t2014 – 2017\n"
        "MD\tUniversity of Minnesota Medical School\t2014\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    entries = [(e.title, e.dates) for s in cv.sections for e in s.entries]
    assert entries == [("Fellowship", "2017 – 2018"), ("Residency", "2014 – 2017"), ("MD", "2014")]


def test_notes_app_ticked_boxes_are_things_held_and_its_toggles_have_no_tags(tmp_path: Path) -> None:
    """A notes app's checklist: a ticked box that names a thing held ("- [x] ABIM Internal Medicine (2009)") is
    the CV's, a ticked or open task ("- [x] update licenses table", "- [ ] Renew ACLS") is set aside; a toggle's
    title is its words, without the HTML around them."""
    path = tmp_path / "cv.md"
    path.write_text(
        "# Lucinda R. Ambrose-Tillman, MD\nl@example.com\n\n## Experience\n\n"
        "### Hospice Medical Director — Piedmont Hearth Hospice\n\n- Medical lead for a hospice of 420 patients\n\n"
        "<details>\n<summary>Community palliative care program (2019 – present)</summary>\n\n"
        "- 0 → 640 patients/yr\n\n</details>\n\n## Licenses & Certifications\n\n"
        "- [x] ABIM Internal Medicine (2009), Geriatric Medicine (2010)\n"
        "- [x] update licenses table\n- [ ] Renew ACLS\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    held = [b.text for s in cv.sections if s.kind == "certification" for e in s.entries for b in e.bullets]
    assert held == ["ABIM Internal Medicine (2009), Geriatric Medicine (2010)"]
    assert {n.text for n in cv.not_used} >= {"update licenses table", "Renew ACLS"}
    titles = [e.title for s in cv.sections for e in s.entries]
    assert "Community palliative care program" in titles and not any("<" in (t or "") for t in titles)
    assert cv.profile.board_certified


def test_post_nominals_on_their_own_line_and_phones_as_other_countries_write_them(tmp_path: Path) -> None:
    """unseen15: an Australian radiologist's Markdown ('MBBS (Hons), FRANZCR, MHlthInf' / '+61 491 570 158'), a
    UK consultant's header ('MBChB (Hons) BSc (Hons) MRCP(UK) FRCPath DTM&H MD(Res)', 'Mobile 07700 900461') and a
    German electrophysiologist's ('MD (Dr. med.), FESC, FEHRA · Cardiologist', '+49 30 23125 417') lost every
    credential and phone; a Canadian family physician's CCFP was dropped from her name line."""
    cases = [
        ("# Sunniva Haldane\n\nMBBS (Hons), FRANZCR, MHlthInf\nFitzroy North VIC 3068, Australia\n"
         "+61 491 570 158 | s.haldane@example.org.au\n", ["MBBS", "FRANZCR", "MHlthInf"], "+61 491 570 158"),
        ("Dr Tobias Marsh\nMBChB (Hons) BSc (Hons) MRCP(UK) FRCPath DTM&H\n"
         "27 Ashcombe Terrace, Bristol · Mobile 07700 900461 · t.marsh@example.nhs.uk\n",
         ["MBChB", "BSc", "MRCP", "FRCPath", "DTM&H"], "07700 900461"),
        ("Jonas H. Wehrmann\nMD (Dr. med.), FESC, FEHRA · Cardiologist – Invasive Electrophysiology\n"
         "22459 Hamburg, Germany · +49 30 23125 417 · j.w@example.de\n", ["MD", "FESC", "FEHRA"], "+49 30 23125 417"),
        ("COLLEEN M. GRANT, MD, CCFP, FCFP\nHarlan Creek, Saskatchewan\nTel: 306-555-0187\n", ["MD", "CCFP", "FCFP"],
         "306-555-0187"),
        # the college's added competence in its brackets is part of the post-nominal, not a note on it
        ("Jean Tremblay, MD, CCFP(EM)\nMontréal, QC · 514-555-0142\n", ["MD", "CCFP(EM)"], "514-555-0142"),
    ]  # fmt: skip
    for i, (head, credentials, phone) in enumerate(cases):
        cv = tmp_path / f"cv{i}.md"
        cv.write_text(head + "\n## Experience\n\n### Consultant, Example Hospital (2015–)\n\n- Lead the unit\n")
        profile = read_cv(cv).profile
        assert (profile.credentials, profile.phone) == (credentials, phone)


def test_a_cv_in_an_email_with_a_forwarded_part_and_a_signature(tmp_path: Path) -> None:
    """unseen15's rural family physician pasted her CV into an e-mail (wrapped at 72 columns): a part forwarded
    with '>' marks brought its '-----Original Message-----' header (a post '-----Original Message----- — From:
    …' with the bullet 'Subject: CV for end-of-term file'); the signature after '-- ' landed in Skills; 'OTHER'
    was an award; the HTA certificate under 'ATLS (lapsed 2019)' was joined to it and set aside as lapsed; and
    her e-mail address, in the mail's From line only, was lost."""
    text = (
        "From: Colleen Grant <cgrant@harlancreek.example.ca>\nTo: Janet Oyelaran <janet@coach.example.ca>\n"
        "Subject: FW: CV - plain text version\n\nHi Janet,\n\nHere is my CV.\n\nColleen\n\n" + "=" * 70 + "\n\n"
        "COLLEEN M. GRANT, MD, CCFP\nFamily Physician - Harlan Creek, Saskatchewan, Canada\n\n"
        "CLINICAL EXPERIENCE\n\nFamily Physician, Harlan Creek Medical Clinic, SK -- Sept 1998 - present\n"
        "- Full-scope rural family medicine, panel of approx. 1,650 patients,\n"
        "  with emergency department coverage at Harlan Creek Union Hospital\n\n"
        "> -----Original Message-----\n> From: Colleen Grant\n> Sent: Monday, January 16, 2023 10:41 PM\n"
        "> To: DBRC Secretariat\n> Subject: CV for end-of-term file\n>\n> COMMITTEE WORK\n>\n"
        "> Member, Drug Benefit Review Committee (DBRC), Saskatchewan Ministry of\n> Health -- 2013-2022\n"
        "> - Reviewed approx. 30 drug submissions per year for listing on the\n>   provincial formulary\n\n"
        "CERTIFICATION / LICENCE\nCCFP, College of Family Physicians of Canada -- 1998\n"
        "ACLS (current); ALSO (instructor 2005-2012); ATLS (lapsed 2019)\n"
        "Certificate in Health Technology Assessment and Pharmacoeconomics\n(online, 12 weeks) -- 2022\n\n"
        "OTHER\nLanguages: English; French (conversational)\n\nColleen\n\n-- \n"
        "Dr. Colleen Grant, MD CCFP\nHarlan Creek Medical Clinic\nTel: 306-555-0187 | Fax: 306-555-0190\n"
    )
    cv_path = tmp_path / "cv.txt"
    cv_path.write_text(text, encoding="utf-8")
    cv = read_cv(cv_path)
    everything = [
        t for s in cv.sections for e in s.entries for t in [e.title or "", e.organization or "", *e.lines]
        + [b.text for b in e.bullets]
    ]  # fmt: skip
    assert not [t for t in everything if re.search(r"Original Message|Subject:|Sent:|Tel:|^Colleen$|^OTHER$", t)]
    reasons = {n.text: n.reason for n in cv.not_used}
    assert "header of a message forwarded" in reasons["-----Original Message-----"]
    assert "signature" in reasons["Tel: 306-555-0187 | Fax: 306-555-0190"]
    assert (cv.profile.email, cv.profile.phone) == ("cgrant@harlancreek.example.ca", "306-555-0187")
    certificate = "Certificate in Health Technology Assessment and Pharmacoeconomics (online, 12 weeks) -- 2022"
    assert certificate in everything
    assert reasons["ATLS (lapsed 2019)"].startswith("a credential that has lapsed")
    committee = next(e for s in cv.sections if s.kind == "committees" for e in s.entries)
    assert [b.text for b in committee.bullets] == [
        "Reviewed approx. 30 drug submissions per year for listing on the provincial formulary"
    ]


def test_markdown_posts_with_double_dashes_open_ranges_and_a_current_roles_heading(tmp_path: Path) -> None:
    """unseen15's Australian radiologist wrote her CV in Markdown: '## Current roles' was no experience section
    (her two current posts reached neither LinkedIn nor the summary, which named her registrar post), '--' stood
    for an en dash ('Clinical Lead, Radiology Informatics -- Yarra Bend Health, Melbourne (2020–)'), the open
    range '(2020–)' was no date, and emphasis wrapped over lines kept its asterisks."""
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Sunniva Haldane\n\ns.haldane@example.org.au\n\n## Current roles\n\n"
        "### Clinical Lead, Radiology Informatics -- Yarra Bend Health, Melbourne (2020–)\n\n"
        "- Led the clinical evaluation of 2 AI triage tools\n\n"
        "## Previous positions\n\n### Radiology Registrar -- Southbank Hospital, Melbourne (2010–2014)\n\n"
        "- Chief registrar 2014\n\n## Education\n\n"
        "- Master of Health Informatics, Kulin University (2019) -- thesis:\n"
        "  *Silent-mode deployment of an ICH detection algorithm in an emergency\n  department*\n",
        encoding="utf-8",
    )
    parsed = read_cv(cv)
    posts = [(e.title, e.organization, e.dates) for s in parsed.sections if s.kind == "experience" for e in s.entries]
    assert posts == [
        ("Clinical Lead, Radiology Informatics", "Yarra Bend Health, Melbourne", "2020 – present"),
        ("Radiology Registrar", "Southbank Hospital, Melbourne", "2010–2014"),
    ]
    assert (parsed.profile.position, parsed.profile.institution) == (
        "Clinical Lead, Radiology Informatics",
        "Yarra Bend Health",
    )
    (degree,) = [b.text for s in parsed.sections if s.kind == "education" for e in s.entries for b in e.bullets]
    assert degree.endswith(
        "(2019) – thesis: Silent-mode deployment of an ICH detection algorithm in an emergency department"
    )


def test_a_job_portals_fields_for_each_post(tmp_path: Path) -> None:
    """unseen16's Singapore oncologist exported his profile from a job portal: each post as fields ('Designation:',
    'Organisation:', 'Role:', 'Duration: Aug 2018 to Till Date', 'Responsibilities:' and its lines). Two duties were
    read of fourteen; 'Employment Details' was no heading; his location was his employer's line."""
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "RESUME - Dr. Karthik Raghavan\n\nName: Dr. Karthik Raghavan\nCurrent Location: Singapore\n"
        "Current Company: Lion City Cancer Centre, Singapore\nEmail: k.raghavan@example.com\n\n"
        "Key Skills: Medical Oncology, Clinical Trials\n\n" + "-" * 60 + "\nEmployment Details\n" + "-" * 60 + "\n\n"
        "Designation: Consultant, Medical Oncology\nOrganisation: Lion City Cancer Centre, Singapore\n"
        "Role: Consultant Medical Oncologist and Principal Investigator, Phase I-III Trials Unit\n"
        "Duration: Aug 2018 to Till Date\nResponsibilities:\n"
        "Manage outpatient and inpatient care for patients with lung and gastric cancers.\n"
        "Principal Investigator for 12 industry-sponsored trials and sub-investigator for 9 more.\n\n"
        "Designation: Associate Consultant, Medical Oncology\nOrganisation: Straits General Hospital, Singapore\n"
        "Duration: Jan 2016 to Jul 2018 (2 yrs 7 months)\nResponsibilities:\n"
        "Sub-investigator on 8 phase II/III trials in lung and gastric cancer.\n",
        encoding="utf-8",
    )
    parsed = read_cv(cv)
    posts = [
        (e.title, e.organization, e.dates, len(e.bullets))
        for s in parsed.sections
        if s.kind == "experience"
        for e in s.entries
    ]
    assert posts == [
        (
            "Consultant Medical Oncologist and Principal Investigator, Phase I-III Trials Unit",
            "Lion City Cancer Centre, Singapore",
            "Aug 2018 – present",
            2,
        ),
        ("Associate Consultant, Medical Oncology", "Straits General Hospital, Singapore", "Jan 2016 to Jul 2018", 1),
    ]
    assert parsed.profile.location == "Singapore"


def test_a_note_apps_callouts_a_name_titled_cv_and_a_span_with_an_arrow(tmp_path: Path) -> None:
    """unseen16's Québec emergency physician (Obsidian/Notion Markdown): '# Dr. Geneviève Tremblay-Okafor — CV'
    was set aside whole as the document's title (no name: the run stopped); her contact sat in a callout ('>
    [!note] Contact'); '**2016 → present**' under a post was a duty; and once the callout's 'Languages:' opened a
    section, '## 🩺 Clinical roles' opened none."""
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Dr. Geneviève Tremblay-Okafor — CV\n\n> [!note] Contact\n> 📍 Montréal, QC · 🇨🇦 Canadian citizen  \n"
        "> 📞 514-555-0176 · ✉️ g.t@example.ca  \n> Languages: English / Français\n\n---\n\n## 🩺 Clinical roles\n\n"
        "### Emergency Physician — Hôpital Sainte-Élisabeth-du-Fleuve, Montréal\n**2016 → present**\\\n"
        "full-time (~14 shifts/month)\n\n- Attending emergency physician in an academic ED with ~78,000 visits/yr.\n",
        encoding="utf-8",
    )
    parsed = read_cv(cv)
    assert (parsed.profile.name, parsed.profile.phone) == ("Geneviève Tremblay-Okafor", "514-555-0176")
    (post,) = [e for s in parsed.sections if s.kind == "experience" for e in s.entries]
    assert (post.title, post.dates) == ("Emergency Physician", "2016 → present")
    assert [b.text for b in post.bullets][-1].startswith("Attending emergency physician")


def test_a_called_name_in_brackets_and_a_hospital_under_the_name() -> None:
    """unseen19's 'Oluwaseun (Seun) A. Adeyemi-Hart, MD, MPH' was no name, so the hospital on the lines below it
    ('Prairie State Children's Hospital') became hers: on the resume, the LinkedIn file and the message's close."""
    from translator.parse.profile import name_of

    assert name_of("Oluwaseun (Seun) A. Adeyemi-Hart, MD, MPH") == "Oluwaseun A. Adeyemi-Hart"
    assert name_of("Prairie State Children's Hospital") is None
    assert name_of("Midlands University School of Medicine") is None
    assert name_of("Jordan Medina-Health") == "Jordan Medina-Health"  # a word of the list inside a name is a name's


def test_referees_are_theirs_and_listed_as_not_used(tmp_path: Path) -> None:
    """unseen19's family physician closed her e-mailed CV with 'REFEREES: Dr. Michael Okonkwo, Chief of Staff, …
    (807-555-0161) and Dr. Louise Tremblay-Kirk … (ltremblaykirk@example.org)', wrapped over three lines under
    LANGUAGES: her resume printed two other people's phone and e-mail under Skills."""
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Jane Roe, MD\njane@example.com\n\nEXPERIENCE\nHospitalist, Mercy Hospital, 2019–present\n- Led sepsis QI\n"
        "- Taught residents\n- Ran 12 audits\n\nLANGUAGES\nEnglish, Hindi\n\n"
        "REFEREES: Dr. Michael Okonkwo, Chief of Staff, Northwest Lakes District\n"
        "Hospital (807-555-0161) and Dr. Louise Tremblay-Kirk (lt@example.org).\n",
        encoding="utf-8",
    )
    parsed = read_cv(cv)
    kept = " ".join(
        t
        for s in parsed.sections
        if s.kind != "references"  # no output prints it
        for e in s.entries
        for t in (*e.lines, *(b.text for b in e.bullets))
    )
    assert "Okonkwo" not in kept and "807-555-0161" not in kept
    refused = [n.text for n in parsed.not_used if "referees" in n.reason]
    assert len(refused) == 2 and refused[0].startswith("Dr. Michael Okonkwo") and "lt@example.org" in refused[1]


def test_a_line_of_dates_alone_dates_the_title_under_it(tmp_path: Path) -> None:
    """unseen19's family physician (an e-mailed CV, hard-wrapped at 76 columns) set each post's dates on a line of
    their own above its title ('Jan 2019 – present', 'since 2021', '2015-18'): the dates became titles ('Jan 2019,
    present — Family Physician …'), and the locum post, its title wrapped over three lines, became a duty of the
    post above it."""
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Anjali Raghunathan, MBBS, CCFP\nanjali@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Jan 2019 – present\nFamily Physician, Northwestern Lakes Family Health Team, Kenora ON\n"
        "  - Full-scope rural family medicine: roster of ~1,450 pts\n  - Physician Lead, Virtual Care (2020-)\n\n"
        "since 2021\nMedical Lead (0.2 FTE), Central Referral & Triage Office\nNorthwest Regional Health Partnership\n"
        "  - Review ~60 specialist referrals/wk against regional appropriateness criteria\n\n"
        "2015-18\nLocum Family Physician - remote First Nations communities and rural\n"
        "hospitals, Northwestern Ontario (self-employed, via regional locum\nprogram)\n"
        "  - 2-week fly-in rotations to 4 remote First Nations communities\n",
        encoding="utf-8",
    )
    work = [
        (e.title, e.dates, len(e.bullets)) for s in read_cv(cv).sections if s.kind == "experience" for e in s.entries
    ]
    assert work == [
        ("Family Physician", "Jan 2019 – present", 2),
        ("Medical Lead (0.2 FTE), Central Referral & Triage Office", "since 2021", 1),
        ("Locum Family Physician", "2015-2018", 1),
    ]


def test_details_under_a_duty_that_go_on_from_it_stay_with_it(tmp_path: Path) -> None:
    """unseen19's dermatologist (hand-written Markdown): details nested under a duty, in lower case ('- Invited
    trainer for a device distributor: 6 workshops' / '  - built the workshop curriculum …'), were duties of their
    own, which the resume, ordering duties by strength, set apart from their parent; a nested item that is a duty
    of its own (a capital, a verb) stays one."""
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Mariana Albuquerque, MD\nm@example.com\n\n## Experience\n\n### Dermatologist — Clínica Vila Aurora\n"
        "*Mar 2022 – present*\n\n"
        "- Invited trainer for a device distributor: 6 hands-on workshops, ~90 physicians (2022–2023)\n"
        "  - built the workshop curriculum and post-course competency checklist\n"
        "  - collected structured user feedback used by the distributor in 2 product-training updates\n"
        "- Led the clinic's laser safety program\n"
        "  - Wrote 11 treatment protocols for lasers in skin of colour\n",
        encoding="utf-8",
    )
    duties = [b.text for s in read_cv(cv).sections if s.kind == "experience" for e in s.entries for b in e.bullets]
    assert duties[0] == (
        "Invited trainer for a device distributor: 6 hands-on workshops, ~90 physicians (2022–2023); built the "
        "workshop curriculum and post-course competency checklist; collected structured user feedback used by the "
        "distributor in 2 product-training updates"
    )
    assert duties[1:] == [
        "Led the clinic's laser safety program",
        "Wrote 11 treatment protocols for lasers in skin of colour",
    ]


def test_a_post_with_a_lead_role_taken_on_later_keeps_the_posts_start(tmp_path: Path) -> None:
    """unseen19's nephrologist: 'Consultant Nephrologist   Sep 2009 – Present' over 'Clinical Lead, Home Therapies
    (2014–present)': the two titles are one post, dated from the lead role's start, so her Summary said she had
    been a nephrologist there 'since 2014'."""
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Siobhan Keaveney, MD\ns@example.org\n\nEXPERIENCE\n\nConsultant Nephrologist\tSep 2009 – Present\n"
        "Clinical Lead, Home Therapies (2014–present)\n"
        "Calder & Aire University Hospitals NHS Foundation Trust · Leeds, UK\n"
        "- Lead a 5-consultant unit\n- Grew home dialysis from 9% to 23%\n- Ran the transplant clinic\n",
        encoding="utf-8",
    )
    (post,) = [e for s in read_cv(cv).sections if s.kind == "experience" for e in s.entries]
    assert post.dates == "Sep 2009 – Present"


def test_a_doctors_title_in_other_languages_is_no_part_of_the_name() -> None:
    """unseen21's Québec pathologist headed every text 'Dre Geneviève Côté-Desrosiers': the French feminine
    doctor's title, like 'Dr', is not her name; so are the Spanish, Portuguese, French and Italian ones."""
    from translator.parse.profile import name_of

    assert name_of("Dre Geneviève Côté-Desrosiers, MD, PhD, FRCPC") == "Geneviève Côté-Desrosiers"
    assert name_of("Dra. Ana Paula Souza") == "Ana Paula Souza"
    assert name_of("Dr(a). Beatriz Lima") == "Beatriz Lima"
    assert name_of("Pr Jean-Marc Dupont") == "Jean-Marc Dupont"
    assert name_of("Dott.ssa Giulia Rossi") == "Giulia Rossi"
    assert name_of("Prakash Rao") == "Prakash Rao"  # a name that opens with those letters keeps them
