"""The facts a CV shows and the targets they make a case for: kinds, figures, ranks and fits, on lines of our own."""

from __future__ import annotations

import pytest

from translator.mapping import facts
from translator.mapping.facts import Fact, figures, find_facts, kinds_of
from translator.mapping.roles import MINIMUM, fit_targets, role_profiles, target_reason
from translator.models import Entry, KeptItem, ParsedCV, Section


@pytest.mark.parametrize(
    ("line", "shows", "not_shows"),
    [
        ("Sub-I on 2 phase II asthma trials; enrolled 14 patients", {"trial", "study"}, {"talks"}),
        ("Site PI, investigator-initiated study of early mobility", {"trial", "study"}, set()),
        ("Reviewer, NIH study sections, 2019–2023", set(), {"study"}),  # a review panel, not a study
        ("Started a heart failure clinic that now sees 40 patients a week", {"built"}, set()),
        ("Run the memory clinic I founded with two neuropsychologists", {"built"}, set()),
        ("Readmissions fell from 21% to 14% after the new discharge huddle", {"result", "quality"}, set()),
        ("Gave 12 talks to primary care physicians in 2 states on lipid therapy", {"talks", "peer_education"}, set()),
        ("Co-authored the state sepsis guideline", {"guideline", "publication"}, set()),
        ("Raised guideline-directed therapy at discharge from 40% to 70%", {"result"}, {"guideline"}),
        ("Served on 2 industry advisory boards for a new anticoagulant", {"advisory", "therapy"}, set()),
        ("Implanted 150 leadless pacemakers", {"device", "procedures"}, set()),
        ("Built an Epic best-practice alert for hypokalemia", {"informatics", "built"}, set()),
        ("Launched video visits for the whole practice", {"digital"}, set()),
        ("Performed 60 peer-to-peer reviews a month against MCG criteria", {"utilization"}, set()),
        ("Coordinated discharges with case management", {"collaboration"}, {"utilization"}),
        # oncology says "accrued" for enrolled; a share of who the patients are is no measured result
        ("Principal investigator, phase II trial; accrued 68 of 70 patients", {"trial", "study"}, set()),
        ("Saw 22–26 pts/day, ~70% Spanish-speaking families", set(), {"result"}),
        ("Co-I (10% effort), DoD breast cancer award", set(), {"result"}),
        ("Screening now at 94% of clinic visits", {"result"}, set()),
        ("Door-to-needle 30% shorter time after the stroke code redesign", {"result"}, set()),
        # value-based care is population work; a unit's "policies and procedures" no procedural practice, and a
        # catheter rate a quality measure, not device work
        (
            "Clinical lead for 2,300 aligned beneficiaries; risk stratification with our data vendor",
            {"population"},
            set(),
        ),
        ("Oversee policies and procedures, water quality and infection control", set(), {"procedures"}),
        ("Long term catheter rate reduced from 22% to 11%", {"result"}, {"device"}),
        ("Site PI, pivotal IDE trial of a supraciliary microstent", {"trial", "device"}, set()),
        ("Alert cleanup: retired 14 low-value BPAs; interruptive alerts down 31%", {"informatics", "result"}, set()),
        ("Member, Peer Review Committee (2020–Present)", {"utilization"}, {"talks"}),  # "Present" is no talk
        ("Took call every fourth night", set(), {"procedures", "result"}),  # clinical work alone
        # clinicians outside the physician's own hospital, by who they are rather than a list of specialties
        ("Give 12 talks a year to optometrists on glaucoma", {"talks", "peer_education"}, set()),
        ("Retina contact for 40 optometry practices", {"peer_education"}, set()),
        ("Journal club with 25 community eye doctors", {"peer_education"}, set()),
        ("Teach the residents on the wards", set(), {"peer_education"}),
        # "APPs" in capitals are advanced practice providers, not software
        ("Lead a team of 2 fellows, 4 residents and 2 APPs", set(), {"digital"}),
        ("Built a mobile app for insulin dosing", {"digital"}, set()),
        # outside clinicians only when the line teaches, tells or advises them
        ("Oversee overnight remote coverage of 84 ICU beds at 6 community hospitals", set(), {"peer_education"}),
        ("Designed a sepsis order set in Epic, now used at 4 system hospitals", set(), {"peer_education"}),
        ("Faculty, monthly Project ECHO on opioid use disorder for 30–40 rural clinicians", {"peer_education"}, set()),
        (
            "Gave 22 talks to primary care, pediatric and dermatology groups across a 4-state region",
            {"peer_education"},
            set(),
        ),
        # device work is the device, not a drug that is implanted or a drug called a stimulator
        ("Proctor for a fenestrated endograft: trained 11 surgeons", {"device"}, set()),
        ("Performed 85 fenestrated endograft repairs", {"device", "procedures"}, set()),
        ("4,500 intravitreal injections a year (anti-VEGF, steroid implants)", {"procedures"}, {"device"}),
        ("Site PI, phase III trial of a soluble guanylate cyclase stimulator", {"trial"}, {"device"}),
        # trials a company sponsors are trial work, not work for the company
        ("Sub-investigator, 3 industry-sponsored phase II/III sepsis trials", {"trial"}, {"advisory"}),
        # a consultant to a company is industry work; a consultant for a care program is clinical work
        ("Lead psychiatric consultant for CoCM in 14 primary care clinics", set(), {"advisory"}),
        ("Consultant to Halcyon Therapeutics on a phase 2 protocol", {"advisory"}, set()),
        ("Consultant for a device company on catheter design", {"advisory"}, set()),
        # collaborative care and managed Medicaid are population work
        ("Set up CoCM billing (CPT 99492–99494): $0 in 2019 to $1.3M in FY2024", {"population"}, set()),
        ("Involved in discussions with Medicaid MCOs on value-based payment", {"population"}, set()),
        # a laboratory's tests are diagnostics work; a CAP inspection's "Phase II deficiencies" are no trial phase
        ("Led analytical validation of 3 laboratory-developed NGS tests", {"diagnostics"}, set()),
        ("Four CAP inspections with no Phase II deficiencies", {"diagnostics"}, {"trial"}),
        ("Built a reflex biomarker testing protocol with pathology", set(), {"diagnostics"}),
        # a speakers bureau's programs are talks to outside clinicians, no procedures and no peer-to-peer review
        (
            "Delivered 31 peer-to-peer dinner and virtual programs to primary care physicians and pharmacists",
            {"talks", "peer_education"},
            {"procedures", "utilization"},
        ),
        ("Delivered 300 babies a year", {"procedures"}, {"talks"}),
        # a rate's denominator is no count of procedures done
        ("Severe maternal morbidity fell from 31.4 to 17.9 per 10,000 deliveries", {"result"}, {"procedures"}),
        ("Conducted peer-to-peer discussions with payer medical directors", {"utilization"}, {"talks"}),
        # NIH funding is a grant; an NIH network a study belongs to is not
        ("Co-investigator in several NIH network observational studies", {"trial", "study"}, {"grant"}),
        ("NIH R21 (PI), error-corrected sequencing in AML", {"grant"}, set()),
        # utilization review in the words of its trade
        (
            "Independent physician reviews for Medicare Advantage plans, pre-service and concurrent",
            {"utilization"},
            set(),
        ),
        ("Post-acute level-of-care determinations for 3 health plans", {"utilization"}, set()),
        # work with a product's team is digital work (unseen9: left off a health-tech resume as least telling)
        ("Built the first async visit rules with product — launched 2021", {"digital"}, set()),
        ("Median time-to-clinician 19 min → 6 min after I worked w/ eng on queue routing", {"digital"}, set()),
        ("Product work: PRDs, user stories, acceptance criteria, UAT", {"digital"}, set()),
        ("Uncomplicated cystitis, F 18–64 — async pathway, no f/u needed", set(), {"digital"}),
        # choosing what the hospital buys is device work (unseen10: a value analysis co-chair's section went whole)
        ("Value Analysis Committee (Perioperative) — Physician Co-Chair", {"device"}, set()),
        ("Led the stapler and energy device product evaluation for 14 ORs", {"device"}, set()),
        # a stimulator's trial tests a device in one patient: no clinical trial (unseen12: "SCS trials ~140")
        ("SCS trials ~140", set(), {"trial"}),
        ("Built the neuromodulation program: trial-to-permanent conversion 68%", set(), {"trial"}),
        ("Sub-investigator, RESOLVE-DRG, IDE pivotal trial of a DRG system", {"trial"}, set()),
    ],
)
def test_kinds_a_line_shows(line: str, shows: set[str], not_shows: set[str]) -> None:
    found = kinds_of(line)
    assert shows <= found, f"{line!r}: {sorted(found)}"
    assert not (not_shows & found), f"{line!r}: {sorted(found)}"


