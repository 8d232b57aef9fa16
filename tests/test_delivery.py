"""Getting the kit to people: a Binder-like install, links for Binder and JupyterHub, printables, the preview."""

import subprocess
import sys

import pytest

from casekit.tools.delivery import ROOT, binder_links, build_preview, environment_packages, nbgitpuller_link
from casekit.tools.printables import PRINTABLES_DIR, write_printables


@pytest.mark.slow
def test_what_environment_yml_lists_installs_and_runs_the_start_page(tmp_path):
    """The closest check to a Binder build this machine allows: pip, a fresh environment, the start page."""
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    python = str(env / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", *environment_packages()], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--editable", str(ROOT)], check=True)
    executed = tmp_path / "start.ipynb"
    subprocess.run(
        [
            python,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            str(ROOT / "notebooks" / "00_start_here.ipynb"),
            "--output",
            str(executed),
        ],
        check=True,
        capture_output=True,
    )
    assert "Accuracy 88.7%" in executed.read_text(encoding="utf-8")


def test_binder_links_open_the_start_page_and_the_workshop():
    links = binder_links("owner/kit")
    assert links["start page"].endswith("?urlpath=lab/tree/notebooks/00_start_here.ipynb")
    assert links["workshop"].endswith("?urlpath=voila/render/workshop/0_start_here.ipynb")
    for target in ("notebooks/00_start_here.ipynb", "workshop/0_start_here.ipynb"):
        assert (ROOT / target).exists()


def test_the_nbgitpuller_link_names_the_repository_and_the_start_page():
    link = nbgitpuller_link("https://hub.uni.example/", "https://github.com/owner/kit.git", branch="teaching")
    assert link.startswith("https://hub.uni.example/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com")
    assert "urlpath=lab%2Ftree%2Fkit%2Fnotebooks%2F00_start_here.ipynb" in link and link.endswith("branch=teaching")


def test_a_hub_address_without_a_scheme_is_refused():
    with pytest.raises(ValueError, match=r"`hub_url` must be a web address starting with https://, but 'hub.example'"):
        nbgitpuller_link("hub.example", "https://github.com/owner/kit")


def test_a_repository_that_is_not_owner_slash_name_is_refused():
    with pytest.raises(ValueError, match=r"`github_repo` must look like 'owner/name', but 'kit' was passed"):
        binder_links("kit")


def test_the_printables_are_in_sync_with_the_people_and_principles(tmp_path):
    for written in write_printables(tmp_path):
        committed = PRINTABLES_DIR / written.name
        assert committed.read_text(encoding="utf-8") == written.read_text(encoding="utf-8"), (
            f"{committed} is out of date: run `python -m casekit.tools printables`"
        )


def test_every_role_play_character_has_a_card():
    cards = (PRINTABLES_DIR / "role_cards.md").read_text(encoding="utf-8")
    for name in ("Amin Roble", "Torben Juelsgaard", "Majbritt Herlev Nielsen", "Inge Reitov"):
        assert f"## {name}" in cards
    assert "## Tina S. Mortensen" not in cards, "people in no role-play get no card"


def test_the_preview_shows_a_notebook_with_its_outputs(tmp_path):
    pages = build_preview([ROOT / "notebooks" / "00_start_here.ipynb"], out_dir=tmp_path)
    assert [page.name for page in pages] == ["00_start_here.html", "index.html"]
    html = pages[0].read_text(encoding="utf-8")
    assert "Accuracy 88.7%" in html and "<img" in html
    assert "00_start_here.html" in pages[1].read_text(encoding="utf-8")


def test_the_old_command_says_where_the_commands_are_now(capsys):
    from casekit.__main__ import main

    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2 and "python -m casekit.tools <command>" in capsys.readouterr().err


def test_the_tools_command_lists_every_command(capsys):
    from casekit.tools.cli import COMMANDS, main

    with pytest.raises(SystemExit):
        main(["--help"])
    usage = capsys.readouterr().out
    assert all(f"python -m casekit.tools {command}" in usage for command in COMMANDS)
