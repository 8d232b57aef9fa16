"""Command line: ``python -m casekit data [FOLDER]`` regenerates the data files;
``python -m casekit exercises`` builds the exercise sets' student and solutions versions;
``python -m casekit workshop`` serves the workshop apps."""

import argparse

from casekit.data import DATA_DIR, write_data
from casekit.exercises.build import build
from casekit.workshop import serve


def main(argv=None):
    """Run the command line."""
    parser = argparse.ArgumentParser(prog="python -m casekit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="regenerate the synthetic citizens and the codebook")
    data.add_argument("folder", nargs="?", default=DATA_DIR, help="where to write (default: the kit's data/)")
    exercises = commands.add_parser("exercises", help="build the student and solutions versions of the exercise sets")
    exercises.add_argument("pattern", nargs="?", default="[0-9][0-9]_*.ipynb", help="which sources, e.g. '03_*'")
    workshop = commands.add_parser("workshop", help="serve the workshop apps with Voilà on 127.0.0.1")
    workshop.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    if args.command == "workshop":
        serve(args.port)
    paths = write_data(args.folder) if args.command == "data" else build(pattern=args.pattern)
    for path in paths:
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
