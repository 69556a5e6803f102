"""Regenerate docs/review.png: the review page after ticking an addition and typing a figure.

Run with `.venv/bin/python docs/screenshot.py` (needs /usr/bin/chromium and the playwright package).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.browser import ARGS, CHROMIUM  # noqa: E402
from tests.web.conftest import HOSPITALIST, ROUNDING  # noqa: E402
from tests.web.server import running_server  # noqa: E402


def main() -> None:
    with running_server() as server, sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, viewport={"width": 1100, "height": 1180}
        )
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(server.url)
        page.set_input_files("#file", str(HOSPITALIST))
        page.get_by_role("button", name="Translate my CV").click()
        page.wait_for_selector("#review")
        page.locator(f"#c-{ROUNDING}-care-team").check()
        page.locator(f"#a-{ROUNDING}").fill("kept length of stay at 4.1 days")
        page.get_by_role("button", name="Update resume").click()
        page.wait_for_selector(".notice")
        page.screenshot(path=str(ROOT / "docs" / "review.png"))
        context.close()


if __name__ == "__main__":
    main()
