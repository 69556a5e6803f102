"""Geometry of a PDF page's text: runs → visual lines → columns → reading order. No PDF library here."""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from translator.dates import DATE_RANGE
from translator.parse.text import BULLET_GLYPHS, CELL_JOINT

GLYPH_ONLY = re.compile(r"^(?:[" + re.escape(BULLET_GLYPHS) + r"\ue000-\uf8ff{]|\d{1,2}[.)])$")


@dataclass
class Run:
    """A piece of text as the PDF placed it, with its box (PDF points, y up) and font."""

    left: float
    right: float
    top: float
    bottom: float
    text: str
    size: float = 0.0
    bold: bool = False
    spaced: bool = False  # the producer wrote a space before it

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass
class VisualLine:
    runs: list[Run]

    @property
    def top(self) -> float:
        return max(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return min(r.bottom for r in self.runs)

    @property
    def left(self) -> float:
        return min(r.left for r in self.runs)

    @property
    def size(self) -> float:
        texts = [r for r in self.runs if r.text.strip() and not GLYPH_ONLY.match(r.text.strip())]
        return max((r.size for r in texts), default=0.0)

    @property
    def bold(self) -> bool:
        texts = [r for r in self.runs if r.text.strip()]
        return bool(texts) and all(r.bold for r in texts)


def group_lines(runs: list[Run]) -> list[VisualLine]:
    """Runs whose vertical middles fall inside one another's boxes share a line; top to bottom."""
    lines: list[VisualLine] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        middle = (run.top + run.bottom) / 2
        for line in lines[-3:]:
            if (
                line.bottom - 1 <= middle <= line.top + 1
                and _similar_type(run, line)
                and _on_its_baseline(run, line)
                and not _stacked_under(run, line)
            ):
                line.runs.append(run)
                break
        else:
            lines.append(VisualLine([run]))
    for line in lines:
        line.runs.sort(key=lambda r: r.left)
    return lines


_DATE_WORD = re.compile(
    r"(?:(?:19|20)\d{2}[–—-]?|[–—-]|present|current|now|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)$",
    re.IGNORECASE,
)


def _on_its_baseline(run: Run, line: VisualLine) -> bool:
    """Text of one size sits on one baseline: a date a browser floated right that dropped below its title sits
    half a line above the next line's text ("Fellowship, …" / "   2016 – 2018" / "MPH, …"), no part of it. A
    smaller run (a superscript, a footnote's mark) may sit higher."""
    same_size = [r for r in line.runs if r.size and run.size and abs(r.size - run.size) <= 0.1 * run.size]
    if not same_size or not (
        _DATE_WORD.match(run.text.strip()) or all(_DATE_WORD.match(r.text.strip()) for r in same_size)
    ):
        return True
    if run.text.strip() in {"–", "—", "-"}:
        # a dash's box does not reach the baseline: it sits at the middle of the figures beside it ("2015 – present")
        bottom, top = min(r.bottom for r in same_size), max(r.top for r in same_size)
        return bottom + 0.2 * (top - bottom) <= (run.top + run.bottom) / 2 <= bottom + 0.8 * (top - bottom)
    # old-style figures ("2011" beside "2014") sit a little above or below the baseline: the tolerance is the
    # line's own type, not the run's glyphs
    tall = max([run.height, *(r.height for r in same_size)])
    return min(abs(r.bottom - run.bottom) for r in same_size) <= 0.3 * tall


def _stacked_under(run: Run, line: VisualLine) -> bool:
    """Text of one line never overprints itself: a run under a run of the line, lower by more than a third of its
    height, is the next line of a cell beside a taller one ("Level (at the" / "time)" beside "Mentee", set in the
    middle of its two lines). A run drawn twice on one baseline (a bold made by overprinting) stays on its line."""
    return any(
        r.left < run.right - 1 and run.left < r.right - 1 and abs(r.bottom - run.bottom) > 0.34 * run.height
        for r in line.runs
    )


def _similar_type(run: Run, line: VisualLine) -> bool:
    """A 25-pt name does not share a line with the 10-pt contact details beside it."""
    words = [r for r in line.runs if len(r.text.strip()) >= 3 and r.size]
    if not run.size or not words:
        return True
    ratio = run.size / max(words, key=lambda r: len(r.text)).size
    if len(run.text.strip()) < 3:
        # a mark, a glyph or a short word may be of another size (a superscript, a footnote's mark, a bullet); a
        # word or a number a third of the line's type is not its: "88" of a street beside a 38-pt name
        return not run.text.strip().isalnum() or 0.45 <= ratio <= 2.2
    return 1 / 1.5 <= ratio <= 1.5


def split_columns(
    runs: list[Run], width: float, gutter_before: float | None = None, banner_apart: bool = False
) -> list[list[Run]]:
    """[runs] for a one-column page; [left column + full-width runs, right column] for two columns.

    A page whose text leaves the gutter of the page before clear, with text on both sides of it, goes on in
    the same two columns: a sidebar that runs on past a page break holds no heading of its own there.

    A gutter is an x position in the middle of the page that (almost) no run crosses while many lines
    lie wholly on each side of it. Right-aligned dates do not make a gutter: body lines cross the middle.
    """
    lines = group_lines(runs)
    if len(lines) < 10:
        return [runs]
    if gutter_before is not None and _clear_at(runs, lines, gutter_before):
        return _split_at(runs, gutter_before)
    best: tuple[int, float] | None = None
    for step in range(int(width * 0.3), int(width * 0.7), 2):
        x = float(step)
        crossing = sum(1 for r in runs if r.left < x - 1 and r.right > x + 1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    if best is None:
        return [runs]
    crossing, gutter = best
    # A line of body text with a word space at the gutter runs across it, as a line of one column does: it weighs
    # as two runs ("ASH, ASCO, International Myeloma Society, ASTCT" under publications set in two columns); a
    # name in large type across the top is a banner over both columns.
    body = statistics.median(r.size for r in runs if r.size) if any(r.size for r in runs) else 0.0
    crossing += 2 * sum(1 for line in lines if _word_space_at(line, gutter) and line.size <= 1.3 * body)
    total = sum(len(r.text) for r in runs) or 1
    left_share = sum(len(r.text) for r in runs if r.right <= gutter + 1) / total
    right_share = sum(len(r.text) for r in runs if r.left >= gutter - 1) / total
    if crossing > max(2, len(lines) // 20) or min(left_share, right_share) < 0.08:
        return _under_a_banner(runs, lines, gutter, width) if not banner_apart else [runs]
    # A real column runs down the page beside the other and has headings of its own; a contact block
    # or a list set in two columns does not.
    side = [r for r in runs if r.left >= gutter - 1]
    if not _has_heading(side, runs):
        return [runs]
    if _side_by_side_share(runs, gutter) < 0.3:
        # A sidebar shorter than the page (under a banner, beside the first job) is a column too when it
        # has headings of its own and text beside it all the way down: measured on the shorter side.
        other = [r for r in runs if r.right <= gutter + 1]
        shorter = min((side, other), key=lambda rs: max(r.top for r in rs) - min(r.bottom for r in rs))
        top, bottom = max(r.top for r in shorter), min(r.bottom for r in shorter)
        beside = [r for r in runs if bottom <= (r.top + r.bottom) / 2 <= top]
        bands = max(3, round((top - bottom) / 20))  # bands about two lines high, as on a whole page
        if not _has_heading(shorter, runs, at_least=2) or _side_by_side_share(beside, gutter, bands) < 0.6:
            return [runs]
    # Dates pushed to the right margin are not a column: the right side must hold lines of its own.
    right_lines = group_lines([r for r in runs if r.left >= gutter - 1])
    if sum(1 for line in right_lines if not DATE_RANGE.fullmatch(join_runs(line.runs).strip())) < 5:
        return [runs]
    # Nor are the labels and dates a Europass CV sets left of each row ("WORK EXPERIENCE", "Telephone",
    # "2014 – present" beside "Head of Department …"): the page is read a row at a time, a label beside its text.
    if _labels_of_rows(group_lines([r for r in runs if r.right <= gutter + 1])):
        return [runs]
    return _split_at(runs, gutter)


def _under_a_banner(runs: list[Run], lines: list[VisualLine], gutter: float, width: float) -> list[list[Run]]:
    """Two columns under a band across the page's top (a resume builder's name, headline and contact row, set
    over both): the lines that cross the gutter from the top down, before the first that does not, are the band;
    the columns are measured below it, and the band is read first, with the left column."""
    band: list[Run] = []
    for line in lines:
        if not _crosses(line, gutter) and not _word_space_at(line, gutter):
            break
        band += line.runs
    if not band or len(band) == len(runs):
        return [runs]
    rest = [r for r in runs if r not in band]
    columns = split_columns(rest, width, banner_apart=True)
    if len(columns) < 2:
        return [runs]
    return [band + columns[0], columns[1]]


# a date or a range alone, as a label column sets it: "06/2016", "2021", "01/2019 – present", "2011 –"
_A_DATE_ALONE = re.compile(
    r"(?:\d{1,2}[/.])?(?:19|20)\d{2}(?:\s*[–—-]\s*(?:(?:\d{1,2}[/.])?(?:19|20)\d{2}|present|current|today|now)?)?",
    re.IGNORECASE,
)


def _labels_of_rows(left: list[VisualLine]) -> bool:
    """Whether a left column holds only the labels and dates of the rows beside it: short lines, each a date, a
    year's range left open ("2011 –"), or a label of three words at most with no sentence in it."""
    texts = [join_runs(line.runs).strip() for line in left]
    if len(texts) < 6:
        return False
    labelled = sum(
        1
        for text in texts
        if DATE_RANGE.fullmatch(text)
        or _A_DATE_ALONE.fullmatch(text)
        or (
            len([w for w in text.split() if w not in {"/", "&", "and"}]) <= 3
            and not re.search(r"[.;:,]\s|\d{3}", text)
            and len(text) <= 40
        )  # "Organisational / managerial skills"
    )
    return labelled >= 0.9 * len(texts)


def _names_columns(line: VisualLine) -> bool:
    """A row of three or more column names: "Role | Title | Funder | Dates | Amount", "Years | Degree | Institution"."""
    names = [join_runs(g).strip() for g in _name_groups(line)]
    return len(names) >= 3 and all(map(_a_column_name, names))


def _of_posts(names: list[str]) -> bool:
    """A table of posts or degrees, by its column names: a post's or a degree's, and none of a grant's or a trial's."""
    firsts = {n.split()[0].lower() for n in names}
    return bool(firsts & _POST_COLUMNS) and not firsts & _RECORD_COLUMNS


def _name_groups(line: VisualLine) -> list[list[Run]]:
    """A row of column names split into its names: set apart by more than a word space, though a narrow first
    column ("Years", over "1998–") may leave less than a column's gap before the next name."""
    groups = segments(line)
    typical = sorted(r.height for r in line.runs)[len(line.runs) // 2]
    split: list[list[Run]] = []
    for run in line.runs:
        if split and run.left - split[-1][-1].right < 1.2 * typical:
            split[-1].append(run)
        else:
            split.append([run])
    if len(groups) < 3 or (len(split) > len(groups) and all(_a_column_name(join_runs(g).strip()) for g in split)):
        return split  # ("Phase Sponsor" set a little apart are two columns)
    return groups


def _a_column_name(name: str) -> bool:
    return bool(_COLUMN_NAME.fullmatch(name)) and name.split()[0].lower() in _COLUMN_WORDS


def _split_at(runs: list[Run], gutter: float) -> list[list[Run]]:
    left: list[Run] = []
    right: list[Run] = []
    for r in runs:
        (left if (r.left + r.right) / 2 < gutter else right).append(r)
    return [left, right]


def gutter_of(columns: list[list[Run]]) -> float | None:
    """Where two columns split: just right of the left one's text."""
    if len(columns) < 2 or not columns[0] or not columns[1]:
        return None
    return (max(r.right for r in columns[0]) + min(r.left for r in columns[1])) / 2


def _clear_at(runs: list[Run], lines: list[VisualLine], gutter: float) -> bool:
    """No run crosses the gutter, no line of body text runs across it, and both sides hold lines of words."""
    if any(r.left < gutter - 1 and r.right > gutter + 1 for r in runs):
        return False
    if any(_word_space_at(line, gutter) for line in lines):
        return False
    left = [v for v in lines if any(r.right <= gutter for r in v.runs)]
    right = [v for v in lines if any(r.left >= gutter for r in v.runs)]
    return len(left) >= 3 and len(right) >= 3


def split_column_band(lines: list[VisualLine], width: float) -> list[tuple[list[VisualLine], bool]]:
    """A one-column page with a section set in two columns (publications, a skills list): the lines above the
    band, the band's left column, its right column, the lines below, in reading order, each with whether it is
    one of a band's columns. A band is at least six lines in a row that no run crosses at one gutter, most with
    prose on both sides that fills each side as a column's does: dates pushed to the right margin or a label
    beside its value make no band."""
    best: tuple[int, int, float] | None = None  # (first line, end, gutter) of the longest band
    for step in _gutters_of_wide_gaps(lines, range(int(width * 0.35), int(width * 0.65), 2)):
        gutter = float(step)
        for start, end in _runs_of_lines_apart_at(lines, gutter):
            longer = best is None or end - start > best[1] - best[0]
            if end - start >= 6 and longer and _two_columns_of_prose(lines[start:end], gutter):
                best = (start, end, gutter)
    if best is None:
        return [(lines, False)] if lines else []
    start, end, gutter = best
    # The band starts at its first line with words on both sides: a heading just above it is the page's.
    start = next(i for i in range(start, end) if _on_both_sides(lines[i], gutter))
    left = [VisualLine(kept) for v in lines[start:end] if (kept := [r for r in v.runs if r.right <= gutter])]
    right = [VisualLine(kept) for v in lines[start:end] if (kept := [r for r in v.runs if r.left >= gutter])]
    return [
        *split_column_band(lines[:start], width),
        (left, True),
        (right, True),
        *split_column_band(lines[end:], width),
    ]


def _gutters_of_wide_gaps(lines: list[VisualLine], steps: range) -> list[int]:
    """The steps that lie in a gap of a gutter's width (see _two_columns_of_prose) on five lines or more: no band
    can stand anywhere else, so the page's other steps are never tried."""
    count = dict.fromkeys(steps, 0)
    for line in lines:
        wide = 0.8 * (line.size or 10)
        for a, b in itertools.pairwise(line.runs):
            if b.left - a.right >= wide:
                for step in range(max(steps.start, math.ceil(a.right)), min(steps.stop, math.floor(b.left) + 1)):
                    if step in count:
                        count[step] += 1
    return [step for step, n in count.items() if n >= 5]


def _runs_of_lines_apart_at(lines: list[VisualLine], gutter: float) -> list[tuple[int, int]]:
    """(first, end) of each run of lines no run crosses at the gutter, each line just below the one before: a
    gap before a heading or a paragraph ends a run as a line across the gutter does."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate(lines):
        if _crosses(line, gutter):
            if start is not None:
                found.append((start, index))
            start = None
        elif start is None:
            start = index
        elif not _just_below(lines[index - 1], line):
            found.append((start, index))
            start = index
    if start is not None:
        found.append((start, len(lines)))
    return found


def _word_space_at(line: VisualLine, gutter: float) -> bool:
    left = [r.right for r in line.runs if r.right <= gutter]
    right = [r.left for r in line.runs if r.left >= gutter]
    return bool(left and right) and min(right) - max(left) < 0.5 * (line.size or 10)


def _on_both_sides(line: VisualLine, gutter: float) -> bool:
    return any(r.right <= gutter for r in line.runs) and any(r.left >= gutter for r in line.runs)


def _just_below(above: VisualLine, below: VisualLine) -> bool:
    return above.bottom - below.top < 0.6 * vline_height(below)


def _crosses(line: VisualLine, gutter: float) -> bool:
    return any(r.left < gutter < r.right for r in line.runs)


def _two_columns_of_prose(band: list[VisualLine], gutter: float) -> bool:
    """Most of the band's lines hold words on both sides, and each side's lines fill it as a column's do."""
    both = [v for v in band if _on_both_sides(v, gutter)]
    if len(both) < max(6, 0.6 * len(band)):
        return False
    lefts = [max(r.right for r in v.runs if r.right <= gutter) for v in both]
    starts = [min(r.left for r in v.runs if r.left >= gutter) for v in both]
    # A gutter, not a river of word spaces through justified lines: wide, and the right side starts on one edge.
    if sum(1 for a, b, v in zip(lefts, starts, both, strict=True) if b - a >= 0.8 * (v.size or 10)) < 0.8 * len(both):
        return False
    if Counter(round(x) for x in starts).most_common(1)[0][1] < 0.4 * len(both):
        return False
    rights = [join_runs([r for r in v.runs if r.left >= gutter]).strip() for v in both]
    if sum(1 for text in rights if DATE_RANGE.fullmatch(text)) > 0.2 * len(rights):
        return False  # dates pushed to the right margin
    column = gutter - min(r.left for v in band for r in v.runs)
    return sum(1 for right in lefts if right > gutter - 0.25 * column) >= 0.5 * len(lefts)


def _has_heading(side: list[Run], everything: list[Run], at_least: int = 1) -> bool:
    from statistics import median

    from translator.parse.structure import section_kind

    sizes = [r.size for r in everything if r.size]
    body = median(sizes) if sizes else 0.0
    found = 0
    for line in group_lines(side):
        text = join_runs(line.runs).strip()
        if not text or re.search(r"@|www\.|\d", text) or len(text.split()) > 5:
            continue
        if section_kind(text) is not None or (body and line.size >= body * 1.12):
            found += 1
            if found >= at_least:
                return True
    return False


def _side_by_side_share(runs: list[Run], gutter: float, bands: int = 24) -> float:
    """Share of the page's text height where both sides of the gutter hold text."""
    top, bottom = max(r.top for r in runs), min(r.bottom for r in runs)
    step = (top - bottom) / bands or 1.0
    left: set[int] = set()
    right: set[int] = set()
    for r in runs:
        band = min(int((top - (r.top + r.bottom) / 2) / step), bands - 1)
        (left if (r.left + r.right) / 2 < gutter else right).add(band)
    used = left | right
    return len(left & right) / len(used) if used else 0.0


def segments(line: VisualLine) -> list[list[Run]]:
    """A line's runs split at wide gaps (a right-aligned date, a margin label)."""
    groups: list[list[Run]] = []
    # A dash or a comma set on its own has a low box: measure its gap against the line's typical height.
    heights = sorted(r.height for r in line.runs)
    typical = heights[len(heights) // 2]
    for run in line.runs:
        height = max(run.height, typical) if len(run.text.strip()) <= 1 else run.height
        if groups and groups[-1][-1].size and run.size:
            # Measured by the smaller type: an icon beside a 25-pt name stands apart from it.
            height = min(height, 1.25 * min(groups[-1][-1].size, run.size))
        if groups and run.left - groups[-1][-1].right < 2.5 * height:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def trailing_dates(groups: list[list[Run]]) -> list[list[Run]]:
    """The last group's dates as a group of their own when a gap several word spaces wide sets them apart, though
    narrower than a column's: a browser floats them right and wraps the text just before them ("…conversations
    for      2019 – 2021")."""
    last = groups[-1]
    gaps = sorted(b.left - a.right for a, b in itertools.pairwise(last))
    if len(gaps) < 3:
        return groups
    word_space = gaps[len(gaps) // 2]
    for count in range(min(5, len(last) - 1), 0, -1):
        head, tail = last[:-count], last[-count:]
        gap = tail[0].left - head[-1].right
        if gap > max(4 * word_space, 0.9 * tail[0].height) and DATE_RANGE.fullmatch(join_runs(tail).strip()):
            return [*groups[:-1], head, tail]
    return groups


def _letter_spaced(runs: list[Run]) -> bool:
    """ "C U R R I C U L U M  V I T A E": a heading set with spaced-out letters, each letter a run of its own."""
    letters = [r for r in runs if len(r.text.strip()) == 1]
    return len(runs) >= 5 and len(letters) >= 0.8 * len(runs)


def _caps_broken_by_spacing(runs: list[Run], gaps: list[float]) -> bool:
    """A heading in capitals with its letters spaced out, which the text layer breaks into pieces of a letter
    or two inside words ("PROFESSION", "AL", "EXPERIE", "N", "CE"): set close, all capitals, some pieces tiny."""
    words = [r.text.strip() for r in runs]
    return (
        len(runs) >= 3
        and all(w.isupper() or not w.isalpha() for w in words)
        and any(len(w) <= 2 and w.isalpha() for w in words)
        and all(0 <= g < 0.8 * (r.size or r.height) for g, r in zip(gaps, runs[1:], strict=True))
        and max(gaps) > 2.5 * max(min(gaps), 0.1)  # letters apart inside words, words further apart
    )


def _one_spaced_word(runs: list[Run], gaps: list[float]) -> bool:
    """A heading of one word in capitals with its letters spaced out, which a browser's text layer breaks into
    pieces with spaces of its own ("CONTAC" "T", "SKI" "L" "L" "S", "PROFI" "LE"): capitals only, a piece of a
    letter or two, and every gap as narrow as the letters' spacing, none a word space."""
    words = [r.text.strip() for r in runs]
    return (
        len(runs) >= 2
        and all(w.isalpha() and w.isupper() for w in words)
        and any(len(w) <= 2 for w in words)
        and sum(len(w) for w in words) >= 4
        and all(0 <= g < 0.15 * (r.size or r.height) for g, r in zip(gaps, runs[1:], strict=True))
        and max(gaps) - min(gaps) < 0.05 * (runs[0].size or runs[0].height)
    )


def join_runs(runs: list[Run]) -> str:
    """Concatenate runs, adding a space where the gap between them is wider than a letter's spacing: for
    spaced-out letters, wider than the spacing between them."""
    gaps = [b.left - a.right for a, b in itertools.pairwise(runs)]
    spacing = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    # a run per letter is letter-spacing only when the letters stand apart: glyphs set one by one at their
    # natural spacing (a Chromium print's line after a page break) are words with word spaces between them
    # (their gaps alone tell the words apart: such a producer's own spaces come at line-break points too,
    # "…cv_2026.|html")
    per_glyph = _letter_spaced(runs)
    spaced = per_glyph and spacing > 0.08 * statistics.median(r.size or r.height for r in runs)
    broken_caps = _caps_broken_by_spacing(runs, gaps)
    one_word = _one_spaced_word(runs, gaps)
    text = ""
    for n, run in enumerate(runs):
        piece = run.text
        glued = text.endswith((" ", "\x02")) or piece.startswith(" ")
        if n and not glued:
            if one_word:  # "SKI" "L" "L" "S": one word in spaced capitals, whatever spaces the producer wrote
                space = False
            elif spaced:  # letters set apart: a word ends where the gap is wider than the letters' spacing
                space = gaps[n - 1] > max(1.6 * spacing, 0.3 * run.height)
            elif broken_caps:  # "PROFESSION" "AL" "EXPERIE" "N" "CE": words end only at the wide gaps
                space = gaps[n - 1] > max(2 * min(gaps), 0.12 * (run.size or run.height))
            else:  # the producer's own space, else a gap wider than letters are apart
                space = (run.spaced and not per_glyph) or gaps[n - 1] > 0.12 * (run.size or run.height)
            if space:
                text += " "
        text += piece
    return text


def split_aside(
    groups: list[str], lefts: list[float], width: float, at_right_edge: bool = False
) -> tuple[list[str], str | None]:
    """Take a date range pushed to the right margin (of the page, or of its column) out of the line."""
    far_right = lefts[-1] > width * 0.55 or (at_right_edge and lefts[-1] > width * 0.3)
    if len(groups) > 1 and far_right and DATE_RANGE.fullmatch(groups[-1].strip()):
        return groups[:-1], groups[-1].strip()
    # moderncv and friends put the dates in the left margin, before the entry.
    if len(groups) > 1 and lefts[0] < width * 0.25 and DATE_RANGE.fullmatch(groups[0].strip()):
        return groups[1:], groups[0].strip()
    return groups, None


def first_word_width(text: str, left: float, right: float) -> float:
    """About how wide the line's first word is: a line is wrapped only when that word did not fit
    at the end of the line before."""
    words = text.split()
    if not words:
        return 0.0
    return (right - left) * (len(words[0]) + 1) / max(len(text.strip()), 1)


def split_side_by_side_items(line: VisualLine) -> list[VisualLine]:
    """A list set in two columns puts two items on one line: "• Item 1      • Item 4"."""
    groups = segments(line)
    starts = [i for i, g in enumerate(groups) if i > 0 and GLYPH_ONLY.match(g[0].text.strip()[:1] or " ")]
    if not starts or not GLYPH_ONLY.match(groups[0][0].text.strip()[:1] or " "):
        return [line]
    pieces, begin = [], 0
    for start in [*starts, len(groups)]:
        pieces.append(VisualLine([r for g in groups[begin:start] for r in g]))
        begin = start
    return pieces


def vline_height(vline: VisualLine) -> float:
    return max(vline.top - vline.bottom, 1.0)


# A table's column names: "Role | Title | Funder | Dates | Amount", "Phase | Sponsor | Status"
_COLUMN_NAME = re.compile(r"[A-Z][A-Za-z/&()%.]*(?: [A-Za-z/&()%.]+){0,2}")
_COLUMN_WORDS = frozenset(
    {
        "role",
        "title",
        "funder",
        "funding",
        "sponsor",
        "agency",
        "source",
        "dates",
        "date",
        "years",
        "year",
        "period",
        "amount",
        "total",
        "costs",
        "status",
        "phase",
        "trial",
        "study",
        "grant",
        "project",
        "number",
        "no.",
        "position",
        "institution",
        "type",
        "award",
        "pi",
        "site",
        "indication",
        "agent",
        "description",
        "effort",
        "enrolled",
        "patients",
        "investigator",
        "degree",
        "qualification",
        "mentee",
        "level",
        "current",
        "location",
        "organization",
        "venue",
        "topic",
        "course",
        "post",
        "department",
        "hospital",
        "employer",
        "organisation",
        "specialty",
        "speciality",
        "grade",
        "duration",
        "supervisor",
    }
)


def _stacked_name(over: VisualLine, head: VisualLine, lefts: list[float]) -> bool:
    """A column name set above the names row, right of its last name and just over it."""
    words = join_runs(over.runs).split()
    return (
        1 <= len(words) <= 2
        and words[0].lower() in _COLUMN_WORDS
        and over.left > lefts[-1] + 6
        and over.bottom - head.top < 2 * vline_height(head)
    )


_DATES_COLUMN = frozenset({"years", "year", "dates", "date", "period"})
# a table of posts or degrees, whose rows are entries (a grant's or a trial's row is a record, its dates in place)
_POST_COLUMNS = frozenset({"title", "position", "post", "degree", "qualification"})
_RECORD_COLUMNS = frozenset(
    {"amount", "funder", "funding", "sponsor", "phase", "agency", "patients", "enrolled", "award", "total", "costs"}
)


def _aligned_names(head: VisualLine, groups: list[list[Run]], body: list[VisualLine]) -> list[list[Run]]:
    """The names as the rows below align them: a name set a little apart from the one before ("Phase" · "Sponsor",
    "Years" · "Project") opens a column of its own where the rows' text starts under it ("III", "Industry"), and a
    name set over two lines ("Enrolled" above "(site)") is one name."""
    sample = body[:8]

    def aligned(run: Run) -> bool:
        reach = [line for line in sample if any(r.right > run.left for r in line.runs)]
        under = [line for line in reach if any(abs(r.left - run.left) <= 2.5 for r in line.runs)]
        return len(under) >= 2 and 2 * len(under) >= len(reach)

    split: list[list[Run]] = []
    for group in groups:
        split.append([group[0]])
        for before, run in itertools.pairwise(group):
            apart = run.left - before.right > 0.5 * run.height and run.top > before.bottom  # on one line, a gap wider
            if apart and run in head.runs and aligned(run):  # than a word space
                split.append([run])
            else:
                split[-1].append(run)
    merged: list[list[Run]] = []
    for group in sorted(split, key=lambda g: g[0].left):
        if merged and abs(merged[-1][0].left - group[0].left) <= 3:
            merged[-1] = sorted([*merged[-1], *group], key=lambda r: (-round(r.top), r.left))
        else:
            merged.append(group)
    return merged


def _opens_a_record(head: VisualLine, body: list[VisualLine]) -> list[bool] | None:
    """Rows padded apart (a browser's or a word processor's table cells): the lines of one record follow at the
    type's own pitch, a new record after more. Which body lines open a record; None when every line follows at one
    pitch and the padding tells nothing."""
    tops = [head.top, *(line.top for line in body)]
    pitches = [above - below for above, below in itertools.pairwise(tops)]
    if len(body) < 3:
        return None
    least = min(pitches)
    inside = pitches[1:]
    if least <= 0 or not (any(p > 1.2 * least for p in inside) and any(p <= 1.1 * least for p in inside)):
        return None
    return [p > 1.12 * least for p in pitches]


# a cell's line that ends at a hyphen goes on in the next ("late-" / "preterm/term infants", "PSCF-RI-" / "1455"),
# and a range that wrapped after its dash closes up ("1998–" / "2002")
_WRAPPED_AT_HYPHEN = re.compile(r"(?<=[A-Za-z0-9]-) (?!(?:and|or|to)\b)(?=[A-Za-z0-9])")
_WRAPPED_RANGE = re.compile(r"(?<=\d[–—-]) (?=\d|[Pp]resent|[Cc]urrent)")


def _cell_text(parts: list[str]) -> str:
    """A cell's lines joined: a word the producer hyphenated at the line's end whole again."""
    from translator.parse.pdf_join import join_hyphenated

    text = ""
    for part in parts:
        text = join_hyphenated(text.removesuffix("\x02"), part) if text.endswith("\x02") else f"{text} {part}"
    return _WRAPPED_AT_HYPHEN.sub("", _WRAPPED_RANGE.sub("", text.strip()))


def tables_as_rows(
    lines: list[VisualLine], names_before: tuple[str, ...] = ()
) -> tuple[list[VisualLine], tuple[str, ...]]:
    """A table under a row of three or more column names (grants, trials), read a record at a time: each row's
    cells, wrapped over several lines, joined in their columns ("PI — Endothelial glycocalyx shedding as a
    predictor of fluid non-response in septic shock — NIH/NIGMS R01 GM138812 — 2019 – 2024 — $2,412,000"), one
    line a record; the names row is no record. Read as page columns, its Role and Title came apart from its
    Funder, Dates and Amount. A table that a page break cut repeats its names row over the rest ("Dates | Post |
    Hospital"): `names_before` are the names of the table read last, on the page before, and the names read last
    here are returned with the lines."""
    out: list[VisualLine] = []
    at = 0
    last_names = names_before
    while at < len(lines):
        head = lines[at]
        groups = _name_groups(head)
        if not _names_columns(head):
            out.append(head)
            at += 1
            continue
        lefts = [g[0].left for g in groups]
        below = at + 1
        # a name set over two lines beside the row, centred on it ("Enrolled" / "(site)" at the right): a column too
        over = lines[at - 1] if at else None
        if over is not None and out and out[-1] is over and _stacked_name(over, head, lefts):
            out.pop()
            groups = [*groups, over.runs]
            lefts.append(over.left)
            under = lines[below] if below < len(lines) else None
            if under is not None and abs(under.left - over.left) < 6 and len(join_runs(under.runs).split()) <= 2:
                below += 1  # "(site)", the name's second line
        typical = lines[below] if below < len(lines) else head
        body: list[VisualLine] = []
        while below < len(lines):
            line = lines[below]
            gap = lines[below - 1].bottom - line.top
            room = (2.5 if below == at + 1 else 1.6) * vline_height(typical)  # the names row may stand apart
            if line.left < lefts[0] - 3 or gap > room or abs(line.size - typical.size) > 0.6:
                break  # the table ends at a line left of its first column, after a blank line, or in other type
            body.append(line)
            below += 1
        groups = _aligned_names(head, groups, body)
        lefts = [g[0].left for g in groups]
        names = [join_runs(g).strip() for g in groups]
        rows: list[tuple[Run, list[list[str]]]] = []
        opens = _opens_a_record(head, body)
        for n, line in enumerate(body):
            cells: list[list[Run]] = [[] for _ in lefts]
            for run in line.runs:
                column = max((c for c, x in enumerate(lefts) if x <= run.left + 3), default=0)
                cells[column].append(run)
            said = [join_runs(c).strip() for c in cells]
            if opens is not None:
                starts = opens[n]
            else:
                # a record starts with its first column and fills most of the others, unless its first column goes
                # on from the line above ("Co-I" / "(10%)"; "Mentor (fellow:" / "Dr. Kwame …"; "Leukemia & Lymphoma"
                # / "Society") or a cell of the line above left a range open ("2016–" / "2019")
                first = said[0]
                last = rows[-1][1] if rows else None
                open_bracket = last is not None and " ".join(last[0]).count("(") > " ".join(last[0]).count(")")
                open_range = last is not None and any(c and c[-1].rstrip().endswith(("–", "-", "—")) for c in last)
                # (a name in its own capitals opens a record: "mRNA COVID-19 vaccine", "eGFR decline")
                lower = first[:1] in set("abcdefghijklmnopqrstuvwxyz") and not re.match(r"[a-z]{1,3}[A-Z]", first)
                goes_on = first[:1] == "(" or lower or open_bracket or open_range
                filled = sum(1 for c in said if c) > len(lefts) / 2
                starts = bool(first and filled and not goes_on)
            if not rows and not starts and not said[0]:
                # the names row's second line ("Level (at the" / "time)"): more of the names, no record
                names = [f"{name} {more}".strip() for name, more in zip(names, said, strict=True)]
                continue
            if starts or not rows:
                rows.append((line.runs[0], [[] for _ in lefts]))
            for column, text in enumerate(said):
                if text:
                    rows[-1][1][column].append(text)
        if len(rows) < (1 if tuple(names) == last_names else 2):
            out.append(head)
            at += 1
            continue
        last_names = tuple(names)
        # The dates column, when the names call one so ("Years", "Dates"), is set at the right margin, where a
        # resume keeps an entry's dates: "Assistant Professor of Pediatrics — Midlands University …   2013–2019".
        lowered = [name.lower() for name in names]
        dated = next((n for n, name in enumerate(lowered) if name in _DATES_COLUMN), None)
        dated = dated if _of_posts(lowered) else None
        margin = max(r.right for line in lines[at:below] for r in line.runs) + 1
        for start, row in rows:
            # a cell's wrapped parts joined, a range that wrapped after its dash closed up ("1998–" / "2002")
            said = [_cell_text(cell) for cell in row]
            when = said[dated] if dated is not None and DATE_RANGE.fullmatch(said[dated]) else ""
            # (a cell holding only a dash says none: "—" in a trial's Phase column)
            text = CELL_JOINT.join(
                cell for n, cell in enumerate(said) if cell.strip(" —–-") and not (when and n == dated)
            )
            runs = [Run(start.left, start.right, start.top, start.bottom, text, start.size)]
            if when:
                runs.append(Run(margin, margin + 1, start.top, start.bottom, when, start.size))
            out.append(VisualLine(runs))
        at = below
    return out, last_names
