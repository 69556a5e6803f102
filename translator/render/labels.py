"""The words a person reads for the tool's ids: a competency, a target, how a bullet was worded."""

from __future__ import annotations

from translator.models import BulletTranslation, Competency

COMPETENCY_LABELS: dict[Competency, str] = {
    "cross_functional": "Cross-functional collaboration",
    "data": "Clinical data and evidence review",
    "communication": "Scientific and medical communication",
    "projects": "Project and program delivery",
}


def target_name(target: str, reason: str = "") -> str:
    """'medical-affairs' → 'Medical Affairs', as the roles file names it; in the words of the part of it the CV's
    wish names, when the reason quotes one ('HEOR / Market Access')."""
    from translator.mapping.roles import profile_for, role_profiles

    return profile_for(target, reason).name if target in role_profiles() else target.replace("-", " ")


def wording(bullet: BulletTranslation) -> str:
    """How the bullet got its words: 'kept as you wrote it', 'standard wording for inpatient care', 'worded by
    the language model'."""
    if bullet.source == "llm":
        return "worded by the language model"
    if bullet.rewrite == bullet.text:
        return "kept as you wrote it"
    return f"standard wording for {bullet.rule.replace('-', ' ')}" if bullet.rule else "standard wording"


def shows(bullet: BulletTranslation) -> str:
    """What the bullet shows industry: 'Project and program delivery, Clinical data and evidence review'."""
    return ", ".join(COMPETENCY_LABELS[c] for c in bullet.competencies) or "clinical work (no competency)"


def template_words() -> dict[str, object]:
    """The names and helpers the output templates use."""
    return {"labels": COMPETENCY_LABELS, "target_name": target_name, "wording": wording, "shows": shows}