def test_every_kind_is_weighed_by_some_target_and_every_weight_names_a_kind() -> None:
    known = set(facts.kinds())
    weighed = {kind for role in role_profiles().values() for kind in role.weights}
    # (and a part of a target its wish names: HEOR weighs health-economics work)
    weighed |= {kind for role in role_profiles().values() for v in role.variants for kind in v.weights}
    assert weighed <= known, weighed - known
    assert known <= weighed, known - weighed


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Cut door-to-needle time from 62 to 38 minutes in 2021", ["62", "38"]),
        ("Covered 1,100 visits a month, 70% by video", ["1,100", "70%"]),
        ("Chief resident, 2017–2018", []),  # years are no figures
        ("Treated 2.5 times more patients after 06/2019", ["2.5"]),
    ],
)
def test_figures_are_counts_not_years(line: str, found: list[str]) -> None:
    assert figures(line) == found


def _fact(text: str, n: int = 0, current: bool = False) -> Fact:
    return Fact(f"b-{n}", text, text, "Experience", "Job", kinds_of(text), current, n)


def test_a_fact_counts_by_its_strongest_kind_with_half_of_the_others_and_its_figures() -> None:
    weights = role_profiles()["medtech"].weights
    plain = _fact("Performed TAVR procedures")
    counted = _fact("Performed 180 TAVR procedures")
    clinical = _fact("Covered 30 night shifts a year")
    assert counted.score(weights) == plain.score(weights) + 1.0
    assert plain.score(weights) >= weights["device"]
    assert clinical.score(weights) == 0.0  # figures alone make no fact for a target


