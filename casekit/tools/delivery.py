"""Get the kit to people: Binder and JupyterHub links, and a static preview with outputs.

``python -m casekit.tools links`` prints the links; ``python -m casekit.tools preview`` (or ``make preview``)
builds the preview.
"""

from pathlib import Path
from urllib.parse import quote, urlencode

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from casekit.tools import ROOT

START = "notebooks/00_start_here.ipynb"
WORKSHOP_START = "workshop/0_start_here.ipynb"
PREVIEW_DIR = ROOT / "build" / "preview"


def environment_packages(path=ROOT / "environment.yml"):
    """Return the pip requirements that ``environment.yml`` lists, as Binder would install them.

    Examples
    --------
    >>> "pandas==3.1.1" in environment_packages()
    True
    """
    text = Path(path).read_text(encoding="utf-8")
    return [line.strip()[2:] for line in text.split("- pip:")[1].splitlines() if line.strip().startswith("- ")]


def binder_links(github_repo, *, ref="HEAD"):
    """Return the Binder links that open the start page in JupyterLab and the workshop in Voilà.

    Parameters
    ----------
    github_repo : str
        ``"owner/name"`` of the kit on GitHub.

    Examples
    --------
    >>> binder_links("someone/jobcentre-kit")["start page"]
    'https://mybinder.org/v2/gh/someone/jobcentre-kit/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb'
    """
    if github_repo.count("/") != 1 or " " in github_repo:
        raise ValueError(f"`github_repo` must look like 'owner/name', but {github_repo!r} was passed.")
    base = f"https://mybinder.org/v2/gh/{github_repo}/{ref}?urlpath="
    return {"start page": base + f"lab/tree/{START}", "workshop": base + f"voila/render/{WORKSHOP_START}"}


def nbgitpuller_link(hub_url, repo_url, *, branch="main", path=START):
    """Return the link that copies (or updates) the kit into each student's hub account and opens `path`.

    Examples
    --------
    >>> print(nbgitpuller_link("https://hub.example.edu", "https://github.com/someone/jobcentre-kit"))
    https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fsomeone%2Fjobcentre-kit&urlpath=lab%2Ftree%2Fjobcentre-kit%2Fnotebooks%2F00_start_here.ipynb&branch=main
    """
    for name, url in (("hub_url", hub_url), ("repo_url", repo_url)):
        if not str(url).startswith(("https://", "http://")):
            raise ValueError(f"`{name}` must be a web address starting with https://, but {url!r} was passed.")
    folder = repo_url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode(
        {"repo": repo_url, "urlpath": f"lab/tree/{folder}/{path}", "branch": branch}, quote_via=quote, safe=""
    )
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def build_preview(notebooks=None, out_dir=PREVIEW_DIR):
    """Run each notebook in a fresh kernel and save it as a static HTML page with its outputs.

    Parameters
    ----------
    notebooks : list of paths, optional
        All of ``notebooks/`` by default.
    out_dir : path
        Where to write the pages and an ``index.html``.

    Returns
    -------
    list of pathlib.Path
        The pages written, the index last.
    """
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) if notebooks is None else list(notebooks)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    pages = []
    for path in map(Path, paths):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        body, _ = exporter.from_notebook_node(notebook)
        pages.append(out_dir / path.with_suffix(".html").name)
        pages[-1].write_text(body, encoding="utf-8")
    links = "".join(f"<li><a href='{page.name}'>{page.stem}</a></li>" for page in pages)
    index = out_dir / "index.html"
    index.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>A data-driven job centre: preview"
        "</title></head><body><h1>A data-driven job centre: the notebooks with their outputs</h1>"
        "<p>A static preview: every citizen is synthetic; interactive widgets do not work here.</p>"
        f"<ul>{links}</ul></body></html>\n",
        encoding="utf-8",
    )
    return pages + [index]
