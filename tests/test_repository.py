"""The repository a user clones: set-up files that agree, notebooks without outputs."""

import json
import re
import tomllib
from pathlib import Path

import pytest

from casekit.tools.delivery import environment_packages

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = (
    sorted(ROOT.glob("notebooks/*.ipynb"))
    + sorted(ROOT.glob("exercises/**/*.ipynb"))
    + sorted(ROOT.glob("workshop/*.ipynb"))
    + sorted(ROOT.glob("casekit/exercises/*.ipynb"))
)


def _pins(lines):
    return dict(re.match(r"^([A-Za-z0-9_.-]+)==(\S+)$", line).groups() for line in lines)


def test_environment_yml_and_pyproject_pin_the_same_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    in_pyproject = _pins(project["dependencies"] + project["optional-dependencies"]["test"])
    assert _pins(environment_packages()) == in_pyproject


def test_environment_yml_python_is_one_the_package_supports():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    version = re.search(r"- python=(3\.\d+)", text).group(1)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11" and int(version.split(".")[1]) >= 11


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```\n(make \w+)\n```", readme)
    assert commands == ["make lab", "make test", "make workshop"]
    ci_lines = [line.strip() for line in (ROOT / ".ci/run").read_text().splitlines()]
    assert "make test" in ci_lines


def test_the_danish_readme_is_linked_at_the_top_and_gives_the_same_commands_in_the_same_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    danish = (ROOT / "README.da.md").read_text(encoding="utf-8")
    assert "Dansk: [README.da.md](README.da.md)" in readme.split("\n## ")[0]
    commands = re.compile(r"```\n(make \w+)\n```")
    assert commands.findall(danish) == commands.findall(readme)
    links = re.findall(r"\]\(([^)#\s]+)\)", danish)
    assert "README.md" in links and [link for link in links if not (ROOT / link).exists()] == []


def test_make_lab_opens_the_start_page():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. notebooks/00_start_here.ipynb" in makefile
    assert (ROOT / "notebooks/00_start_here.ipynb").exists()


def _recipe(makefile, target):
    """The prerequisites and commands of one Makefile target."""
    head = re.search(rf"^{re.escape(target)}:(.*)$", makefile, re.M)
    body = makefile[head.end() :].split("\n\n")[0]
    return head.group(1).split(), body


def test_make_lab_installs_only_what_running_the_kit_needs_and_make_test_adds_the_test_tools():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab_needs, _ = _recipe(makefile, "lab")
    _, runtime = _recipe(makefile, "$(VENV)/.installed")
    assert lab_needs == ["setup"] and "--editable ." in runtime and "[test]" not in runtime
    test_needs, _ = _recipe(makefile, "test")
    _, with_tests = _recipe(makefile, "$(VENV)/.installed-test")
    assert test_needs == ["setup-test"] and '".[test]"' in with_tests


def test_the_wheel_lists_every_subpackage_and_ships_what_the_kit_reads():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {
        "casekit." + str(p.parent.relative_to(ROOT / "casekit")).replace("/", ".")
        for p in ROOT.glob("casekit/*/__init__.py")
    }
    assert set(config["packages"]) == {"casekit", "casekit.datasets"} | found
    assert config["package-dir"] == {"casekit.datasets": "data"}
    data = config["package-data"]
    assert "*.csv" in data["casekit.datasets"] and "*.ipynb" in data["casekit.exercises"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert not cell["outputs"] and cell["execution_count"] is None, f"{path.name} has outputs; clear them"


def test_the_citation_names_the_kit_and_the_original_case():
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    for words in ("Et datadrevet jobcenter: Fiktiv case-beskrivelse", "Røhl", "Elmholdt", "Aalborg University"):
        assert words in citation


def test_the_readme_says_where_to_get_the_case_and_that_citizens_are_synthetic():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Et datadrevet jobcenter" in readme and "vbn.aau.dk" in readme
    assert "Every citizen in the kit is synthetic" in readme
    for path in ("LICENSE", "LICENSE-TEXT.md", "CITATION.cff", "data/README.md", "environment.yml"):
        assert path in readme and (ROOT / path).exists()