def test_a_program_built_adds_to_a_case_but_never_makes_one() -> None:
    weights = role_profiles()["clinical-development"].weights
    program = _fact("Launched a weekend discharge clinic; readmissions fell from 20% to 15%")
    assert program.score(weights) > 0
    assert program.score(weights, evidence=True) == 0.0


def test_ranked_keeps_the_cv_order_among_equals_and_puts_todays_work_a_little_ahead() -> None:
    weights = role_profiles()["health-tech"].weights
    first, second = _fact("Built an Epic order set for sepsis", 0), _fact("Built an Epic order set for stroke", 1)
    assert facts.ranked([second, first], weights) == [first, second]
    current = _fact("Built an Epic order set for asthma", 2, current=True)
    assert facts.ranked([first, second, current], weights)[0] is current


def test_lines_kept_as_written_count_but_citations_do_not() -> None:
    kept = [
        KeptItem(section="Publications", text="14 peer-reviewed publications, 6 as first author", competencies=[]),
        KeptItem(
            section="Publications",
            text="Rossi A, Chen B, et al. A randomized trial of early mobility. JAMA. 2020;323:1-9.",
            competencies=[],
        ),
        KeptItem(
            section="Grants",
            text="Co-Investigator, NIH R01 HL1234567, 'Aspirin, race and risk', $2,000,000",
            competencies=[],
        ),
    ]
    found = facts.find_facts(ParsedCV(source="x", format="txt"), [], kept)
    assert [f.text for f in found] == [kept[0].text, kept[2].text]
    assert found[0].tells and not found[1].tells  # a grant entry counts for a target, but no text quotes it


