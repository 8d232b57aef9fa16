"""A path a reader who does not program can walk: plumbing collapsed, little
visible code and none of it tricky, prose of a readable length, and a time
estimate in the title cell that the notebook's own content bears out."""

import ast
import json
import re
from pathlib import Path

import pytest

from casekit.guide import estimate_minutes, notebook_parts

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EPISODES = [p for p in NOTEBOOKS if not p.name.startswith("00")]


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _hidden(cell):
    return cell.get("metadata", {}).get("jupyter", {}).get("source_hidden", False)


def _visible_code(path):
    return ["".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code" and not _hidden(c)]


class _Tricky(ast.NodeVisitor):
    """Collect the constructs a non-programmer should not meet in a visible cell."""

    def __init__(self):
        self.found = []

    def visit_Lambda(self, node):
        self.found.append("lambda")
        self.generic_visit(node)

    def _comprehension(self, node):
        if len(node.generators) > 1:
            self.found.append("comprehension over more than one loop")
        self.generic_visit(node)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_Subscript(self, node):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if any(isinstance(p, ast.Constant) and p.value is None for p in parts):
            self.found.append("broadcasting with None")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr == "newaxis":
            self.found.append("broadcasting with newaxis")
        self.generic_visit(node)

    def visit_Import(self, node):
        if any(alias.name == "dataclasses" for alias in node.names):
            self.found.append("dataclasses")

    def visit_ImportFrom(self, node):
        if node.module == "dataclasses":
            self.found.append("dataclasses")


def _tricky(source):
    visitor = _Tricky()
    visitor.visit(ast.parse("\n".join(line for line in source.splitlines() if not line.startswith(("%", "!")))))
    return visitor.found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_visible_code_is_short(path):
    cells = _visible_code(path)
    lines = [len(source.strip().splitlines()) for source in cells]
    assert sum(lines) <= 40, f"{sum(lines)} visible lines of code"
    assert [source for source, n in zip(cells, lines, strict=True) if n > 6] == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_visible_code_has_nothing_tricky(path):
    assert {source: _tricky(source) for source in _visible_code(path) if _tricky(source)} == {}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_collapsed_cell_has_a_caption_above_it(path):
    cells = _cells(path)
    for before, cell in zip(cells, cells[1:], strict=False):
        if cell["cell_type"] == "code" and _hidden(cell):
            assert before["cell_type"] == "markdown", (
                f"collapsed cell without a caption: {''.join(cell['source'])[:80]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_collapse_their_plumbing(path):
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    assert any(_hidden(c) for c in code), "the imports and set-up at least are collapsed"


@pytest.mark.parametrize("path", EPISODES, ids=lambda p: p.name)
def test_prose_outside_the_discussion_is_at_most_about_1500_words(path):
    assert estimate_minutes(path)["prose_words"] <= 1600


@pytest.mark.parametrize("path", EPISODES, ids=lambda p: p.name)
def test_three_discussion_questions_are_marked_core_once_each(path):
    assert len(notebook_parts(path)["core_questions"]) == 3
    markdown = "".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    assert len(re.findall(r"\*\*Core \(\d+ min\)\.\*\*", markdown)) == 3
    assert markdown.count("Questions without *Core* are optional.") == 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_time_shown_is_within_a_quarter_of_the_time_the_content_needs(path):
    shown = notebook_parts(path)["minutes"]
    needed = estimate_minutes(path)
    assert shown is not None, "title cell: '*Time: R min reading + A min activity + D min discussion*'"
    for part in ("reading", "activity", "discussion"):
        assert abs(shown[part] - needed[part]) <= max(2, 0.25 * needed[part]), (part, shown, needed)


@pytest.mark.parametrize("path", EPISODES, ids=lambda p: p.name)
def test_your_turn_cells_are_small(path):
    cells = _cells(path)
    turns = [
        nxt
        for cell, nxt in zip(cells, cells[1:], strict=False)
        if cell["cell_type"] == "markdown"
        and re.search(r"\*\*Your turn", "".join(cell["source"]))
        and nxt["cell_type"] == "code"
    ]
    assert turns, "at least one 'Your turn' cell"
    assert [c for c in turns if len("".join(c["source"]).strip().splitlines()) > 3 or _hidden(c)] == []
