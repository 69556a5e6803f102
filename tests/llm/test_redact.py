"""Personal details are replaced before anything is sent, and put back in what comes back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.llm.redact import Redactor
from translator.models import Profile


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Contact me at jane.doe@mercy.org for the slides", "jane.doe@mercy.org"),
        ("Pager (555) 123-4567 for consults", "(555) 123-4567"),
        ("Call +1 555.123.4567 after 5 pm", "555.123.4567"),
        ("NPI 1234567890, DEA AB1234567", "1234567890"),
        ("NPI 1234567890, DEA AB1234567", "AB1234567"),
        ("Medical license #MD-123456 (Ohio)", "MD-123456"),
        ("Reviewed the case of MRN 00451234 at M&M", "00451234"),
        ("Patient DOB 04/12/1961 presented with sepsis", "04/12/1961"),
        ("Lives at 1200 Oak Street, Springfield", "1200 Oak Street"),
        ("Dr. Doe led the sepsis huddle", "Doe"),
        ("Jane Q. Doe, MD — Curriculum Vitae", "Jane Q. Doe"),
        ("SSN 123-45-6789 on file", "123-45-6789"),
        # a case told with its patient
        ("Presented the case of a 34-year-old woman at M&M", "34-year-old"),
        ("Saw 67 yo M with DKA", "67 yo"),
        ("Admitted 03/14/2025 with sepsis", "03/14/2025"),
        ("Reviewed the death on March 3, 2024 at M&M", "March 3, 2024"),
        ("Rapid response to room 412 overnight", "room 412"),
        ("Discussed patient J.K. at tumor board", "J.K."),
        ("Signed out accession #S24-1187 after frozen section", "S24-1187"),
        ("Profile: linkedin.com/in/jane-doe-md", "jane-doe-md"),
    ],
)
def test_personal_details_are_redacted_and_restored(text: str, secret: str) -> None:
    redactor = Redactor.for_profile(Profile(name="Jane Q. Doe, MD"))
    sent = redactor.redact(text)
    assert secret not in sent
    assert re.search(r"\[[A-Z]+-\d\]", sent)
    assert redactor.restore(sent) == text


@pytest.mark.parametrize(
    "text",
    [
        "Cared for 16-18 hospitalized patients a day on a 4-week rotation",
        "Led the 2021 sepsis bundle rollout across 3 ICUs (HbA1c < 7% in 62% of patients)",
        "Presented at ACC 2019 in New Orleans",
        "Supervised 4 residents and 2 students on 12-hour shifts",
        # populations and units are no patient
        "Cared for children aged 0–18 years on a 24-bed unit",
        "Chief resident, 2017–2018; started 06/2019",
    ],
)
def test_clinical_numbers_and_terms_are_left_alone(text: str) -> None:
    assert Redactor.for_profile(Profile(name="Jane Doe")).redact(text) == text


@given(
    user=st.from_regex(r"[a-z]{2,10}(\.[a-z]{2,8})?", fullmatch=True),
    domain=st.from_regex(r"[a-z]{2,10}\.(org|com|edu)", fullmatch=True),
    before=st.text(alphabet=st.characters(codec="ascii", categories=["L", "Zs"]), max_size=40),
)
def test_no_email_address_survives(user: str, domain: str, before: str) -> None:
    redactor = Redactor()
    sent = redactor.redact(f"{before} {user}@{domain} ok")
    assert "@" not in sent
    assert redactor.restore(sent) == f"{before} {user}@{domain} ok"


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("Admitted 03/14/2025 with sepsis", ["a date"]),
        ("Reviewed the death on March 3, 2024 at M&M", ["a date"]),
        ("Saw 67 yo M with DKA on 03/14/2025", ["an age", "a date"]),
        # unseen15's UK infectious-diseases CV: the physician's own milestones are no patient's date
        ("Dual accreditation in Infectious Diseases and Medical Microbiology; CCT 14/08/2021", []),
        ("GMC full registration 01/08/2012", []),
    ],
)
def test_a_date_is_a_patients_detail_only_where_the_line_tells_a_case(text: str, details: list[str]) -> None:
    from translator.identifiers import patient_details

    assert patient_details(text) == details
    assert "[DATE-1]" in Redactor().redact(text)  # a model is never sent a full date either way
