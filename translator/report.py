"""Build the report for one parsed CV: target, translated bullets, coverage, gaps and the profile texts.

The parsed CV is read, never changed: a specialty given on the command line goes into the report's own
copy of the profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from translator import dates, identifiers
from translator.answers import Answers, apply_answers, assign_ids
from translator.mapping import english, facts
from translator.mapping.classify import competencies_of, in_order, matching_rules
from translator.mapping.rewrite import investigates, leads, opening
from translator.mapping.roles import STATED, RoleProfile, profile_for, stated_target, suggest_target
from translator.mapping.translate import ask_for_target, translate_bullet
from translator.models import (
    BulletTranslation,
    Competency,
    Entry,
    KeptItem,
    LinkedInProfile,
    NotUsed,
    ParsedCV,
    Profile,
    ProfileTexts,
    Report,
    TargetScore,
)
from translator.parse.text import WISH_LABEL
from translator.render import linkedin, profile_texts
from translator.render.labels import COMPETENCY_LABELS
from translator.targets import TargetRole

if TYPE_CHECKING:
    from translator.llm.rewriter import Rewriter

# Sections whose bullets describe work; education, publications and certifications are kept as written.
TRANSLATED_KINDS = {
    "experience",
    "research",
    "teaching",
    "leadership",
    "committees",
    "service",
    "editorial",
    "other",
    "training",
}
# Sections kept as written that still show what the physician can do: papers and talks are communication;
# a grant line ("R01 HL145678, NIH, Principal Investigator, 2020–2025") reads best as written.
KEPT_KINDS: dict[str, tuple[Competency, ...]] = {
    "publications": ("communication",),
    "presentations": ("communication",),
    "grants": (),
}


def cv_lines(cv: ParsedCV) -> list[str]:
    """Entry titles, lines and bullets: the evidence a target role is suggested from."""
    parts: list[str] = []
    for section in cv.sections:
        for entry in section.entries:
            parts.extend(p for p in (entry.title, entry.organization) if p)
            parts.extend(entry.lines)
            parts.extend(b.text for b in entry.bullets)
    return parts


def kept_items(cv: ParsedCV) -> list[KeptItem]:
    """Publications and talks, kept as written, with what they show (rules' labels plus their kind's)."""
    items = []
    for section in cv.sections:
        if section.kind not in KEPT_KINDS:
            continue
        for entry in section.entries:
            lines = [b.text for b in entry.bullets] or [entry.title or ""]
            for text in filter(None, lines):
                shown = set(KEPT_KINDS[section.kind]) | set(competencies_of(matching_rules(text)))
                items.append(
                    KeptItem(
                        section=section.heading,
                        text=text,
                        competencies=in_order(shown),
                        experience=section.kind.rstrip("s"),  # "publication", "presentation"
                    )
                )
    return items


@dataclass
class _Composed:
    """What the profile texts are written from, and the texts."""

    coverage: dict[Competency, int]
    competencies: list[str]
    texts: ProfileTexts
    linkedin: LinkedInProfile


def _compose(
    cv: ParsedCV,
    profile: Profile,
    role: RoleProfile,
    bullets: list[BulletTranslation],
    kept: list[KeptItem],
    area: str | None,
    also: RoleProfile | None = None,
    wish: str = "",
    stated: str = "",
    suggested: bool = False,
) -> _Composed:
    cover = profile_texts.coverage(bullets, kept)
    experience = profile_texts.experience_types(bullets, role, kept)
    words = "\n".join([*cv_lines(cv), *(b.rewrite for b in bullets), *(k.text for k in kept)])
    found = facts.find_facts(cv, bullets, kept)
    m = profile_texts.material(profile, role, found, cv, area, words, also, wish, stated, suggested)
    # Core Competencies name this CV's work: the target's search terms its lines support, then the kinds of work
    # it shows; the four competencies' own names ("Cross-functional collaboration") only fill a short list, since
    # they read the same on every resume
    competencies = [f"Clinical expertise: {profile.specialty}"] if profile.specialty else []
    shown: list[str] = []
    for term in [*m.target_terms(), *(_title_case(e) for e in experience)]:
        # once each ('Peer Review', then 'Case and peer review' adds nothing; 'Procedures', then 'Procedural
        # practice'), and no bare label ('Phase 3')
        stems = _stems(term)
        if (
            re.search(r"\d", term)
            or term.split()[-1].lower() in " ".join(shown).lower().split()
            or any(_stems(s) <= stems or stems <= _stems(s) for s in shown)
        ):
            continue
        shown.append(term)
    shown = shown[:COMPETENCY_TERMS]
    if len(shown) < FEWEST_TERMS:
        said = " ".join(shown).lower()
        shown += [COMPETENCY_LABELS[c] for c, n in cover.items() if n and COMPETENCY_LABELS[c].lower() not in said]
    competencies += shown
    texts = ProfileTexts(
        experience=experience,
        headlines=profile_texts.headlines(m),
        about=profile_texts.about(m),
        summary=profile_texts.summary(m),
        outreach=profile_texts.outreach(m),
    )
    return _Composed(
        cover, list(dict.fromkeys(competencies)), texts, linkedin.profile(cv, bullets, found, role, profile.specialty)
    )


_SMALL_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"})


def _title_case(phrase: str) -> str:
    """A kind of work in the case of the target's search terms beside it on one line ('Clinical data analysis' →
    'Clinical Data Analysis'); a word already holding a capital (EHR, mRNA) stays as written."""
    words = phrase.split(" ")
    return " ".join(
        w if (i and w in _SMALL_WORDS) or any(c.isupper() for c in w) else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _stems(term: str) -> frozenset[str]:
    """A term's content words cut to their first six letters: 'Procedures' and 'Procedural' share one."""
    return frozenset(w[:6] for w in re.findall(r"[a-z]+", term.lower()) if w not in _SMALL_WORDS)


