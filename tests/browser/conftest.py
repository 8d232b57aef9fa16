"""Real-browser fixtures: Debian's Chromium driven by Playwright, against servers on a free loopback port.

Without a Chromium at /usr/bin/chromium the browser tests are skipped with the
reason; under CI (CI=true) they fail instead, so a missing browser never
passes unnoticed.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from casekit.tools.workshop import voila_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "build" / "screenshots"


def _missing_browser():
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}; install Debian's package with `apt-get install chromium`"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing; run `make setup`"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests must run under CI, but {reason}.")
        pytest.skip(f"Browser tests skipped: {reason}.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class Page:
    """A browser page that records console errors and any request that leaves this machine."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1300, "height": 950})
        self.errors, self.external = [], []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "request",
            lambda request: (
                request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                or self.external.append(request.url)
            ),
        )

    def screenshot(self, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def new_page(browser):
    pages = []

    def make():
        pages.append(Page(browser))
        return pages[-1]

    yield make
    for page in pages:
        page.page.close()


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _serving(command, env, url, log):
    """Start a server, wait until `url` answers, and stop it afterwards."""
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server stopped early; see {log.name}")
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        raise RuntimeError(f"server did not answer at {url} within 120 s; see {log.name}")
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def voila_url(browser, tmp_path_factory):
    port = _free_port()
    command, env = voila_command(port, open_browser=False)
    url = f"http://127.0.0.1:{port}"
    with open(tmp_path_factory.mktemp("voila") / "voila.log", "w") as log, _serving(command, env, url + "/", log):
        yield url


@pytest.fixture(scope="session")
def lab_url(browser, tmp_path_factory):
    settings = tmp_path_factory.mktemp("lab-settings")
    # No news or update checks (they reach for the network and cover the page), and no autosave,
    # so running a notebook in the test never writes its outputs into the committed file.
    for plugin, values in {
        "apputils-extension/notification": {"checkForUpdates": False, "fetchNews": "false"},
        "docmanager-extension/plugin": {"autosave": False},
    }.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={ROOT}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("runtime")),
    }
    url = f"http://127.0.0.1:{port}"
    with open(settings.parent / "lab.log", "w") as log, _serving(command, env, url + "/lab", log):
        yield url


@pytest.fixture(scope="session")
def kit():
    """The same data and models the workshop pages build, for the plain-function twins."""
    import casekit

    train, test = casekit.split_pilot(casekit.load_citizens())
    without = casekit.train_pilot_tree(train, features=["gender", "age", "years_employed_5y", "education"])
    return {"test": test, "model": casekit.train_pilot_tree(train), "without_district": without}
