"""Where a page's text sits in bands of two columns, measured on runs placed as producers place them."""

from __future__ import annotations

from translator.parse.pdf_layout import Run, VisualLine, split_column_band

WIDTH = 612.0


def line(top: float, *pieces: tuple[float, str]) -> VisualLine:
    """One visual line: (left, text) pieces, each word 5.5 pt a character, one word space apart."""
    runs = []
    for left, text in pieces:
        x = left
        for word in text.split():
            runs.append(Run(left=x, right=x + 5.5 * len(word), top=top, bottom=top - 10, text=word, size=10.0))
            x += 5.5 * len(word) + 3
    return VisualLine(runs)


def test_a_section_in_two_columns_is_read_left_column_then_right() -> None:
    heading = [line(700, (56, "PUBLICATIONS"))]
    band = [
        line(686 - 11 * i, (56, f"Left column line {i} of the paper list here"), (320, f"Right column line {i} goes"))
        for i in range(8)
    ]
    after = [
        line(580, (56, "MEMBERSHIPS")),
        line(566, (56, "ASH, ASCO, International Myeloma Society, ASTCT and more")),
    ]
    pieces = split_column_band(heading + band + after, WIDTH)
    assert [banded for _, banded in pieces] == [False, True, True, False]
    left, right = pieces[1][0], pieces[2][0]
    assert all(r.right < 320 for v in left for r in v.runs) and len(left) == 8
    assert all(r.left >= 320 for v in right for r in v.runs) and len(right) == 8
    assert pieces[3][0] == after


def test_dates_at_the_right_margin_and_a_river_in_justified_prose_make_no_band() -> None:
    dated = [
        line(700 - 11 * i, (56, f"Member, committee number {i} of the hospital"), (500, "2019 – 2021"))
        for i in range(8)
    ]
    assert split_column_band(dated, WIDTH) == [(dated, False)]
    # justified lines whose word spaces happen to line up: the gap is a word space, not a gutter
    river = [
        line(700 - 11 * i, (56, "Led the stewardship program across"), (236, f"five hospitals and {i} clinics"))
        for i in range(8)
    ]
    assert split_column_band(river, WIDTH) == [(river, False)]


def test_capitals_with_spaced_out_letters_are_joined_at_their_letter_gaps_only() -> None:
    """ "CLI" "N" "ICAL" "SERVICE": a browser's letter-spaced heading broken into pieces inside words is joined where
    the pieces are a letter's spacing apart; capitals a word space apart each ("A DAY OF MY LIFE") stay words."""
    from translator.parse.pdf_layout import join_runs

    def runs(*pieces: tuple[float, float, str]) -> list[Run]:
        return [Run(left=a, right=b, top=700, bottom=690, text=t, size=13.3) for a, b, t in pieces]

    broken = runs((215.8, 236.1, "CLI"), (237.5, 245.8, "N"), (247.2, 276.6, "ICAL"), (282.9, 338.6, "SERVICE"))
    assert join_runs(broken) == "CLINICAL SERVICE"
    words = runs((50, 58, "A"), (62, 90, "DAY"), (94, 110, "OF"), (114, 130, "MY"), (134, 160, "LIFE"))
    assert join_runs(words) == "A DAY OF MY LIFE"