COMPETENCY_TERMS = 8  # Core Competencies: at most this many terms after the clinical expertise
FEWEST_TERMS = 4  # fewer terms than this and the four competencies' names fill the list

LOW_YIELD = 3  # fewer duties than this: the CV was probably not read as written


def grouped(not_used: list[NotUsed]) -> list[NotUsed]:
    """Lines left out that differ only by a number ("Page 1 of 9" … "Page 9 of 9") listed once, with a count."""
    groups: dict[tuple[str, str], list[NotUsed]] = {}
    for item in not_used:
        groups.setdefault((re.sub(r"\d+", "#", item.text), item.reason), []).append(item)
    out = []
    for (_, reason), items in groups.items():
        if len(items) > 2:
            out.append(NotUsed(text=f"{items[0].text} … {items[-1].text}", reason=f"{reason} ({len(items)} lines)"))
        else:
            out += items
    return out


# The rules' own words in American spelling, and as a British, Irish, Commonwealth or European CV spells them: the
# words a rewrite adds ("HD" → "hemodialysis") take the CV's spelling ("haemodialysis"); its own stay as written.
_SPELLINGS = {
    r"hemo(?=[a-z])": "haemo",
    r"hemat(?=[a-z])": "haemat",
    r"anemi(?=[a-z])": "anaemi",
    r"leukemi(?=[a-z])": "leukaemi",
    r"pediatric": "paediatric",
    r"anesthe(?=[a-z])": "anaesthe",
    r"gynecolog(?=[a-z])": "gynaecolog",
    r"orthopedic": "orthopaedic",
    r"esophag(?=[a-z])": "oesophag",
    r"edema\b": "oedema",
    r"tumor": "tumour",
    r"behavior": "behaviour",
    r"counseling": "counselling",
    r"center(?=s?\b)": "centre",
    r"program(?=s?\b)": "programme",
    r"(optimi|standardi|organi|prioriti|utili|hospitali|randomi|minimi|speciali|recogni|catheteri|summari)z": r"\1s",
}
_AMERICAN = re.compile("|".join(rf"\b{a}" for a in _SPELLINGS), re.IGNORECASE)


def writes_british(lines: list[str]) -> bool:
    """Whether the CV spells as Britain does ("haemodialysis", "programme", "paediatric") more than as America."""
    text = " ".join(lines)
    british = sum(
        len(re.findall(rf"\b{b}", text, re.I))
        for b in (
            "haem",
            "anaem",
            "paediatr",
            "anaesth",
            "oesoph",
            "tumour",
            "behaviour",
            "centre",
            "programme",
            "counsell",
            "gynaecol",
            "orthopaed",
            "organis",
            "optimis",
            "standardis",
        )
    )
    return british >= 2 and british > len(_AMERICAN.findall(text))


