"""Getting the kit to people: a Binder-like install, links for Binder and JupyterHub, printables, the preview."""

import shutil
import subprocess
import sys

import pytest

from casekit.tools.delivery import ROOT, binder_links, build_preview, environment_packages, nbgitpuller_link
from casekit.tools.printables import PRINTABLES_DIR, write_printables

#: Run in the fresh environment, outside the repository: the installed kit loads, trains, audits and checks.
INSTALLED_KIT = """
import casekit, casekit.exercises
from casekit.exercises import ex05
citizens, train, test, model = casekit.pilot()
print(casekit.__file__)
print(casekit.evaluate(model, test))
print(ex05.share_missed.check(0.049).status, len(casekit.load_citizens("2019")))
"""


@pytest.mark.slow
def test_the_built_wheel_installed_outside_the_repository_runs_the_kit(tmp_path):
    """As Binder or a pip user would: what environment.yml lists, then the wheel (not editable), away from here."""
    env, away = tmp_path / "env", tmp_path / "elsewhere"
    away.mkdir()
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    python = str(env / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", *environment_packages()], check=True)
    subprocess.run([python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)], check=True)
    (wheel,) = tmp_path.glob("casekit-*.whl")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True)
    subprocess.run([python, "-m", "pip", "check"], check=True)  # the wheel's own requirements are met

    kit = subprocess.run([python, "-c", INSTALLED_KIT], cwd=away, capture_output=True, text=True, check=True)
    where, accuracy, check = kit.stdout.splitlines()
    assert str(env) in where and str(ROOT) not in where
    assert accuracy.startswith("Accuracy 88.7% on 2000 citizens")
    assert check == "correct 2000"

    # A notebook copied away from the kit, and the start page in place (its guide reads the kit's folder).
    away_copy = away / "01_prelude_pilot_analysis.ipynb"
    shutil.copy(ROOT / "notebooks" / away_copy.name, away_copy)
    for notebook in (away_copy, ROOT / "notebooks" / "00_start_here.ipynb"):
        executed = tmp_path / f"run_{notebook.name}"
        run = subprocess.run(
            [python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", str(notebook)]
            + ["--output", str(executed)],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr[-3000:]
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
