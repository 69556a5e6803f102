"""The specialty comes from the most specific evidence: the current title, then a subspecialty board,
then a fellowship, then the broad board, then residency."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.parse import read_cv

HEAD = "Lena Park, MD\nlena.park@example.com\n\n"
IM_RESIDENCY = "TRAINING\n\nResidency, Internal Medicine, City Hospital    2015 – 2018\n\n"
RHEUM_FELLOWSHIP = "Fellowship, Rheumatology, City Hospital    2018 – 2020\n\n"
IM_BOARD = "BOARD CERTIFICATION\n\n- American Board of Internal Medicine, Internal Medicine, 2018\n"
RHEUM_BOARD = "- American Board of Internal Medicine, Rheumatology, 2020\n"


def _experience(title: str) -> str:
    return f"EXPERIENCE\n\n{title}, Valley Clinic, Fresno, CA    2020 – Present\n- See 20 patients a day\n\n"


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        # residency alone
        (HEAD + _experience("Staff Physician") + IM_RESIDENCY, "internal medicine"),
        # a fellowship over the residency before it
        (HEAD + _experience("Staff Physician") + IM_RESIDENCY + RHEUM_FELLOWSHIP, "rheumatology"),
        # a fellowship over the broad board
        (HEAD + _experience("Staff Physician") + IM_RESIDENCY + RHEUM_FELLOWSHIP + IM_BOARD, "rheumatology"),
        # a subspecialty board over its parent board, listed after it
        (HEAD + _experience("Staff Physician") + IM_RESIDENCY + IM_BOARD + RHEUM_BOARD, "rheumatology"),
        # the ABPN names two specialties; the one certified is in brackets
        (
            HEAD + _experience("Staff Physician") + "BOARD CERTIFICATION\n\n"
            "- American Board of Psychiatry and Neurology (Neurology), 2019\n",
            "neurology",
        ),
        # the title over both
        (HEAD + _experience("Staff Rheumatologist") + IM_RESIDENCY + IM_BOARD, "rheumatology"),
        (HEAD + _experience("Attending Cardiologist") + IM_RESIDENCY + IM_BOARD, "cardiology"),
        # a clinical job title that is no specialty leaves the board to decide
        (HEAD + _experience("Hospitalist") + IM_RESIDENCY + IM_BOARD, "internal medicine"),
        # a board's initials, the general specialty then the subspecialty on one line, set with an en dash
        (
            HEAD + _experience("Associate Chief Quality Officer") + "CERTIFICATIONS\n\n"
            "ABOG: Obstetrics & Gynecology (2014); Maternal–Fetal Medicine (2017). CPHQ (2022).\n",
            "maternal-fetal medicine",
        ),
        # the specialty in a title's program gives way to the subspecialty the board names
        (
            HEAD + _experience("Director, Fetal Cardiology Program") + "CERTIFICATIONS\n\n"
            "American Board of Pediatrics: General Pediatrics (2013); Pediatric Cardiology (2017)\n",
            "pediatric cardiology",
        ),
        # a subspecialty of a subspecialty: transplant hepatology over gastroenterology
        (
            HEAD + _experience("Associate Professor of Medicine") + "BOARD CERTIFICATION\n\n"
            "- American Board of Internal Medicine, Gastroenterology, 2016\n"
            "- American Board of Internal Medicine, Transplant Hepatology, 2017\n",
            "transplant hepatology",
        ),
        # a broad specialty in the title says less than the subspecialty board
        (
            HEAD + _experience("Assistant Professor of Pediatrics") + "BOARD CERTIFICATION\n\n"
            "- American Board of Pediatrics, General Pediatrics 2016\n"
            "- American Board of Pediatrics, Pediatric Hematology-Oncology 2020\n",
            "pediatric hematology-oncology",
        ),
        # boards listed on one line, each with its year: the one the CV is about (a hospice director's), not the
        # first or only the latest; the parent board says least
        (
            HEAD + _experience("Hospice Medical Director") + "- Led hospice eligibility review\n"
            "- Palliative care consults for hospice patients\n\nBOARD CERTIFICATION\n\n"
            "- ABIM Internal Medicine (2009), Geriatric Medicine (2010), Hospice & Palliative Medicine (2011)\n",
            "palliative care",
        ),
        (
            HEAD + _experience("Associate Medical Director") + "- Occupational medicine case review for employers\n"
            "- Return-to-work decisions in occupational injuries\n\nBOARD CERTIFICATION\n\n"
            "- ABPM - Occupational Medicine (2018); ABPM - Public Health & General Preventive Medicine (2019)\n",
            "occupational medicine",
        ),
        # anesthesiology's pain board: an interventional pain physician (unseen12)
        (
            HEAD + _experience("Partner Physician") + "- Built the neuromodulation program\n\nBOARDS\n\n"
            "ABA Anesthesiology 2017\nABA Pain Medicine 2018\n",
            "pain medicine",
        ),
        # two boards people name as one specialty (unseen12's lymphoma physician was "a medical oncologist"), unless
        # the CV is about a third board held beside them
        (
            HEAD + _experience("Associate Professor of Medicine") + "- Lymphoma clinic, 2 days a week\n\n"
            "BOARDS\n\nABIM, Hematology (2018); ABIM, Medical Oncology (2018); Internal Medicine (2015)\n",
            "hematology/oncology",
        ),
        (
            HEAD + _experience("Director, Sleep Center") + "- Read 900 sleep studies a year\n- Sleep apnea clinic\n\n"
            "BOARDS\n\nABIM Pulmonary Disease (2012), Critical Care Medicine (2013), Sleep Medicine (2014)\n",
            "sleep medicine",
        ),
        # the physician's own word for themselves under the name, a subspecialty of the board's (unseen13: "a
        # board-certified ophthalmologist" for "Vitreoretinal surgeon · Milwaukee, WI")
        (
            "Anirudh Venkat, MBBS\n**Vitreoretinal surgeon** · Milwaukee, WI · anirudh@example.com\n\n"
            + _experience("Retina Specialist")
            + "BOARDS\n\nAmerican Board of Ophthalmology, certified 2020\n",
            "vitreoretinal surgery",
        ),
        (
            "Lena Park, MD\nInformatics enthusiast · Dermatologist in training of data\nlena@example.com\n\n"
            + _experience("Staff Physician")
            + "BOARDS\n\nAmerican Board of Internal Medicine, Rheumatology, 2020\n",
            "rheumatology",
        ),
    ],
    ids=[
        "residency",
        "fellowship-over-residency",
        "fellowship-over-broad-board",
        "subspecialty-board-over-parent",
        "abpn-neurology",
        "title-rheumatologist",
        "title-cardiologist",
        "hospitalist-title-is-no-specialty",
        "board-initials-subspecialty-after-general",
        "program-in-title-gives-way-to-board",
        "transplant-hepatology-board",
        "subspecialty-board-over-broad-title",
        "boards-on-one-line-the-one-practised",
        "two-subspecialties-the-one-practised",
        "pain-board",
        "joint-boards-hem-onc",
        "joint-boards-beside-the-one-practised",
        "the-subspecialty-the-tagline-names",
        "a-tagline-of-another-area-is-no-specialty",
    ],
)
def test_most_specific_evidence_wins(tmp_path: Path, text: str, specialty: str) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    assert read_cv(path).profile.specialty == specialty


def test_the_reader_reads_the_specialty_list_as_data_not_from_the_rules() -> None:
    """parse/ reads data/specialties.toml; it never imports the rules (translator.mapping)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from translator.parse import read_cv_bytes\n"
        "cv = read_cv_bytes(b'Lena Park, MD\\n\\nEXPERIENCE\\n\\nStaff Rheumatologist, Valley Clinic  2020 - Present\\n"
        "- See 20 patients a day\\n', 'cv.txt')\n"
        "print(cv.profile.specialty, sorted(m for m in sys.modules if m.startswith('translator.mapping')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split(" ", 1) == ["rheumatology", "[]\n"], result.stdout + result.stderr