def british_spelling(rewrite: str, source: str) -> str:
    """The words `rewrite` adds to `source`, in British spelling; the source's own words as it writes them."""
    said = set(re.findall(r"[a-z]+", source.lower()))

    def spelled(match: re.Match[str]) -> str:
        word = re.match(r"[A-Za-z]+", rewrite[match.start() :])
        if word is None or word.group(0).lower() in said:
            return match.group(0)
        for american, british in _SPELLINGS.items():
            if (own := re.match(american, rewrite[match.start() :], re.IGNORECASE)) and own.end() == len(
                match.group(0)
            ):
                changed = own.expand(british) if "\\" in british else british
                return changed[:1].upper() + changed[1:] if match.group(0)[:1].isupper() else changed
        return match.group(0)

    return _AMERICAN.sub(spelled, rewrite)


def warnings(cv: ParsedCV, bullets: list[BulletTranslation]) -> list[str]:
    """What the physician should know before sending the outputs: a patient's details in a duty, and too few
    duties found to show their work."""
    found = [_patient_warning(b) for b in bullets if identifiers.patient_details(b.text)]
    cut = [b.text for b in bullets if _CUT.search(b.text.strip())]
    if len(cut) >= 3 and len(cut) >= 0.1 * len(bullets):
        shown = " and ".join(f'"{c if len(c) <= 60 else c[:57] + "…"}"' for c in cut[:2])
        found.append(
            f"{len(cut)} of the {len(bullets)} duties read look cut or joined where the layout was read (such as "
            f"{shown}): check them against your CV before sending; tables, two columns and wrapped lines are the "
            "usual cause, and a .docx or .txt copy of the CV often reads whole."
        )
    if (language := _other_language(bullets)) is not None:
        found.append(
            f"most duties read as {language}, not English: the rules reword English only, so they are kept as "
            "written and the Summary, headlines and competencies draw on the few English words. Put the CV into "
            "English (keeping every figure and name) and run again."
        )
    if len(bullets) >= LOW_YIELD:
        return found
    positions = [e.label for s in cv.sections if s.kind == "experience" for e in s.entries if e.label]
    count = f"{len(bullets)} dut{'y' if len(bullets) == 1 else 'ies'}"
    where = f" under {english.listing(positions[:3])}" if positions else ""
    return [
        *found,
        f"only {count} found{where}, too few to show your work to industry. If your CV has more, put each duty "
        "on its own line under its position (starting with '•' or '-', or as full sentences), then run again.",
    ]


# Each language's commonest short words (none of English's among them): a CV's duties written in one read as it
_FUNCTION_WORDS = {
    "Portuguese": {
        "de",
        "da",
        "do",
        "das",
        "dos",
        "em",
        "e",
        "com",
        "para",
        "por",
        "na",
        "no",
        "nas",
        "nos",
        "um",
        "uma",
        "ao",
        "que",
    },
    "Spanish": {"de", "del", "la", "el", "los", "las", "en", "y", "con", "para", "por", "un", "una", "al", "que"},
    "French": {
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "et",
        "en",
        "avec",
        "pour",
        "par",
        "un",
        "une",
        "au",
        "aux",
        "dans",
        "sur",
    },
    "German": {
        "der",
        "die",
        "das",
        "und",
        "mit",
        "für",
        "von",
        "im",
        "zu",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "bei",
        "auf",
    },
    "Dutch": {
        "de",
        "het",
        "en",
        "van",
        "met",
        "voor",
        "op",
        "een",
        "bij",
        "te",
        "naar",
        "aan",
        "door",
        "uit",
        "waarvan",
    },
    "Italian": {
        "di",
        "del",
        "della",
        "e",
        "con",
        "per",
        "il",
        "la",
        "le",
        "gli",
        "un",
        "una",
        "nel",
        "nella",
        "da",
        "che",
    },
    "Swedish": {"och", "för", "med", "av", "på", "till", "ett", "som", "vid", "från", "inom"},
}
_ENGLISH_WORDS = {"the", "and", "of", "for", "with", "to", "on", "at", "by", "from", "an", "as", "was", "were", "per"}


def _other_language(bullets: list[BulletTranslation]) -> str | None:
    """The language most duties are written in, when it is not English and they say enough to tell."""
    words = [w for b in bullets for w in re.findall(r"[^\W\d_]+", b.text.lower())]
    english_count = sum(w in _ENGLISH_WORDS for w in words)
    counts = {language: sum(w in common for w in words) for language, common in _FUNCTION_WORDS.items()}
    language, most = max(counts.items(), key=lambda c: c[1])
    return language if most >= 12 and most > 2 * english_count else None


# A duty the layout cut or joined: it opens mid-sentence ("laude", "present", "products") or stops on a word that
# cannot end one ("… 6 undergraduate lectures per year on").
_CUT = re.compile(
    r"^(?![a-z]{1,3}[A-Z]|e-)[a-z]"  # (not a name in its own capitals, "mRNA", "iPad", nor an "e-consult")
    r"|\b(?:and|or|of|the|with|for|to|in|a|an|on|at|by|from|per|vs\.?)$|[,–—-]$"
)


