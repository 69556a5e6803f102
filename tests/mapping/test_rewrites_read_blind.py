"""Lines a blind read of six unseen CVs (unseen17) found rewritten against their sense."""

from __future__ import annotations

from translator.mapping.translate import translate_bullet


def test_lines_the_unseen17_read_found_rewritten_against_their_sense() -> None:
    """'Member, Rheumatology board-review series …' (a series she gives), 'Member, Three advisory boards …',
    'Member, 2018-2022 Medical Executive Committee …', 'Completed an OCT interpretation course for community
    optometrists' (a course she teaches), 'I led switch from alteplase …'."""
    said = {
        text: translate_bullet(text, section="Experience", entry="Consultant").rewrite
        for text in [
            "Rheumatology board-review series for IM residents, 12 lectures/yr",
            "Three advisory boards on the SLE patient journey (2021–2023)",
            "2018-2022 Medical Executive Committee, Balcones Regional Medical Center",
            "OCT interpretation course for community optometrists — 3 courses/yr, ~120 optometrists trained",
            "Led switch from alteplase to tenecteplase (2022) across the hub and all spoke hospitals",
        ]
    }
    assert not any(r.startswith("Member, Rheumatology") or r.startswith("Member, Three") for r in said.values())
    assert said["2018-2022 Medical Executive Committee, Balcones Regional Medical Center"] == (
        "Member, Medical Executive Committee, Balcones Regional Medical Center (2018-2022)"
    )
    assert not any(r.startswith("Completed") for r in said.values())
    assert said["Led switch from alteplase to tenecteplase (2022) across the hub and all spoke hospitals"].startswith(
        "Led the switch from alteplase"
    )
