"""Compose the summary, headlines, About section, outreach and gaps from what the CV shows."""

from __future__ import annotations

from collections import Counter

from translator.mapping.english import indefinite_article, listing
from translator.mapping.roles import RoleProfile, gap_actions, specialties
from translator.models import COMPETENCIES, BulletTranslation, Competency, Gap, KeptItem, Outreach, Profile

HEADLINE_LIMIT = 220
ABOUT_LIMIT = 2600
NOTE_LIMIT = 200
NOTE_PREMIUM_LIMIT = 300
MESSAGE_LIMIT = 1900

EXPERIENCE_PHRASES = {
    "clinical_trials": "clinical trials",
    "drug_safety": "safety review",
    "quality_improvement": "quality improvement",
    "program_development": "program development",
    "teaching": "medical education",
    "presentation": "scientific presentations",
    "publication": "publications",
    "committee": "hospital committee work",  # "experience in …", "bringing … to …": work, not the committees
    "informatics": "clinical informatics",
    "digital_health": "digital health",
    "utilization_management": "utilization management",
    "research": "clinical data analysis",
    "leadership": "clinical leadership",
    "patient_education": "patient education",
    "collaboration": "multidisciplinary collaboration",
    "administration": "operations",
    "procedures": "procedural practice",
    "quality_review": "case and peer review",
}
COMPETENCY_LABELS: dict[Competency, str] = {
    "cross_functional": "Cross-functional collaboration",
    "data": "Clinical data and evidence review",
    "communication": "Scientific and medical communication",
    "projects": "Project and program delivery",
}


SUMMARY_STRENGTHS: dict[Competency, str] = {
    "cross_functional": "cross-functional collaboration",
    "data": "clinical data review",
    "communication": "scientific communication",
    "projects": "project delivery",
}


def _ranked_experience(
    bullets: list[BulletTranslation], role: RoleProfile | None, kept: list[KeptItem] | None = None
) -> list[str]:
    """Experience ids the CV shows (papers and talks kept as written count too): what the target values most
    first, then the rest by frequency."""
    kinds = [b.experience for b in bullets] + [k.experience for k in kept or []]
    counts = Counter(e for e in kinds if e in EXPERIENCE_PHRASES)
    valued = [e for e in (role.values if role else []) if e in counts]
    return valued + [e for e, _ in counts.most_common() if e not in valued]


def experience_types(
    bullets: list[BulletTranslation], role: RoleProfile | None = None, kept: list[KeptItem] | None = None
) -> list[str]:
    return [EXPERIENCE_PHRASES[e] for e in _ranked_experience(bullets, role, kept)]


def coverage(bullets: list[BulletTranslation], kept: list[KeptItem] | None = None) -> dict[Competency, int]:
    """Lines showing each competency: translated bullets and the publications and talks kept as written."""
    shown = [b.competencies for b in bullets] + [k.competencies for k in kept or []]
    return {c: sum(c in competencies for competencies in shown) for c in COMPETENCIES}


def gaps(cover: dict[Competency, int]) -> list[Gap]:
    actions = gap_actions()
    return [Gap(competency=c, evidence=n, actions=actions[c]) for c, n in cover.items() if n < 2]


def _specialist(profile: Profile) -> str:
    """What people call a physician of this specialty: 'cardiologist', 'emergency physician'."""
    specialty = (profile.specialty or "").lower()
    return specialties().person.get(specialty) or (f"{specialty} physician" if specialty else "physician")


def _clinical_title(profile: Profile) -> str | None:
    """A current title that is also what people call the physician: 'Attending Hospitalist' → 'hospitalist'."""
    position = (profile.position or "").lower().split()
    return next((w for w in position if w in specialties().titles), None)


def physician_phrase(profile: Profile, capital: bool = True) -> str:
    """'board-certified cardiologist'; a hospitalist certified in internal medicine is 'board-certified
    internist and hospitalist': the board certifies the specialty, not the job title."""
    specialist, title = _specialist(profile), _clinical_title(profile)
    if title and title != specialist:
        text = f"board-certified {specialist} and {title}" if profile.board_certified else title
    else:
        text = f"{'board-certified ' if profile.board_certified else ''}{specialist}"
    return text[:1].upper() + text[1:] if capital else text


def therapeutic_area(profile: Profile, given: str | None) -> str | None:
    """The area named by the user, else the one industry files the specialty under; None for none."""
    return given or specialties().area.get((profile.specialty or "").lower())


def headlines(profile: Profile, role: RoleProfile, experience: list[str]) -> list[str]:
    lead = physician_phrase(profile)
    creds = f" ({', '.join(profile.credentials)})" if profile.credentials else ""

    def exploring(ex: list[str]) -> str:
        return f"{lead} | Experience in {listing(ex)} | Exploring roles in {role.area}"

    def moving(ex: list[str]) -> str:
        listed = " · ".join(e[:1].upper() + e[1:] for e in ex)
        return f"{lead}{creds} | {listed} | Moving into {role.area}"

    def bringing(ex: list[str]) -> str:
        return f"{lead}{creds} bringing {listing(ex)} to {role.area}"  # "to field medical affairs (MSL)"

    shapes = [exploring, moving, bringing]
    results = []
    for shape in shapes:
        ex = experience[:3] or ["patient care"]
        line = shape(ex)
        while len(line) > HEADLINE_LIMIT and len(ex) > 1:
            ex = ex[:-1]
            line = shape(ex)
        results.append(line[:HEADLINE_LIMIT])
    return results