def _patient_warning(bullet: BulletTranslation) -> str:
    details = english.listing(identifiers.patient_details(bullet.text))
    start = " ".join(bullet.text.split()[:8])
    return (
        f'the duty "{start}…" carries a patient\'s details ({details}): a resume should not. Take them out of '
        "your CV's line and run again (a language model is never sent them: they are redacted first)."
    )


def _in_present(entry: Entry) -> bool:
    """Whether a position's duties are written in the present: more of its lines open with a verb's base form
    ("Write appeal letters …", "Teach …") than with its past ("Led …"), or none opens in the past (a current post
    written in noun phrases, "Endoscopic & open carpal tunnel release ~260/yr", takes "Perform", as a resume writes
    a post it holds)."""
    present = past = 0
    for bullet in entry.bullets:
        kind = opening(bullet.text)
        first = bullet.text.split(" ", 1)[0].lower()
        past += kind == "past"
        present += kind == "verb" and english.verb_lemma(first) == first
    return present > past or past == 0


def summary_lines(cv: ParsedCV, heading: re.Pattern[str] | None = None) -> list[str]:
    """The lines of the CV's own summary or profile, where a physician says what they are looking for; with
    `heading`, of those summary sections only whose heading it finds."""
    return [
        text
        for section in cv.sections
        if section.kind == "summary" and (heading is None or heading.search(section.heading))
        for entry in section.entries
        for text in (*entry.lines, *(b.text for b in entry.bullets))
    ]


def objective_lines(cv: ParsedCV) -> list[str]:
    """The lines under a heading that says what the physician wants next ("Objective", "Career Goal", Europass's
    "Preferred job"): each a wish, with or without a verb of seeking."""
    labelled = [t for t in summary_lines(cv) if WISH_LABEL.match(t)]  # "DESIRED POSITION: Clinical Lead / …"
    return [*summary_lines(cv, _OBJECTIVE_HEADING), *labelled]


_OBJECTIVE_HEADING = re.compile(
    r"\b(?:objective|preferred job|(?:job|position) applied for|desired (?:position|employment)|"
    r"career (?:goals?|aims?))\b",
    re.IGNORECASE,
)


# The US's own criteria sets, which a question names only to a physician who works there: an Indian TPA's referee
# applies the policy's terms and the regulator's rules, never InterQual.
_US_CRITERIA = re.compile(r"\s*\((?:InterQual, MCG|InterQual or MCG)\)|,?\s+such as InterQual or MCG")


def _asked_where_they_work(cv: ParsedCV, bullets: list[BulletTranslation]) -> None:
    """The questions and offers of a CV read outside North America, without the US's criteria sets by name."""
    from translator.render.resume import on_a4

    if not on_a4(cv):
        return
    for bullet in bullets:
        for suggestion in bullet.suggestions:
            suggestion.question = _US_CRITERIA.sub("", suggestion.question)


