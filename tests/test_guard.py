"""The one fact guard: a rewrite may change words, never what happened, how much, how often or who was involved.

Unit tables of our own lines; the guard table written from a brief by a helper (fixtures/guard/guard_dev.jsonl) is
a regression floor; the held-out table is measured by hand (bench/guard_table.py), never here.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from translator.guard import (
    Problem,
    check,
    numbers,
    reasons,
    review_addition,
    review_rewrite,
    review_text,
    spelled_out,
)
from translator.mapping.rewrite import apply_glossary


def rules_of(source: str, rewrite: str, **kw: str) -> set[str]:
    return {p.rule for p in check(source, rewrite, plain=apply_glossary(source, known=True), **kw)}


SOURCE = "Led sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 h to 2 h"


@pytest.mark.parametrize(
    ("rewrite", "rules"),
    [
        (
            "Led a sepsis bundle quality improvement project with nursing; door-to-antibiotic time fell from 4 to 2 h",
            set(),
        ),
        (
            "Led a sepsis bundle QI project with nursing at Pfizer; door-to-antibiotic time fell from 4 h to 2 h",
            {"new words"},
        ),
        (
            "Led a sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 h to 2 h in 300 patients",
            {"new number"},
        ),
        (
            "Led a sepsis bundle QI project with nursing and pharmacy; door-to-antibiotic time fell from 4 h to 2 h",
            {"new words"},
        ),
        (
            "Co-led a sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 h to 2 h",
            set(),
        ),  # a role may fall
        ("Led a sepsis bundle QI project with nursing; door-to-antibiotic time fell to 2 h", {"dropped number"}),
        ("Led a sepsis bundle QI project with nursing; time fell from 4 h to 2 h", {"dropped words"}),
        (
            "Led a sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 to 2 days",
            {"changed unit", "changed period"},
        ),
    ],
)
def test_what_a_rewrite_may_and_may_not_do(rewrite: str, rules: set[str]) -> None:
    assert rules_of(SOURCE, rewrite) == rules


@pytest.mark.parametrize(
    ("source", "rewrite", "rule"),
    [
        ("Member, Stroke Committee (2019–2022)", "Chair, Stroke Committee (2019–2022)", "role raised"),
        ("Co-chair, Sepsis Committee", "Chaired the Sepsis Committee", "role raised"),
        ("Sub-I on 2 phase III trials", "Principal investigator on 2 phase III trials", "role raised"),
        ("Participated in the opioid stewardship project", "Led the opioid stewardship project", "role raised"),
        ("Assoc PD, IM residency", "Program Director, internal medicine residency", "dropped scope"),
        ("Co-author, 'Sepsis in the ED', Ann Emerg Med 2021", "First-authored 'Sepsis in the ED', 2021", "role raised"),
        ("Saw 20 pts/day in clinic", "Saw 20 patients a week in clinic", "changed period"),
        ("Took call q3 weekends", "Took call every third night", "dropped period"),
        ("Cared for pediatric patients in the ED", "Cared for patients in the emergency department", "dropped scope"),
        ("Ran the Medicaid enrollment clinic", "Ran the enrollment clinic", "dropped scope"),
        ("Taught 2 interns and 1 resident", "Taught 3 interns and 1 resident", "new number"),
        ("Trained 12 nurses on the pump", "Trained 15 nurses on the pump", "new number"),
        # a shared or assisting part said as one's own
        ("Assisted in 45 TAVR cases as a fellow", "Performed 45 TAVR cases as a fellow", "role raised"),
        ("Co-founded a refugee health clinic", "Founded a refugee health clinic", "role raised"),
        (
            "Co-PI, county asthma home-visit study",
            "Principal investigator, county asthma home-visit study",
            "role raised",
        ),
        ("Placed 80 chest tubes as PGY-2", "Placed 80 chest tubes", "role raised"),
        # an outcome made of plain words
        ("Started a same-day echo slot", "Started a same-day echo slot, cutting time to diagnosis", "new words"),
        # the source's own words stay: a setting, a drug, a qualifier said plainly
        ("Occupational clinic at a glass factory; spirometry q6mo", "Ran spirometry every 6 months", "dropped words"),
        ("Lupus clinic; belimumab and anifrolumab infusions", "Lupus clinic; belimumab infusions", "dropped words"),
        ("Swing-bed rounds at a critical access hospital", "Rounds at a critical access hospital", "dropped words"),
        # a word the source only has inside a longer one is no word of its own ("screening" holds no "ning")
        ("Delirium screening rollout, 2020", "Rolled out delirium screening with nursing, 2020", "new words"),
        # shorthand said by part of what it stands for keeps what narrows it, and its other half
        ("RSV readmissions in ex-preemies", "Respiratory syncytial virus readmissions in infants", "dropped words"),
        ("Trained ~60 RNs/RTs a year", "Trained about 60 nurses a year", "dropped name"),
        # an estimate stays an estimate; a bound stays a bound; 'every third night' is a 3
        (
            "EMG/NCS ~25 studies/wk",
            "Perform 25 electromyography and nerve conduction studies a week",
            "dropped qualifier",
        ),
        ("Taught 60+ students", "Taught 60 students", "dropped qualifier"),
        ("IR call q5; TIPS", "Take interventional radiology call every third night, performing TIPS", "new number"),
        # a company's name shares no stem with the source ("neurostim" is no NeuroPace); a ranking is a claim
        (
            "Co-I, NIH-funded trial of responsive neurostim in peds",
            "Co-investigator on an NIH- and NeuroPace-funded trial of responsive neurostimulation in children",
            "new words",
        ),
        (
            "Site PI, REVIVE RCT; enrolled 38 pts",
            "Principal investigator, REVIVE trial; enrolled 38 patients",
            "dropped scope",
        ),
        (
            "Site PI, REVIVE RCT; enrolled 38 pts",
            "Site PI, REVIVE RCT; enrolled 38 patients, the most of any site",
            "new ranking",
        ),
        (
            "Physician lead, stroke center recert 2023",
            "Led the stroke center recertification in 2023, with no findings",
            "new words",
        ),
        # a count said in another unit, or of another thing
        ("POCUS curriculum for PGY-1s; 10 sessions", "A 10-week POCUS curriculum for PGY-1s", "changed unit"),
        (
            "Transplant nephrology: f/u ~45 new kidney tx recipients/yr",
            "Follow about 45 kidney transplant recipients a year",
            "dropped scope",
        ),
    ],
)
def test_roles_periods_scope_and_counts(source: str, rewrite: str, rule: str) -> None:
    assert rule in rules_of(source, rewrite)


@pytest.mark.parametrize(
    ("source", "rewrite"),
    [
        # shorthand spelled out by the glossary or word by word, short forms written out, a year written short
        (
            "Sub-I, phase III SGLT2i trial in HFpEF, Mercy Heart Inst.; enrolled 14 pts",
            "Sub-investigator, phase III trial of an SGLT2 inhibitor in heart failure with preserved ejection fraction,"
            " Mercy Heart Institute; enrolled 14 patients",
        ),
        ("Co-chair, Neonatal Safety Cmte, 2018–21", "Co-chair, Neonatal Safety Committee (2018–2021)"),
        (
            "Poster at ACC 2019 on door-to-balloon time",
            "Presented a poster at the American College of Cardiology 2019 meeting on door-to-balloon time",
        ),
        ("Trimmed DKA order panels from 8 to 3", "Trimmed diabetic ketoacidosis order panels from eight to three"),
        (
            "Supervised PGY-3s on night float, 4 nights/mo",
            "Supervised third-year residents on night float four nights a month",
        ),
        (
            "Sepsis taskforce; ICU transfers 14%→9%",
            "Served on the sepsis task force; ICU transfers fell from 14% to 9%",
        ),
        # an acronym spelled out across a hyphenated word, or from inside a long one
        ("Clinic for nAMD injections", "Clinic for neovascular age-related macular degeneration injections"),
        ("Read 30 TEEs a week", "Interpreted 30 transesophageal echocardiograms a week"),
        ("CBT-I group for veterans", "Cognitive behavioral therapy for insomnia group for veterans"),
        # shorthand with several readings, a noun of action said as its verb, a role said as its act
        ("ECT 12 tx/wk", "Provided 12 electroconvulsive therapy treatments a week"),
        ("Vaccine clinic rollout, 2021", "Rolled out a vaccine clinic in 2021"),
        ("Grand rounds speaker: 3 talks on gout", "Presented at grand rounds, 3 talks on gout"),
        # a sign said in words; a dash between a year and a count is no range
        ("Potassium (>6) alerts reviewed weekly", "Reviewed alerts for potassium above 6 weekly"),
        ("Opened a ketamine clinic 2021 — 40 patients", "Opened a ketamine clinic in 2021 and treated 40 patients"),
        # a shared part kept, in other words; an opening the rules upgrade
        ("Co-founded a refugee health clinic", "Co-founded a clinic for refugee health"),
        ("Moonlit as a nocturnist on weekends", "Provided additional coverage as a nocturnist on weekends"),
        # the act a line names, in its verb
        ("Weekly tumor board", "Attend the weekly tumor board"),
        # shorthand said by most of what it stands for ("registered nurses", "randomized controlled trial")
        ("Trained ~60 RNs/yr", "Trained about 60 nurses a year"),
        ("Co-I, NICHD-funded RCT of aspirin", "Co-investigator on an NICHD-funded randomized trial of aspirin"),
        ("Surg path sign-out ~1,500 cases/yr", "Sign out about 1,500 surgical pathology cases a year"),
        # a two-letter acronym inside one compound word; a shorthand's other reading; a bound said in words
        ("Embolized 12 GI bleeds", "Embolized 12 gastrointestinal bleeds"),
        ("FQ use fell 22%", "Fluoroquinolone use fell 22%"),
        ("IV-to-PO switch protocol", "Intravenous-to-oral switch protocol"),
        ("Hypoglycemia (<70) rate reviewed monthly", "Reviewed the rate of hypoglycemia below 70 monthly"),
        (
            "ADR 38% over 1,100 screening colonoscopies",
            "Adenoma detection rate of 38% across 1,100 screening colonoscopies",
        ),
        # a call ratio said in words; a bound said as one; a result the source gives as a figure
        (
            "STEMI call 1:5; median D2B 61 min",
            "Took STEMI call on a 1-in-5 schedule; median door-to-balloon time 61 min",
        ),
        ("Extubation <6 h in 74% of pts", "Extubation within six hours in 74% of patients"),
        ("Benchmark ≥25%", "Benchmark: 25% or higher"),
        ("Screening rate 92% in ED triage", "Reached a 92% screening rate in emergency department triage"),
        # a director oversees; "guideline-directed" directs nothing; the Joint Commission is TJC
        (
            "Med director, Eastgate clinic; 4 clinicians",
            "Medical director of the Eastgate clinic, overseeing four clinicians",
        ),
        (
            "HF clinic; GDMT titration ~40 pts/mo",
            "Titrate guideline-directed medical therapy in the heart failure clinic for about 40 patients a month",
        ),
        (
            "Physician lead, TJC stroke recert 2023",
            "Physician lead for The Joint Commission stroke recertification, 2023",
        ),
        ("Gen peds clinic ~25 pts/half-day", "See about 25 patients per half-day in the general pediatrics clinic"),
        # a procedure implies its surgery; work with others named is collaboration; a census kept as a census
        ("Mohs ~8 cases/d, 3 d/wk", "Perform Mohs surgery, about eight cases a day, three days a week"),
        ("Worked w/ pharmacy on deprescribing", "Collaborated with pharmacy on deprescribing"),
        ("Eating disorder unit, census 6–10", "Eating disorder unit with a census of six to ten patients"),
        # names of isotopes, syndromes and procedures industry reads as written, spelled out (glossary, keep)
        (
            "Y-90 radioembolization ~5/mo (HCC, mCRC)",
            "Perform about five yttrium-90 radioembolizations a month for hepatocellular carcinoma and metastatic "
            "colorectal cancer",
        ),
    ],
)
def test_faithful_rewordings_pass(source: str, rewrite: str) -> None:
    assert rules_of(source, rewrite) == set(), reasons(check(source, rewrite, plain=apply_glossary(source, known=True)))


def test_the_users_own_words_are_theirs() -> None:
    added = "cut readmissions from 18% to 14% with a new huddle"
    assert rules_of("Rounded on 18 patients", f"Cared for 18 patients; {added}", exempt=added) == set()


def test_problems_read_as_rule_and_words() -> None:
    problems = [Problem("new words", ("nursing", "pharmacy")), Problem("role raised", ("chair",))]
    assert reasons(problems) == "new words: nursing, pharmacy; role raised: chair"


@given(n=st.integers(min_value=0, max_value=10_000), m=st.integers(min_value=13, max_value=10_000))
def test_a_number_the_source_lacks_is_always_rejected(n: int, m: int) -> None:
    source = f"Reviewed {n} charts for the stroke registry"
    extra = m if m != n else m + 1
    reason = review_rewrite(source, f"Reviewed {n} charts for the stroke registry across {extra} hospitals")
    assert reason is not None and str(extra) in reason and "new number" in reason


def test_model_rewrites_have_limits_of_their_own() -> None:
    assert review_rewrite(SOURCE, "") == "empty rewrite"
    assert review_rewrite(SOURCE, SOURCE + " [NAME-1]") == "keeps a redaction placeholder"
    assert review_rewrite(SOURCE, "Led " + "a very " * 30 + "sepsis bundle QI project") == "too long (65 words)"


@pytest.mark.parametrize(
    ("addition", "ok"),
    [("working with other departments", True), ("reaching 500 patients", False), ("saving 20%", False), ("", False)],
)
def test_review_addition(addition: str, ok: bool) -> None:
    assert review_addition(addition, "Led a sepsis project") is ok


def test_profile_texts_may_not_borrow_a_number_or_name_a_field_the_cv_lacks() -> None:
    cv = "Hospitalist; cared for 15-18 patients a day on the medicine service; led sepsis projects"
    assert review_text(cv, "Hospitalist who cared for 15-18 patients a day", 220) is None
    assert review_text(cv, "Hospitalist with 15 years of experience", 220) == "new count: 15 years"
    assert (
        review_text(cv, "Hospitalist moving into oncology medical affairs", 220)
        == "new words: oncology, affairs; new field: oncology"
    )
    assert review_text(cv, "x" * 221, 220) == "longer than 220 characters"


def test_acronyms_are_spelled_by_initials_with_every_way_of_sharing_the_letters_tried() -> None:
    assert "new words" in rules_of("AAN quality measures", "American Heart Association quality measures")
    assert spelled_out("SIRS", "systemic inflammatory response syndrome alerts") == [
        "systemic",
        "inflammatory",
        "response",
        "syndrome",
    ]


def test_word_numbers_and_short_forms_are_numbers() -> None:
    assert numbers("two papers, 1.2M dollars, second-year residents, FY22, 2020–23") >= {"2", "1200000", "2022", "2023"}


# ---------------------------------------------------------------------------------------------------------------
# the guard table written from a brief (a regression floor; its figures are in the closing note)
# ---------------------------------------------------------------------------------------------------------------


def _table(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (FIXTURES / "guard" / name).read_text(encoding="utf-8").splitlines()]


ROWS = _table("guard_dev.jsonl")
SECOND = _table("guard_dev2.jsonl")  # 42 specialties, written by a helper after the first round of tuning
THIRD = _table("guard_dev3.jsonl")  # 49 specialties, written by a helper in the eighth stop, measured before tuning


def _rejected(source: str, text: str) -> bool:
    return bool(check(source, text, plain=apply_glossary(source, known=True)))


@pytest.mark.parametrize(
    ("rows", "faithful_floor", "caught_floor", "exact"),
    [
        (ROWS, 0.94, 0.99, ("number", "organisation", "role", "collaborator", "outcome", "unit")),
        # liberal paraphrases that spell out what no letter of the source gives ("RALP" → "radical
        # prostatectomies"): a floor, not an aim
        (SECOND, 0.85, 0.99, ("number", "organisation", "role", "collaborator", "outcome", "unit")),
        (THIRD, 0.87, 0.98, ("number", "organisation", "outcome")),
    ],
    ids=["guard_dev", "guard_dev2", "guard_dev3"],
)
def test_the_guard_tables_faithful_pass_and_unfaithful_fail(
    rows: list[dict[str, Any]], faithful_floor: float, caught_floor: float, exact: tuple[str, ...]
) -> None:
    faithful = sum(not _rejected(r["source"], r["faithful"]) for r in rows) / len(rows)
    unfaithful = [(u["kind"], _rejected(r["source"], u["text"])) for r in rows for u in r["unfaithful"]]
    caught = sum(ok for _, ok in unfaithful) / len(unfaithful)
    assert faithful >= faithful_floor, f"faithful accepted {faithful:.1%}"
    assert caught >= caught_floor, f"unfaithful rejected {caught:.1%}"
    for kind in exact:
        missed = [ok for k, ok in unfaithful if k == kind and not ok]
        assert not missed, f"{len(missed)} {kind} rewrites accepted"


def test_a_name_industry_reads_as_written_may_be_kept_or_spelled_out() -> None:
    """'CRS/ICANS' in a CAR-T program: a careful model spells them out or keeps them; neither is new content."""
    from translator.guard import review_rewrite

    source = "CAR-T program: CRS/ICANS mgmt, 2020–"
    assert review_rewrite(source, "Manage CRS and ICANS in the CAR-T program since 2020") is None
    spelled = "Managed cytokine release syndrome and neurotoxicity (CRS/ICANS) in the CAR-T program since 2020"
    assert review_rewrite(source, spelled) is None
    assert review_rewrite(source, "Managed sepsis in the CAR-T program since 2020") is not None


def test_a_co_role_still_rises_when_said_alone_but_not_where_the_source_spells_anothers_out() -> None:
    from translator import guard

    assert guard.check("Co-founded the heart failure clinic", "Founded the heart failure clinic")
    source = "Co-investigator on a screening study (PI: Dr. N)"
    plain = "Co-investigator on a screening study (principal investigator: Dr. N)"
    assert not guard.check(source, plain, plain=plain)
    assert guard.check(source, "Principal investigator on a screening study (PI: Dr. N)", plain=plain)


def test_a_field_the_lines_own_words_imply_may_be_named_a_collaborator_still_may_not() -> None:
    """guard.toml's fields: 'NICU attending' → 'attending neonatologist', 'Resident lead, Eyesi cataract sim
    curriculum' → '… cataract surgery simulation curriculum' (lines of our own); a collaborator the line names no
    cue of is still new; and a call every fifth week is no call every fifth night."""
    from translator import guard

    assert not guard.check("NICU attending, 52-bed Level IV", "Attending neonatologist in a 52-bed Level IV NICU")
    assert not guard.check(
        "Eyesi cataract sim curriculum for residents", "Eyesi cataract surgery sim curriculum for residents"
    )
    assert guard.check("Weekly tumor board for lung cases", "Weekly tumor board for lung cases with radiation oncology")
    assert guard.check(
        "Backup tox attending; call every fifth week", "Backup toxicology attending; call every fifth night"
    )


def test_an_implied_field_named_as_a_partner_is_still_a_new_collaborator() -> None:
    from translator import guard

    source = "Weekly tumor board for lung SBRT cases"
    assert not guard.check(source, "Weekly oncology tumor board for lung SBRT cases")
    assert guard.check(source, "Weekly tumor board for lung SBRT cases, together with oncology")
