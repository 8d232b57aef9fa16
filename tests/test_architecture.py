"""The house rules of docs/architecture.md, read from the code: who may import whom, no cycles, a job per module.

- the domain (every ``casekit`` module outside ``casekit.apps`` and ``casekit.tools``)
  imports neither the apps nor the tools: computation never depends on its display;
- only the tools import the tools: what a notebook imports never pulls in the build;
- the ``casekit`` modules import each other without a cycle, counting the
  imports inside functions too: an import deferred into a function to dodge a
  cycle at import time is still an arrow pointing the wrong way;
- every module opens with a docstring whose first line says its one job.

The imports are read with :mod:`ast`, not by importing the modules.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "casekit"
APPS, TOOLS = "casekit.apps", "casekit.tools"


def _name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _within(name, package):
    return name == package or name.startswith(package + ".")


def _statements(tree, *, deferred):
    """Every node of `tree`; with ``deferred=False``, none inside a function (what runs at import time)."""
    for node in ast.iter_child_nodes(tree):
        if deferred or not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield node
            yield from _statements(node, deferred=deferred)


def _imports(name, *, deferred=True):
    """The casekit modules `name` imports; ``from casekit import case`` counts as ``casekit.case``.

    With ``deferred=False``, only the imports that run when `name` is imported (none inside a function).
    """
    path = MODULES[name]
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8")), deferred=deferred):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {module for module in found if _within(module, "casekit")}


GRAPH = {name: _imports(name) for name in MODULES}
AT_IMPORT = {name: _imports(name, deferred=False) for name in MODULES}
DOMAIN = [name for name in MODULES if not _within(name, APPS) and not _within(name, TOOLS)]


def test_the_package_has_domain_apps_and_tools():
    assert APPS in MODULES and TOOLS in MODULES and "casekit.guide" in DOMAIN


@pytest.mark.parametrize("name", DOMAIN)
def test_no_domain_module_imports_the_apps_or_the_tools(name):
    wrong = sorted(m for m in GRAPH[name] if _within(m, APPS) or _within(m, TOOLS))
    assert wrong == [], f"{name} imports {wrong}: move what it needs out of the apps or the tools into the domain"


@pytest.mark.parametrize("name", [name for name in MODULES if not _within(name, TOOLS)])
def test_only_the_tools_import_the_tools(name):
    assert sorted(m for m in GRAPH[name] if _within(m, TOOLS)) == []


def _cycle(graph):
    """One import cycle in `graph` as a list of module names, or None (depth-first search)."""
    state, stack = {}, []

    def visit(name):
        state[name] = "open"
        stack.append(name)
        for target in sorted(graph.get(name, ())):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_modules_import_each_other_without_a_cycle_at_import_time():
    cycle = _cycle(AT_IMPORT)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_modules_import_each_other_without_a_cycle_even_inside_functions():
    cycle = _cycle(GRAPH)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle():
    graph = {**AT_IMPORT, "casekit.world": AT_IMPORT["casekit.world"] | {"casekit.data"}}
    assert _cycle(graph) is not None


def test_an_import_inside_a_function_counts_only_for_the_whole_graph():
    tree = ast.parse("import casekit.world\n\ndef f():\n    import casekit.audit\n")
    imported = {
        deferred: {
            alias.name
            for node in _statements(tree, deferred=deferred)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        for deferred in (True, False)
    }
    assert imported == {True: {"casekit.world", "casekit.audit"}, False: {"casekit.world"}}


@pytest.mark.parametrize("name", MODULES)
def test_every_module_says_its_one_job_in_its_first_line(name):
    docstring = ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8")))
    assert docstring, f"{name} has no docstring: open it with one line that says its one job"
    first = docstring.splitlines()[0]
    assert first.strip() and first.rstrip().endswith((".", "?")) and len(first) <= 120, (
        f"{name}'s docstring must open with one sentence on one line (at most 120 characters), but it opens {first!r}"
    )
