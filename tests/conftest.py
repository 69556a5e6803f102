from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CVS = FIXTURES / "cvs"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(FIXTURES))


# In CI the property tests replay the same examples every run, and wait on no clock: a run that passes on a
# commit passes again. Locally they draw new examples each time, which is how they find new bugs ('1 \rK').
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


SHARED_MISSING = f"needs ../shared beside the clone (the shared corpus and evaluation); {SHARED} is missing"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared: the test reads ../shared (corpus, evaluation harness)")
    # Collection runs code too (parametrize over the loaded rules): the real home and cache are out of
    # reach from the start, not only inside each test (isolated_home).
    session_home = Path(tempfile.mkdtemp(prefix="cv-translator-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(session_home, ignore_errors=True))
    os.environ["HOME"] = str(session_home / "home")
    os.environ["XDG_CACHE_HOME"] = str(session_home / "cache")
    if os.environ.get("CI") == "true" and not SHARED.is_dir():
        raise pytest.UsageError(f"CI=true but {SHARED} is missing: the shared corpus and evaluation must be there")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a clone of the project alone, tests that need ../shared skip with the reason shown."""
    if SHARED.is_dir():
        return
    for item in items:
        if item.get_closest_marker("needs_shared"):
            item.add_marker(pytest.mark.skip(reason=SHARED_MISSING))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite the golden files from the current output.")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the real home or cache."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("CV_TRANSLATOR_CACHE", "OPENAI_API_KEY", "OPENAI_BASE_URL", "CV_TRANSLATOR_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def cycle_collection_restored() -> Iterator[None]:
    """A one-CV `translate` turns the garbage collector off for the rest of its process; a test that runs it
    in this process gets it back on afterwards."""
    yield
    gc.enable()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def posts_of(cv, kind: str = "experience") -> list[tuple[str | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(title, organization, dates) of each titled entry of a parsed CV's sections of `kind`."""
    return [(e.title, e.organization, e.dates) for s in cv.sections if s.kind == kind for e in s.entries if e.title]


def questions_asked(line: str) -> str:
    """Every question the rules ask of one bullet, joined."""
    from translator.mapping.translate import translate_bullet

    return " ".join(s.question for s in translate_bullet(line).suggestions)
