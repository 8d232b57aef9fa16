"""Benchmark: how big is the environment `make lab` sets up, beside the bare design packages?

Run with ``python benchmarks/bench_install.py`` (a few minutes: two fresh
environments). The kit's environment is what ``make setup`` installs (the
package and its runtime requirements, no test tools). The baseline is
JupyterLab with the five libraries the design names (pandas, scikit-learn,
fairlearn, matplotlib, ipywidgets), at the kit's pinned versions. Goal: the
kit's environment within 1.15 x the baseline.
"""

import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.15
DESIGN = ("jupyterlab", "pandas", "scikit-learn", "fairlearn", "matplotlib", "ipywidgets")


def pins():
    """The runtime requirements of pyproject.toml, by package name."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return {requirement.split("==")[0]: requirement for requirement in dependencies}


def environment_megabytes(folder, requirements):
    """Create a fresh environment in `folder`, install `requirements`; return (megabytes, seconds)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", *requirements], check=True)
    seconds = time.perf_counter() - start
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return size / 2**20, seconds


def main():
    pinned = pins()
    with tempfile.TemporaryDirectory() as tmp:
        kit, kit_seconds = environment_megabytes(Path(tmp) / "kit", [str(ROOT)])
        base, base_seconds = environment_megabytes(Path(tmp) / "design", [pinned[name] for name in DESIGN])
    print(f"make lab's environment (the kit, no test tools): {kit:.0f} MB, installed in {kit_seconds:.0f} s")
    print(f"JupyterLab + the five design packages:           {base:.0f} MB, installed in {base_seconds:.0f} s")
    print(f"ratio {kit / base:.2f} (goal <= {GOAL}): {'met' if kit / base <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
