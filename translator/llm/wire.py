"""The wire contract: what a batch request carries and what the model must answer (README documents it).

Request (the user message, JSON): {"target": ..., "bullets": [{"id", "text", "section", "entry", "draft",
"competencies", "experience"}]}. Answer (structured output): {"bullets": [{"id", "rewrite",
"competencies", "additions": [{"question", "addition"}]}]}, matched back to the bullets by id.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from translator.models import Competency


class _Wire(BaseModel):
    # Servers' JSON schemas need every property required and no extras (OpenAI's strict mode).
    model_config = ConfigDict(extra="forbid")


class BulletIn(_Wire):
    id: str
    text: str = Field(description="The CV bullet, with personal details redacted.")
    section: str
    entry: str
    draft: str = Field(description="The rules' rewrite: a faithful baseline.")
    competencies: list[Competency]
    experience: str


class BatchIn(_Wire):
    target: str
    bullets: list[BulletIn]


class Addition(_Wire):
    question: str = Field(description="A yes/no question to the physician.")
    addition: str = Field(description="The exact words added to the bullet if the physician confirms.")


class BulletOut(_Wire):
    id: str
    rewrite: str
    competencies: list[Competency]
    additions: list[Addition]


class BatchOut(_Wire):
    bullets: list[BulletOut]


class ProfileIn(_Wire):
    target: str
    specialty: str | None
    credentials: list[str]
    board_certified: bool
    position: str | None
    institution: str | None
    experience: list[str] = Field(description="The CV's experience types, most valued by the target first.")
    bullets: list[str] = Field(description="The CV's bullets as translated.")
    drafts: dict[str, str | list[str]] = Field(description="The rules' headlines, About, Summary and message.")


class ProfileOut(_Wire):
    headlines: list[str]
    about: str
    summary: str
    connection_note: str
    message: str