def build_report(
    cv: ParsedCV,
    target: str | None = None,
    specialty: str | None = None,
    therapeutic_area: str | None = None,
    answers: Answers | None = None,
    answers_path: Path | None = None,
    rewriter: Rewriter | None = None,
) -> Report:
    """The report for one CV: the rules' translation, improved by `rewriter` (an LLM) where its guard allows,
    then the user's answers applied. `cv` is left as it was."""
    profile = cv.profile.model_copy(update={"specialty": specialty}) if specialty else cv.profile.model_copy()
    lines = cv_lines(cv)
    listed = [(s, e, b) for s, e, b in cv.all_bullets() if s.kind in TRANSLATED_KINDS]
    # what a question never asks again: the post's title and its other duties
    around = [" ; ".join([e.label, *(other.text for other in e.bullets)]) for _, e, _ in listed]
    bullets = [
        # An undated list ("Clinical Activities", "Teaching") says nothing of when: its tense stays as written.
        translate_bullet(
            b.text,
            section=s.heading,
            entry=e.label,
            current=dates.is_ongoing(e.dates) or not e.dates,
            present=_in_present(e),
            led=leads(e.title),
            studied=investigates(e.title),
            context=context,
        )
        for (s, e, b), context in zip(listed, around, strict=True)
    ]
    assign_ids(bullets)
    if writes_british(lines):
        for bullet in bullets:
            bullet.rewrite = british_spelling(bullet.rewrite, bullet.text)
    kept = kept_items(cv)
    chosen_by_evidence, reason, fits = suggest_target(profile.specialty, facts.find_facts(cv, bullets, kept))
    clear = fits[0].clear
    # what the physician says they look for, in the CV's summary or in the note it was sent with
    from translator.parse.plain import COVER_NOTE  # the text reader's, imported only here: start-up counts

    # (the note as one text: a mail client wraps its sentences, "… I am applying for the position of Medical" /
    # "Officer - Claims & Utilisation Review …")
    noted = [" ".join(n.text for n in cv.not_used if n.reason == COVER_NOTE)]
    stated = stated_target(summary_lines(cv), objective_lines(cv)) or stated_target(noted)
    if target:
        chosen: TargetRole = target  # type: ignore[assignment]
        reason, clear = "chosen with --target", True
    elif stated is not None:  # the physician's own choice, as the CV's summary states it
        chosen, reason, clear = stated.role, f"{STATED}: “{stated.sentence}”", True
    else:
        chosen = chosen_by_evidence
    role = profile_for(chosen, reason)  # (in the words of the part of the target the CV's wish names)
    for bullet, context in zip(bullets, around, strict=True):
        ask_for_target(bullet, chosen, context, role.asks)
    _asked_where_they_work(cv, bullets)
    # what the physician wants next, in their words or the user's: the texts tell its facts first
    said = stated.sentence if stated and stated.role == chosen else ""
    wish = " ".join(filter(None, [therapeutic_area, said]))
    also = None if clear else fits[1].role  # no target is clear: the texts name the two closest
    suggested = not target and stated is None  # the tool's suggestion, which the texts never state as a decision
    composed = _compose(cv, profile, role, bullets, kept, therapeutic_area, also, wish, said, suggested)
    if rewriter is not None:
        # The model gets the bullets and the rules' texts in one go, so every request is in flight at once;
        # its rewrites and the user's answers change the bullets the final texts are written from.
        rewriter.improve(bullets, composed.texts, profile, chosen)
    if answers is not None:
        apply_answers(bullets, answers, answers_path or Path("answers.toml"))
    if rewriter is not None or answers is not None:  # the bullets changed: the texts are written again
        composed = _compose(cv, profile, role, bullets, kept, therapeutic_area, also, wish, said, suggested)
    if rewriter is not None:
        rewriter.improve_texts(composed.texts, profile, evidence=lines, answers=answers)
    texts = composed.texts
    if cv.linkedin is not None:  # the CV is LinkedIn's own file: say what the outputs would change on it
        composed.linkedin.changes = linkedin.changes(
            cv.linkedin, cv, composed.linkedin, texts.headlines[0] if texts.headlines else "", texts.about
        )
    return Report(
        not_used=cv.not_used,
        warnings=warnings(cv, bullets),
        profile=profile,
        target=chosen,
        target_reason=reason,
        target_clear=clear,
        targets=[
            TargetScore(id=f.role.id, score=f.score, evidence=[e.id for e in f.evidence if e.is_bullet]) for f in fits
        ],
        bullets=bullets,
        kept=kept,
        coverage=composed.coverage,
        gaps=profile_texts.gaps(composed.coverage),
        headlines=texts.headlines,
        about=texts.about,
        outreach=texts.outreach,
        summary=texts.summary,
        core_competencies=composed.competencies,
        linkedin=composed.linkedin,
        llm=rewriter.run() if rewriter is not None else None,
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def run_summary(report: Report) -> str:
    """What a translation did, in one line: '14 bullets read, 9 reworded, 7 additions offered, 2 confirmed,
    1 in your own words; target: Medical Affairs (the closest; none is clear from the CV)'."""
    bullets = report.bullets
    parts = [
        _count(len(bullets), "bullet") + " read",
        f"{sum(b.rewrite != b.text for b in bullets)} reworded",
        _count(sum(len(b.offers) for b in bullets), "addition") + " offered",
        f"{sum(len(b.confirmed) for b in bullets)} confirmed",
    ]
    if own := sum(1 for b in bullets if b.user_text):
        parts.append(f"{own} in your own words")
    if report.target_reason == "chosen with --target":
        why = "your choice"
    elif report.target_reason.startswith("the CV says so"):
        why = "as the CV states it"
    elif report.target_clear:
        why = "suggested by what the CV shows; the CV names none"
    else:
        why = "the closest; none is clear from the CV, see report.md"
    return f"{', '.join(parts)}; target: {profile_for(report.target, report.target_reason).name} ({why})"
