"""The PDF line joiner's predicates, one by one, on lines placed as real producers place them."""

from __future__ import annotations

from translator.parse import pdf_join as j
from translator.parse.pdf_join import Column, Placed
from translator.parse.text import Line

EDGE = Column(right_edge=535.0)


def placed(text: str, left: float, right: float, top: float, **more: object) -> Placed:
    return Placed(text=text, left=left, right=right, top=top, bottom=top - 10, size=10.0, bold=False, page=0, **more)  # type: ignore[arg-type]


def test_close_below_is_the_next_line_down_on_the_same_page() -> None:
    above = placed("Follow a panel of 1,400 patients with inflammatory arthritis, lupus", 199, 532, 624)
    assert j.close_below(above, placed("and vasculitis", 163, 230, 611), 10)
    assert not j.close_below(above, placed("and vasculitis", 163, 230, 580), 10)  # a blank line between
    other_page = Placed("and vasculitis", 163, 230, 611, 601, 10.0, False, page=1)
    assert not j.close_below(above, other_page, 10)


def test_a_line_fills_its_line_when_the_next_word_would_not_have_fitted() -> None:
    above = placed("Lead the lupus nephritis clinic held jointly with nephrology twice a", 199, 533, 538)
    assert j.fills_its_line(above, placed("month", 163, 194, 524), EDGE)
    short = placed("Rheumatologist", 163, 251, 505)
    assert not j.fills_its_line(short, placed("Valley Oak Community Hospital", 163, 390, 490), EDGE)


def test_an_open_end_is_a_comma_a_joining_word_or_a_broken_word() -> None:
    assert j.ends_open(placed("Residency in Family Medicine, Sagebrush Family Medicine Residency,", 72, 430, 177))
    assert j.ends_open(placed("…the nurse-led treat-to-", 72, 430, 177))
    assert j.ends_open(placed("…which we ran from 2014–", 72, 430, 177))
    assert j.ends_open(placed("Registered in Musculoskeletal Ultrasound, American College of", 162, 529, 717))
    assert not j.ends_open(placed("Taught musculoskeletal examination to internal medicine residents", 199, 535, 432))


def test_a_typed_bullet_goes_on_back_at_the_cell_edge_when_its_line_ran_full() -> None:
    bullet = placed("Follow a panel of 1,400 patients with inflammatory arthritis, lupus", 199, 532, 624, bullet=True)
    bullet.glyph_left = 164
    wrapped = placed("and vasculitis", 163, 230, 611)
    assert j.continues_bullet(bullet, bullet, wrapped, EDGE, 10, carried_over=False)
    # The next entry's title starts at the same edge, but the bullet above it did not run full.
    last = placed("Taught residents", 199, 300, 432, bullet=True)
    last.glyph_left = 164
    assert not j.continues_bullet(last, last, placed("Rheumatologist", 163, 251, 419), EDGE, 10, carried_over=False)


def test_a_dated_line_never_goes_on_a_bullet() -> None:
    bullet = placed(
        "Presented the results at the annual meeting of the American College of", 199, 534, 300, bullet=True
    )
    bullet.glyph_left = 164
    title = placed("Residency, Internal Medicine", 163, 320, 287, aside="Jul 2016 – Jun 2019")
    assert not j.continues_bullet(bullet, bullet, title, EDGE, 10, carried_over=False)


def test_a_hanging_paragraph_goes_on_under_its_indent() -> None:
    start = placed("Fellowship, Clinical Neurophysiology and Epilepsy, Great Lakes", 223, 533, 428)
    below = placed("Children's Hospital, Cleveland, OH, 2014–2015", 241, 475, 415)
    assert j.hangs_under(start, below)
    assert j.continues_paragraph(start, start, below, EDGE, 10)


def test_in_a_column_of_hanging_items_a_capital_back_at_the_start_is_the_next_item() -> None:
    column = Column(right_edge=535.0, hanging=True)
    start = placed("Lecturer, internal medicine residency noon conference, 6 lectures a year", 65, 534, 607)
    below = placed("Research mentor to 11 residents and fellows", 65, 400, 588)
    assert not j.continues_paragraph(start, start, below, column, 12)
    assert j.continues_paragraph(start, start, below, Column(right_edge=535.0), 12)  # prose: one paragraph


def test_dated_items_of_a_list_stay_apart() -> None:
    above = placed("Pulmonary Disease, American Board of Internal Medicine, certified in 2018", 72, 534, 300)
    assert not j.continues_paragraph(above, above, placed("Critical Care Medicine, ABIM, 2019", 72, 300, 286), EDGE, 10)


def test_a_dated_line_goes_on_a_line_that_broke_off_on_a_small_word() -> None:
    """A line with its dates floated right starts an item, unless the line above ended on "of", "and", "the" …
    ("Fellowship, …, Hospital of the University of" / "Pennsylvania, Philadelphia, PA      2003 – 2006")."""
    above = placed("Fellowship, Pulmonary and Critical Care Medicine, Hospital of the University of", 72, 520, 300)
    below = placed("Pennsylvania, Philadelphia, PA", 72, 230, 287, aside="2003 – 2006")
    assert j.continues_paragraph(above, above, below, EDGE, 10)
    finished = placed("Fellowship, Pulmonary and Critical Care Medicine, University Hospital, Boston", 72, 520, 300)
    assert not j.continues_paragraph(finished, finished, below, EDGE, 10)


def test_joining_mends_what_the_wrap_broke() -> None:
    line = Line(text="Built the registry and the monthly treat-to-")
    j.join(line, placed("target report", 163, 260, 580))
    assert line.text == "Built the registry and the monthly treat-to-target report"
    line = Line(text="Developing product strategies. Devel\x02")
    j.join(line, placed("oping the roadmap", 146, 260, 580))
    assert line.text == "Developing product strategies. Developing the roadmap"
    line = Line(text="all entry types: PublicationEn\x02")
    j.join(line, placed("try and OneLineEntry", 146, 260, 580))
    assert line.text == "all entry types: PublicationEntry and OneLineEntry"
    line = Line(text="point-of\x02")
    j.join(line, placed("care ultrasound", 146, 260, 580))
    assert line.text == "point-of-care ultrasound"
    # a compound's own hyphen, a prefix, a name or an abbreviation after the break keep the hyphen
    for head, tail, whole in [
        ("Referral-to\x02", "apheresis time", "Referral-to-apheresis time"),
        ("retreatment after anti\x02", "CD38 exposure", "retreatment after anti-CD38 exposure"),
        ("In: Tanaka\x02", "Bell S, ed.", "In: Tanaka-Bell S, ed."),
    ]:
        line = Line(text=head)
        j.join(line, placed(tail, 146, 260, 580))
        assert line.text == whole


def test_a_running_lines_page_number_is_no_part_of_it() -> None:
    from translator.parse.pdf import _unnumbered

    for line in ("Wierzbicki CV — updated 11/2026 — p. 2", "file:///tmp/cv.html 2/4", "Jane Roe, MD Page 2 of 5"):
        assert _unnumbered(line) == _unnumbered(line.replace("2", "3", 1) if "p. 2" not in line else line[:-1] + "3")
    assert _unnumbered("Wierzbicki CV — updated 11/2026 — p. 2") == "Wierzbicki CV — updated 11/2026"
