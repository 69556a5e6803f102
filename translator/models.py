"""Strict data models for the parsed CV and for every translation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from translator.targets import TargetRole

Competency = Literal["cross_functional", "data", "communication", "projects"]
COMPETENCIES: tuple[Competency, ...] = ("cross_functional", "data", "communication", "projects")


class StrictModel(BaseModel):
    """Base for everything: unknown fields are errors, so typos in data files fail at load."""

    model_config = ConfigDict(extra="forbid", frozen=False, defer_build=True)


class Profile(StrictModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    linkedin: str | None = Field(default=None, description="The LinkedIn profile's address: linkedin.com/in/….")
    github: str | None = Field(default=None, description="A GitHub profile's address, where the CV gives one.")
    credentials: list[str] = Field(default_factory=list)
    specialty: str | None = None
    board_certified: bool = False
    institution: str | None = None
    position: str | None = Field(default=None, description="Title of the most recent position, as written.")


class Bullet(StrictModel):
    text: str


class Entry(StrictModel):
    title: str | None = None
    organization: str | None = None
    dates: str | None = None
    written: str | None = Field(default=None, exclude=True, description="The line it was read from, as written.")
    lines: list[str] = Field(default_factory=list, description="Non-bullet text lines of the entry.")
    bullets: list[Bullet] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return " — ".join(p for p in (self.title, self.organization) if p)


SectionKind = Literal[
    "summary",
    "experience",
    "education",
    "training",
    "certification",
    "research",
    "grants",
    "publications",
    "presentations",
    "teaching",
    "leadership",
    "committees",
    "service",
    "editorial",
    "awards",
    "skills",
    "memberships",
    "references",
    "contact",
    "courses",
    "personal",
    "other",
]


class Section(StrictModel):
    heading: str
    kind: SectionKind = "other"
    entries: list[Entry] = Field(default_factory=list)

    @property
    def bullets(self) -> list[Bullet]:
        return [b for e in self.entries for b in e.bullets]


class NotUsed(StrictModel):
    """A line of the CV that the outputs leave out on purpose, and why (the report lists them)."""

    text: str
    reason: str


class LinkedInNow(StrictModel):
    """What a LinkedIn profile says today, when the CV is LinkedIn's own file: the report compares it."""

    headline: str = ""
    about: str = ""
    skills: list[str] = Field(default_factory=list)


class ParsedCV(StrictModel):
    source: str
    format: Literal["docx", "pdf", "txt", "md", "linkedin"]
    profile: Profile = Field(default_factory=Profile)
    sections: list[Section] = Field(default_factory=list)
    not_used: list[NotUsed] = Field(default_factory=list)
    linkedin: LinkedInNow | None = Field(default=None, description="The profile as it is, for LinkedIn's files.")

    def all_bullets(self) -> list[tuple[Section, Entry, Bullet]]:
        return [(s, e, b) for s in self.sections for e in s.entries for b in e.bullets]


class Suggestion(StrictModel):
    """A question for the user; with `addition`, the exact words that confirming it adds to the bullet."""

    id: str
    question: str
    addition: str | None = None


class BulletTranslation(StrictModel):
    id: str = Field(default="", description="Stable: the same bullet text gives the same id.")
    section: str = ""
    entry: str = ""
    text: str
    rewrite: str
    competencies: list[Competency]
    experience: str
    rule: str
    source: Literal["rules", "llm"] = "rules"
    fallback_reason: str | None = None
    suggestions: list[Suggestion] = Field(default_factory=list)
    confirmed: list[str] = Field(default_factory=list, description="Suggestion ids the user confirmed.")
    user_text: str | None = Field(default=None, description="The user's own words added to this bullet.")

    @property
    def offers(self) -> list[Suggestion]:
        return [s for s in self.suggestions if s.addition]


class KeptItem(StrictModel):
    """A line kept as written (a publication, a talk, a grant) that still shows competencies."""

    section: str
    text: str
    competencies: list[Competency]
    experience: str = Field(default="", description="What kind of work it is: publication, presentation.")


class Gap(StrictModel):
    competency: Competency
    evidence: int
    actions: list[str]


class Outreach(StrictModel):
    connection_note: str
    connection_note_premium: str
    message_subject: str
    message: str
    agenda: list[str]
    searches: list[str]


class ProfileTexts(StrictModel):
    """The texts written from the whole CV: the rules write them, an LLM may improve them."""

    experience: list[str] = Field(default_factory=list, description="The experience types they were written from.")
    headlines: list[str]
    about: str
    summary: str
    outreach: Outreach


class LLMRun(StrictModel):
    """What the LLM path did: where, which model and prompts, what it cost, and where the rules stayed."""

    model: str
    endpoint: str
    prompt_versions: list[str]
    requests: int = Field(description="Requests sent, retries included; answers from the cache are not requests.")
    cache_hits: int
    prompt_tokens: int
    completion_tokens: int
    bullets_sent: int
    bullets_from_llm: int
    fallbacks: dict[str, int] = Field(
        default_factory=dict, description="Bullets that kept the rules' rewrite, by reason."
    )
    texts: dict[str, str] = Field(
        default_factory=dict, description="Headlines, About, Summary and outreach: 'llm', or why the rules' stayed."
    )


class TargetScore(StrictModel):
    """How plainly the CV points to one target: its score and the bullets that are its evidence."""

    id: TargetRole
    score: float
    evidence: list[str] = Field(description="Ids of the bullets that count for this target, strongest first.")


class LinkedInPosition(StrictModel):
    """A position as LinkedIn's Experience shows it, with a description to paste."""

    title: str | None = None
    organization: str | None = None
    dates: str | None = None
    location: str | None = None
    description: str = ""
    training: bool = Field(default=False, description="A residency or fellowship: a short description.")


class LinkedInSkill(StrictModel):
    name: str
    evidence: list[str] = Field(description="The lines of the CV that show it, as the resume words them.")
    top: bool = Field(default=False, description="One of the three to pin as LinkedIn's top skills.")


class LinkedInChange(StrictModel):
    """A field of the physician's LinkedIn profile as it is and as these outputs would have it."""

    field: str
    now: str
    proposed: str


class LinkedInProfile(StrictModel):
    positions: list[LinkedInPosition] = Field(default_factory=list)
    degrees: list[LinkedInPosition] = Field(
        default_factory=list,
        description="Degrees for LinkedIn's Education section (title: the degree; organization: the school).",
    )
    skills: list[LinkedInSkill] = Field(default_factory=list)
    certifications: list[str] = Field(
        default_factory=list,
        description="Boards, fellowships, licences for LinkedIn's Licenses & certifications, their numbers left out.",
    )
    changes: list[LinkedInChange] = Field(
        default_factory=list, description="When the CV is LinkedIn's own file: the fields that would change."
    )


class Report(StrictModel):
    profile: Profile
    target: TargetRole
    target_reason: str
    target_clear: bool = Field(default=True, description="False when no target is clear and the closest was used.")
    targets: list[TargetScore] = Field(default_factory=list, description="All six targets, best first.")
    bullets: list[BulletTranslation]
    kept: list[KeptItem] = Field(default_factory=list)
    coverage: dict[Competency, int]
    gaps: list[Gap]
    headlines: list[str]
    about: str
    outreach: Outreach
    summary: str
    core_competencies: list[str]
    not_used: list[NotUsed] = Field(default_factory=list, description="Lines of the CV left out, with the reason.")
    warnings: list[str] = Field(default_factory=list, description="What the user should know before sending.")
    linkedin: LinkedInProfile = Field(default_factory=LinkedInProfile)
    llm: LLMRun | None = None