def test_a_cv_with_little_evidence_has_no_clear_target_and_says_what_the_closest_lack() -> None:
    found = [_fact("Saw 24 patients a day in clinic", 0), _fact("Acted as Epic super-user at go-live", 1)]
    fits = fit_targets("internal medicine", found)
    assert not fits[0].clear and fits[0].score < MINIMUM
    reason = target_reason(fits)
    assert reason.startswith("no target is clear from the CV")
    for fit in fits[:2]:
        assert fit.role.area in reason and fit.role.needs in reason


def test_no_duties_at_all_give_no_confident_reason() -> None:
    fits = fit_targets("oncology", [])
    assert not fits[0].clear
    assert "no line of evidence" in target_reason(fits)


def test_a_clear_target_is_suggested_from_its_evidence_with_the_kinds_in_peoples_words() -> None:
    found = [
        _fact("Site principal investigator, phase III trial of a new statin; enrolled 31 patients", 0),
        _fact("Sub-investigator on 4 industry-sponsored heart failure trials", 1),
        _fact("Member, Data and Safety Monitoring Board for a phase II trial", 2),
        _fact("Saw 20 patients a day in clinic", 3),
    ]
    fits = fit_targets("cardiology", found)
    assert fits[0].role.id == "clinical-development" and fits[0].clear
    assert [f.id for f in fits[0].evidence] == ["b-0", "b-1", "b-2"]
    assert target_reason(fits).startswith("the CV shows clinical trial roles")


def test_a_trainees_work_ranks_behind_an_attendings_of_equal_weight() -> None:
    """'Chief Fellow: built the call schedule' does not open an attending's Summary ahead of today's work."""
    weights = {"built": 3, "teaching_program": 3, "trial": 3}
    fellow = Fact(
        "b-1",
        "Chief Fellow: built the 12-fellow call schedule and ran the board review series",
        "x",
        "Training",
        "Fellow",
        frozenset({"built", "teaching_program"}),
        False,
        0,
        training=True,
    )
    today = Fact(
        "b-2",
        "Site sub-investigator, 3 phase II sepsis trials",
        "x",
        "Experience",
        "Attending",
        frozenset({"trial"}),
        True,
        1,
    )
    assert [f.id for f in facts.ranked([fellow, today], weights)] == ["b-2", "b-1"]


def test_a_line_under_a_study_counts_a_quarter_of_what_the_study_shows() -> None:
    """ "Enrolled 31 eyes (2nd highest of 24 US sites)" under "Site Principal Investigator — pivotal IDE trial" is
    trial and device work too: a quarter of it counts in its rank, none of it in the case for a target."""
    from translator.mapping.translate import translate_bullet

    bullet = translate_bullet(
        "Enrolled 31 eyes (2nd highest of 24 US sites)", "Research", "Site PI — pivotal IDE trial"
    )
    study = Entry(title="Site PI — pivotal IDE trial")
    cv = ParsedCV(
        source="cv.txt", format="txt", sections=[Section(heading="Research", kind="research", entries=[study])]
    )
    (fact,) = find_facts(cv, [bullet])
    assert {"trial", "device"} <= fact.context
    weights = role_profiles()["medtech"].weights
    bare = Fact(fact.id, fact.text, fact.source, fact.section, fact.entry, fact.kinds, False, 0)
    assert fact.score(weights) == bare.score(weights) + 0.25 * weights["device"]
    assert fact.score(weights, evidence=True) == bare.score(weights, evidence=True)