@pytest.mark.parametrize(
    ("organization", "employer"),
    [
        ("Partner, Bluegrass Retina Consultants, Riverbend, KY", "Bluegrass Retina Consultants"),
        (
            "Transplant Hepatology, Volunteer State University Medical Center, Cedar Junction, TN",
            "Volunteer State University Medical Center",
        ),
        ("Cardiology, Penn Medicine, Philadelphia, PA", "Penn Medicine"),
        ("Internal Medicine, Kaiser Permanente, Oakland, CA", "Kaiser Permanente"),
        ("Medical Director, Lakeside Hospital", "Lakeside Hospital"),
        (
            "Division of Cardiology, Northfield University School of Medicine, Chicago, IL",
            "Northfield University School of Medicine",
        ),
        ("Google", "Google"),
        # hospitals as Europe names them, after the department (unseen19's Austrian intensivist)
        (
            "Department of Anaesthesiology, Perioperative Medicine and General Intensive Care, Landesklinikum "
            "Salzach, Salzburg, Austria",
            "Landesklinikum Salzach",
        ),
        ("Afdeling Gynaecologie, Eemland Ziekenhuis, Amersfoort", "Eemland Ziekenhuis"),
        # a name set in capitals reads in prose as a name (unseen19: "an internist at RIVERBEND HEALTH SYSTEM")
        ("RIVERBEND HEALTH SYSTEM, Columbus, OH", "Riverbend Health System"),
        ("UNIVERSITY OF IOWA HOSPITALS AND CLINICS", "University of Iowa Hospitals and Clinics"),
        ("NHS LOTHIAN", "NHS Lothian"),
        ("ST. MARY'S HOSPITAL, Boston, MA", "St. Mary's Hospital"),
    ],
)
def test_the_employer_is_the_organization_not_a_title_or_field_before_it(organization: str, employer: str) -> None:
    from translator.parse.profile import employer as employer_of

    assert employer_of(organization) == employer


