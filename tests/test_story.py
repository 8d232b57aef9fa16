"""The story in the kit's own words: short synopses that point to the original,
few and short quotations, and a visible note wherever the kit invented something."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SYNOPSIS_HEADINGS = ("## The episode", "## The case in brief", "## The case", "## The real systems")
NOTE = "> **Not in the case:**"
# The case's own headings (section 4 of Røhl & Elmholdt 2019), one per notebook 01-10.
ORIGINAL_HEADINGS = {
    "01": "Optakt",
    "02": "Episode 1: Direktionsmødet",
    "03": "Episode 2: «Hvad sker der?»",
    "04": "Episode 3: I gang igen",
    "05": "Episode 4: Introduktionsmøde for jobcenterets medarbejdere",
    "06": "Episode 5: Tiden efter introduktionsmødet",
    "07": "Episode 6: Personalemødet",
    "08": "Episode 7: En snak over kaffen",
    "09": "Episode 8: Tyveri af computere",
    "10": "Episode 9: Dansk Socialrådgiverforening",
}
QUOTE = re.compile(r'"([^"]+)" \(in English: "[^"]+"; Røhl & Elmholdt 2019\)')
# What the kit invented, how to find a mention of it, and the word its note must use.
INVENTIONS = {
    "Lyngtoften": (re.compile(r"Lyngtoften"), "Lyngtoften"),
    "the 2019 boom": (re.compile(r"\bboom\b", re.I), "boom"),
    "the Jobnet change": (re.compile(r"Jobnet change|foreign degrees?", re.I), "Jobnet change"),
    "2,000 a year": (re.compile(r"2,000 (?:second interviews|citizens)"), "2,000"),
    "employers' discrimination": (
        re.compile(r"employers?['’]?\s[^.]{0,60}(?:discriminat|treat|penal)", re.I),
        "employers",
    ),
}
GUIDE_PAGES = sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "README.md", ROOT / "data" / "README.md"])
WORKSHOP = sorted((ROOT / "workshop").glob("*.ipynb"))


def _markdown_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def _synopsis(path):
    found = [cell for cell in _markdown_cells(path) if cell.startswith(SYNOPSIS_HEADINGS)]
    assert len(found) == 1, f"{path.name}: one markdown cell must hold the synopsis, found {len(found)}"
    return found[0]


def _words(text):
    return len(" ".join(line for line in text.splitlines() if not line.startswith(NOTE)).split())


def _quotes(text):
    return [m.group(1) for m in QUOTE.finditer(text)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_synopsis_is_at_most_250_words(path):
    assert _words(_synopsis(path)) <= 250


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_synopsis_first_tells_the_reader_where_to_read_the_original(path):
    lines = [line for line in _synopsis(path).splitlines()[1:] if line.strip()]
    assert lines[0].startswith(("*Read the original:*", "*Read the sources:*")), lines[0]
    heading = ORIGINAL_HEADINGS.get(path.name[:2])
    if heading:
        assert f'"{heading}"' in lines[0], f"name the case's heading: {heading}"


@pytest.mark.parametrize("path", [*NOTEBOOKS, *WORKSHOP], ids=lambda p: p.name)
def test_a_notebook_quotes_the_case_at_most_twice_and_briefly(path):
    quotes = _quotes("\n".join(_markdown_cells(path)))
    assert len(quotes) <= 2, quotes
    assert [q for q in quotes if len(q.split()) > 20] == []


@pytest.mark.parametrize("path", GUIDE_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_guide_page_quotes_the_case_at_most_twice_and_briefly(path):
    quotes = _quotes(path.read_text(encoding="utf-8"))
    assert len(quotes) <= 2, quotes
    assert [q for q in quotes if len(q.split()) > 20] == []


def _first_mentions():
    """(notebook, invention, index of the first markdown cell that mentions it), for every mention."""
    found = []
    for path in NOTEBOOKS:
        cells = _markdown_cells(path)
        for invention, (mention, _) in INVENTIONS.items():
            first = next((i for i, cell in enumerate(cells) if mention.search(cell)), None)
            if first is not None:
                found.append((path, invention, first))
    return found


def test_the_districts_appear_in_most_notebooks_so_the_marking_test_has_work():
    assert sum(invention == "Lyngtoften" for _, invention, _ in _first_mentions()) >= 8


@pytest.mark.parametrize(
    ("path", "invention", "first"), _first_mentions(), ids=lambda v: v.name if isinstance(v, Path) else str(v)
)
def test_an_invention_is_marked_where_it_first_appears(path, invention, first):
    word = INVENTIONS[invention][1]
    cells = _markdown_cells(path)
    notes = [line for cell in cells[: first + 1] for line in cell.splitlines() if line.startswith(NOTE)]
    assert any(word in note for note in notes), f"no '{NOTE}' note naming {word!r} at or before: {cells[first][:200]}"


def _notebook_text(prefix):
    path = next(p for p in NOTEBOOKS if p.name.startswith(prefix))
    return " ".join("\n".join(_markdown_cells(path)).split())


# Slips found by reading the kit beside the original (issue 10, part 3), one test each.
def test_in_episode_8_laila_is_as_unsure_as_amin_and_lars_is_busy_elsewhere():
    text = _notebook_text("09")
    assert re.search(r"Laila[^.]{0,30}unsure", text)
    assert not re.search(r"Lars[^.]{0,60}unsure", text)


def test_the_union_episode_says_arne_asked_first_and_invents_no_silence():
    text = _notebook_text("10")
    assert re.search(r"Arne[^.]{0,40}episode 8", text)
    assert "Amin cannot answer" not in text


def test_the_minutes_spelling_is_no_plot_point():
    text = _notebook_text("02")
    assert not re.search(r"misspel|Hopswit", text)


def test_jobnet_registrations_are_not_said_to_go_unchecked():
    assert "diploma or a payslip" not in _notebook_text("01")


def test_the_leak_episode_notes_that_the_appendix_article_predates_the_board_meeting():
    assert re.search(r"appendix 2[^.]*12 December 2018", _notebook_text("09"))


def test_the_readme_says_the_project_is_paused_not_that_it_falls_apart():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "paused" in text and not re.search(r"falls? apart", text)


CAST_PAGES = [
    ROOT / "docs" / "plans" / "staff_workshop.md",
    ROOT / "docs" / "plans" / "university_course.md",
    ROOT / "docs" / "teaching_notes" / "05_episode4_introduction_meeting.md",
    ROOT / "docs" / "teaching_notes" / "10_episode9_unions_letter.md",
]
NUMBERS = {7: "seven", 8: "eight"}


@pytest.mark.parametrize("path", CAST_PAGES, ids=lambda p: p.name)
def test_plans_and_notes_seat_the_same_cast_as_the_role_cards(path):
    from casekit.case import casts

    text = path.read_text(encoding="utf-8")
    listed = [
        line.strip() for line in text.splitlines() if line.strip().startswith(("Laila Bernsgaard, ", "Amin Roble, "))
    ]
    assert listed, "the page lists a cast, one line per role-play"
    for line in listed:
        assert sorted(line.split(", ")) in [sorted(cast) for cast in casts().values()], line
        assert f"{NUMBERS[len(line.split(', '))]} roles" in text
