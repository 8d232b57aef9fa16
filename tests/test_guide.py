"""The facilitator's guide: every page linked from the README, every link and every name it uses real."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import casekit.apps

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").rglob("*.md"))
TEXTS = [ROOT / "README.md", *PAGES, ROOT / "exercises" / "README.md", ROOT / "notebooks" / "README.md"]
COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _links(path):
    return [
        target
        for target in LINK.findall(path.read_text(encoding="utf-8"))
        if not target.startswith(("http://", "https://", "mailto:"))
    ]


def test_every_page_of_the_guide_is_linked_from_the_readme():
    linked = {(ROOT / target).resolve() for target in _links(ROOT / "README.md")}
    assert [p.relative_to(ROOT) for p in PAGES if p.resolve() not in linked] == []


def test_the_guide_has_its_plans_notes_and_printables():
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    notes = sorted(p.stem for p in (ROOT / "docs" / "teaching_notes").glob("*.md"))
    assert notes == notebooks, "one teaching-notes page per notebook"
    for page in (
        "plans/university_course.md",
        "plans/staff_workshop.md",
        "plans/self_study.md",
        "printables/role_cards.md",
        "printables/ethics_checklist.md",
        "delivery.md",
    ):
        assert (ROOT / "docs" / page).exists(), page


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(path):
    broken = [target for target in _links(path) if not (path.parent / target).exists()]
    assert broken == []


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_notebook_app_and_command_named_exists(path):
    text = path.read_text(encoding="utf-8")
    named = set(re.findall(r"(?:notebooks|exercises|workshop)/[\w/.-]+?\.ipynb", text))
    assert [name for name in named if not (ROOT / name).exists()] == []
    bare = set(re.findall(r"(?<![\w/])(\d\d_[a-z0-9_]+\.ipynb|\d_[a-z_]+\.ipynb)", text))
    everywhere = {p.name for p in ROOT.glob("*/**/*.ipynb") if ".venv" not in p.parts}
    assert sorted(bare - everywhere) == []
    apps = set(re.findall(r"\b(\w+_app)\b", text))
    assert [app for app in apps if not hasattr(casekit.apps, app)] == []
    targets = set(re.findall(r"^(\w+):", (ROOT / "Makefile").read_text(), flags=re.M))
    assert sorted(set(re.findall(r"`make (\w+)", text)) - targets) == []


def test_all_prose_is_the_kits_own():
    if not COPYCHECK.exists():
        pytest.skip(f"the copy check is not beside this checkout ({COPYCHECK})")
    result = subprocess.run([sys.executable, str(COPYCHECK), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
