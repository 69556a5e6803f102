"""The industry roles a CV can be translated for: a plain module, so the command line can list them
without building the data models."""

from __future__ import annotations

from typing import Literal

TargetRole = Literal["medical-affairs", "clinical-development", "msl", "medtech", "health-tech", "payer"]
TARGET_ROLES: tuple[TargetRole, ...] = (
    "medical-affairs",
    "clinical-development",
    "msl",
    "medtech",
    "health-tech",
    "payer",
)