def test_a_line_the_physician_marked_to_check_is_quoted_nowhere() -> None:
    from translator.mapping.translate import translate_bullet

    bullet = translate_bullet("Built a chest pain order panel; admissions down ~18% (need to double check this #)")
    (fact,) = find_facts(ParsedCV(source="cv.txt", format="txt"), [bullet])
    assert not fact.tells


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SOLACE-2 pivotal IDE trial; enrolled 31 eyes", ["31"]),
        ("SEP-1 bundle compliance 52% → 68%", ["52%", "68%"]),
        ("Phase 3 trial of a TYK2 inhibitor, type 2 diabetes", []),
    ],
)
def test_a_name_or_a_labels_number_is_no_figure(text: str, found: list[str]) -> None:
    assert figures(text) == found


@pytest.mark.parametrize(
    ("summary", "role"),
    [
        ("Endocrinologist, 6 years. Looking for a Medical Science Liaison role in diabetes and obesity.", "msl"),
        ("I am looking for a behavioral health medical director role to improve access to care.", "payer"),
        ("Seeking a clinical development role in critical care / respiratory.", "clinical-development"),
        # the first named, unless a device company names the sector it is wanted in
        ("Interested in transitioning to a Medical Science Liaison or clinical development role.", "msl"),
        ("Seeking a medical affairs or clinical development role with a medical device company.", "medtech"),
        # … not when a pharmaceutical company is named beside it: the function wanted decides
        (
            "Looking to transition into a medical affairs role with a pharmaceutical or medical device company.",
            "medical-affairs",
        ),
        # any digital health: "digital behavioral health", "digital mental health"
        ("I'm exploring medical director roles in digital behavioral health for young people.", "health-tech"),
        # diagnostics medical affairs is medical affairs (a blind read: "not device clinical affairs")
        ("I am interested in diagnostics medical affairs or clinical development roles.", "medical-affairs"),
        ("I'm looking to move into a health tech role (clinical informatics, product, or CDS).", "health-tech"),
        # a target named without a wish is no choice: "MSL" in a duty, a device used at work
        ("Trained 12 MSLs on our registry data; implanted 300 devices a year.", None),
        ("Hospitalist with 10 years of experience and an interest in quality.", None),
    ],
)
def test_a_target_the_cvs_summary_asks_for(summary: str, role: str | None) -> None:
    from translator.mapping.roles import stated_target

    stated = stated_target([summary])
    assert (stated.role if stated else None) == role
    if stated:
        assert stated.sentence in summary and not stated.sentence.endswith(".")


def test_the_target_a_cv_asks_for_is_chosen_and_said_so_unless_the_user_chooses(tmp_path) -> None:
    from translator.parse import read_cv
    from translator.report import build_report

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Ana Ruiz, MD\nana@example.com\n\nSUMMARY\nPediatric cardiologist. Seeking a medical device role in "
        "structural heart.\n\nEXPERIENCE\nCardiologist, Valley Children's Hospital\t2015 – present\n"
        "- Principal investigator on 4 phase III drug trials; enrolled 120 children\n"
        "- Sub-investigator on 6 industry-sponsored phase II trials\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv))
    assert (report.target, report.target_clear) == ("medtech", True)
    assert report.target_reason == "the CV says so: “Seeking a medical device role in structural heart”"
    chosen = build_report(read_cv(cv), target="clinical-development")
    assert (chosen.target, chosen.target_reason) == ("clinical-development", "chosen with --target")


def test_a_text_opens_with_what_was_done_not_with_being_near_it() -> None:
    """'Involved in …', 'Responsible for …', a seat on a committee: as evidence for a target such a line counts
    whole, but the facts a text opens with rank it at half; a seat on a guideline panel is work of its own."""
    weights = role_profiles()["payer"].weights
    near = _fact("Involved in utilization review for crisis stabilization admissions", 0)
    seat = _fact("Member, Peer Review Committee (2015–2018)", 1)
    done = _fact("Performed second-level medical necessity reviews", 2)
    assert facts.ranked([near, seat, done], weights)[0].source == near.source
    assert facts.ranked([near, seat, done], weights, to_tell=True)[0].source == done.source
    panel = _fact("Member, Ulcerative Colitis Guideline Panel, state society", 3)
    other = _fact("Co-authored the state ulcerative colitis guideline", 4)
    affairs = role_profiles()["medical-affairs"].weights
    near_panel = _fact("Member, Pharmacy and Therapeutics Committee", 2)
    assert facts.ranked([near_panel, panel], affairs)[0] is near_panel  # the same weight: the CV's order
    assert facts.ranked([near_panel, panel], affairs, to_tell=True)[0] is panel
    assert facts.ranked([panel, other], affairs, to_tell=True) == facts.ranked([panel, other], affairs)