def summary(profile: Profile, role: RoleProfile, experience: list[str], cover: dict[Competency, int]) -> str:
    creds = f" ({', '.join(profile.credentials)})" if profile.credentials else ""
    strengths = [SUMMARY_STRENGTHS[c] for c, n in cover.items() if n >= 2]
    parts = [f"{physician_phrase(profile)}{creds}"]
    if experience:
        parts[0] += f" with experience in {listing(experience[:3])}."
    else:
        parts[0] += "."
    if strengths:
        parts.append(f"Brings {listing(strengths)} from clinical practice.")
    parts.append(f"Seeking roles in {role.area}.")
    return " ".join(parts)


def about(profile: Profile, role: RoleProfile, experience: list[str], bullets: list[BulletTranslation]) -> str:
    who = physician_phrase(profile, capital=False)
    opening = f"I am {indefinite_article(who)} {who} preparing to move from clinical practice into {role.area}."
    if experience:
        opening += f" My work beyond direct patient care includes {listing(experience[:3])}."
    paragraphs = [opening]
    # What the target values most comes first: trials for clinical development, UM for payer roles.
    rank = {e: i for i, e in enumerate(role.values)}
    shown = sorted((b for b in bullets if b.competencies), key=lambda b: rank.get(b.experience, len(rank)))
    highlights = [b.rewrite for b in shown][:6]
    if highlights:
        paragraphs.append("Highlights:\n" + "\n".join(f"• {h}" for h in highlights))
    paragraphs.append(
        f"I am interested in {listing(role.interests)}, and in cross-functional work where clinical judgment "
        f"meets evidence. I welcome conversations with colleagues in {role.area}."
    )
    text = "\n\n".join(paragraphs)
    while len(text) > ABOUT_LIMIT and highlights:
        highlights.pop()
        paragraphs[1] = "Highlights:\n" + "\n".join(f"• {h}" for h in highlights)
        text = "\n\n".join(paragraphs)
    return text


def outreach(profile: Profile, role: RoleProfile, therapeutic_area_given: str | None) -> Outreach:
    who = physician_phrase(profile, capital=False)
    article = indefinite_article(who)
    where = f" at {profile.institution}" if profile.institution else ""
    area = therapeutic_area(profile, therapeutic_area_given)
    in_area = f", ideally in {area}" if area else ""
    note = (
        f"Hi {{their_name}}, I'm {article} {who} exploring {role.area} roles. I'd value 15 minutes to hear "
        f"how you made the move. Thank you!"
    )
    if len(note) > NOTE_LIMIT:
        note = f"Hi {{their_name}}, I'm a physician exploring {role.area} roles. Could we talk for 15 minutes? Thanks!"
    premium = (
        f"Hi {{their_name}}, I'm {article} {who}{where}, exploring a move into {role.area}{in_area}. "
        f"I admire your path to {{their_company}} and would value 15 minutes to hear how you made the move. "
        f"Thank you!"
    )
    if len(premium) > NOTE_PREMIUM_LIMIT:
        premium = note
    message = (
        f"Hi {{their_name}},\n\n"
        f"I'm {article} {who}{where}. Over the coming year I'm exploring a move into {role.area}{in_area}, "
        f"and your path to {{their_company}} is exactly the kind I'm trying to understand.\n\n"
        f"Would you have 15 minutes for a call this month? I'd value hearing how you made the transition, "
        f"which roles are realistic for someone with my background, and what you would want to see on my CV.\n\n"
        f"Thank you for considering it — I know your time is valuable.\n\n"
        f"Best regards,\n{profile.name or '{your_name}'}"
    )
    specialty = profile.specialty or "your specialty"
    searches = [
        f'"{role.titles[0]}" "{specialty}"',
        f'"MSL" OR "Medical Science Liaison" "{area or specialty}"',
        f'"{role.titles[-1]}" physician — filter by past company = {profile.institution or "{your_institution}"}',
        f'"{role.titles[0]}" — filter by school = {{your_medical_school}}',
    ]
    return Outreach(
        connection_note=note,
        connection_note_premium=premium,
        message_subject=f"{physician_phrase(profile)} exploring {role.area} — 15 minutes?",
        message=message,
        agenda=[
            "Their path: how and why they moved from clinical practice into industry.",
            "Which roles are realistic for someone with your background, and which to target first.",
            "What gaps they would want filled on your CV before you apply.",
            "Whether you may mention them if a fitting role opens (ask at the end, not in the first message).",
        ],
        searches=searches,
    )