def test_a_specialty_written_with_an_ampersand_and_a_colleagues_field_named_once(tmp_path) -> None:
    """ "American Board of Physical Medicine & Rehabilitation" is physical medicine and rehabilitation, and a
    physiatrist whose CV names neurosurgery once as a colleague ("paddle leads w/ neurosurgery") is no
    neurosurgeon: a summary had called him "Board-certified neurosurgeon"."""
    from translator.parse import read_cv

    path = tmp_path / "cv.txt"
    path.write_text(
        "Greg Roe, DO\nroe@example.com\n\nSUMMARY\nPhysiatrist in practice 17 years.\n\n"
        "EXPERIENCE\n\nPartner, Front Range Spine, Denver, CO\t2011 – present\n"
        "- SCS (percutaneous, paddle w/ neurosurgery), DRG, PNS\n\n"
        "CERTIFICATION\n- American Board of Physical Medicine & Rehabilitation, 2010\n",
        encoding="utf-8",
    )
    assert read_cv(path).profile.specialty == "physical medicine and rehabilitation"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- American Board of Physical Medicine & Rehabilitation, 2010\n", "")
    )
    assert read_cv(path).profile.specialty == "physical medicine and rehabilitation"  # by the people's word


def test_a_directors_title_keeps_what_is_directed() -> None:
    """unseen13: 'Director, Structural Heart Program — WellSpan York Hospital, York, PA' read as 'Director' at
    'Structural Heart Program — …', and the texts said 'Director at WellSpan York Hospital'."""
    from translator.parse.structure import _split_title

    assert _split_title("Director, Structural Heart Program — WellSpan York Hospital, York, PA") == (
        "Director, Structural Heart Program",
        "WellSpan York Hospital, York, PA",
    )
    assert _split_title("Director — Structural Heart Program — WellSpan York Hospital") == (
        "Director, Structural Heart Program",
        "WellSpan York Hospital",
    )