def test_a_count_in_words_is_a_figure_and_a_setback_opens_no_text() -> None:
    assert figures("Site principal investigator for three industry-sponsored ARDS trials") == ["three"]
    assert figures("Twelve residents a year on the consult service") == ["Twelve"]
    weights = role_profiles()["clinical-development"].weights
    stopped = _fact("Site PI, phase 2 trial: enrolled 9 patients before the sponsor stopped it for futility", 0)
    ranked_on = _fact("Site PI, phase 2b trial: enrolled 22 patients, fifth of 41 sites", 1)
    assert facts.ranked([stopped, ranked_on], weights, to_tell=True)[0] is ranked_on


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("Built an MIGS program: 0 → 180 cases per year", True),  # an act
        ("Colorectal median length of stay fell from 5.8 to 3.9 days", True),  # its subject acts
        ("Sub-investigator, CALYX-2 pivotal IDE trial", True),  # a role with what it was held in
        ("~2,400 glaucoma visits per year", True),  # a count
        ("Postpartum BP check ≤10 days (Medicaid): 32% → 61%", True),  # a result by its figures
        ("TX-118 ph 3 (Tamsin Therapeutics), intracameral travoprost implant vs timolol", False),
        ("Board Quality Committee dashboard, 42 metrics, monthly — built with system analytics team", False),
        # a bold lead-in before a whole duty (unseen19's nephrologist); a year that opens a talk's row counts nothing
        ("Clinical trials: Site principal investigator for 7 industry-sponsored phase III trials", True),
        ("2021 Regional Renal Network, Leeds — Biosimilar ESA switching — Invited talk", False),
    ],
)
def test_a_line_states_something_or_only_names_a_thing(line: str, says: bool) -> None:
    assert facts.states(line) is says


def test_a_text_opens_with_a_statement_not_a_thing_named() -> None:
    """A trial named with its details ranks for the target as its work does, but a Summary opens with what was
    done or found: the named thing ranks at half among the facts to tell."""
    weights = role_profiles()["medtech"].weights
    named = _fact("CALYX-2 pivotal IDE trial, Orlanth Medical supraciliary microstent, 14 eyes", 0)
    done = _fact("Performed 180 MIGS procedures a year", 1)
    assert facts.ranked([named, done], weights)[0] is named  # as evidence: the trial
    assert facts.ranked([named, done], weights, to_tell=True)[0] is done


def test_a_site_principal_investigator_is_told_before_a_sub_investigator() -> None:
    """unseen19's Austrian intensivist, for clinical development: her Summary opened with a sub-investigator line
    (an RCT, 38 patients, eCRF and SAE reporting) and left out her site PI roles in 3 phase II/III trials; a study's
    principal investigator leads it, which clinical development weighs."""
    weights = role_profiles()["clinical-development"].weights
    lead = _fact(
        "Site principal investigator for 3 multicentre sepsis/ARDS trials (phase II/III); 87 patients enrolled, no "
        "critical findings at sponsor audit 2022",
        0,
        current=True,
    )
    sub = _fact(
        "Sub-investigator in a multicentre RCT on restrictive vs. liberal perioperative fluids (38 patients enrolled "
        "locally); eCRF entry, SAE reporting per GCP",
        1,
    )
    assert "leadership" in lead.kinds and "leadership" not in sub.kinds
    assert facts.ranked([sub, lead], weights, to_tell=True)[0] is lead
    without = {**weights, "leadership": 0}  # as when a principal investigator showed no leadership
    assert facts.ranked([sub, lead], without, to_tell=True)[0] is sub


def test_the_cvs_key_to_its_shorthand_is_quoted_nowhere() -> None:
    assert not facts._quotable("Sub-I = sub-investigator. All trials industry-sponsored, conducted at our site")
    assert facts._quotable("Sub-investigator on 4 Phase 3 trials")


def test_a_role_with_what_it_was_held_in_after_a_colon_may_be_quoted_an_act_after_it_may_not() -> None:
    assert facts._quotable("Site PI: ORCA-201, phase 2 of ozuralisib; 11 patients enrolled")
    assert facts._quotable("Co-investigator: foundation-funded consolidation study")
    assert not facts._quotable("Site echocardiography lead: performed or read 41 protocol echocardiograms")
    assert not facts._quotable("Medical director: oversee 3 dialysis units")


def test_a_trial_design_is_no_figure() -> None:
    assert figures("3+3 dose escalation, then expansion; 34 of 40 enrolled; 300+ clinicians") == ["34", "40", "300"]


def test_the_facts_in_the_words_of_the_physicians_wish_are_told_first() -> None:
    """'I'm hoping to move into an MSL role in diabetes/obesity': of two facts that count alike for the target,
    the one in the wish's words opens the texts; the wish changes no rank as evidence, and the target's own words
    ('MSL', 'role') are no wish."""
    weights = role_profiles()["msl"].weights
    lipids = _fact("Gave 20 talks on lipid management to primary care physicians", 0)
    obesity = _fact("Gave 20 talks on obesity medicine to primary care physicians", 1)
    wish = facts.wish_words("I'm hoping to move into an MSL role in diabetes/obesity", "Medical Science Liaison MSL")
    assert "obesit" in wish and "role" not in wish and "msl" not in wish
    assert facts.ranked([lipids, obesity], weights, to_tell=True)[0] is lipids
    assert facts.ranked([lipids, obesity], weights, to_tell=True, wish=wish)[0] is obesity
    assert facts.ranked([lipids, obesity], weights, wish=wish)[0] is lipids


def test_duties_the_layout_cut_are_named_in_a_warning() -> None:
    """unseen19's read: every run reported no warning, even where the layout was read into fragments (a sub-bullet
    cut from its parent, a date column's 'present', a wrapped line's tail). Duties that open mid-sentence or stop on
    a word no sentence ends with are counted and two of them shown."""
    from translator.models import Bullet
    from translator.report import build_report

    whole = ["Led the sepsis bundle rollout across 4 units", "Taught 12 residents a year", "Ran the lipid clinic"]
    cut = ["present", "fractional CO2 and erbium, Nd:YAG 1064 nm, IPL", "Gave 6 undergraduate lectures per year on"]
    entry = Entry(title="Dermatologist", organization="Clínica Example", bullets=[Bullet(text=t) for t in whole + cut])
    cv = ParsedCV(
        source="cv.md", format="md", sections=[Section(heading="Experience", kind="experience", entries=[entry])]
    )
    (warning,) = [w for w in build_report(cv).warnings if "look cut" in w]
    assert warning.startswith("3 of the 6 duties read look cut") and '"present"' in warning
    entry.bullets = [Bullet(text=t) for t in whole * 3]
    assert not [w for w in build_report(cv).warnings if "look cut" in w]


def test_a_table_row_is_no_quote() -> None:
    """A trials table read a record at a time ('Maternal RSV prefusion F vaccine — infant follow-up — III Industry —
    146') counts for the target, but a headline that quotes it reads as a row of cells."""
    assert not facts._quotable("Maternal RSV prefusion F vaccine — infant follow-up — III Industry — Site PI — 146")
    assert facts._quotable("Site principal investigator for 3 sepsis trials — 87 patients enrolled")
