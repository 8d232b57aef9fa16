"""Command line: ``python -m casekit data [FOLDER]`` regenerates the data files."""

import argparse

from casekit.data import DATA_DIR, write_data


def main(argv=None):
    """Run the command line."""
    parser = argparse.ArgumentParser(prog="python -m casekit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="regenerate the synthetic citizens and the codebook")
    data.add_argument("folder", nargs="?", default=DATA_DIR, help="where to write (default: the kit's data/)")
    args = parser.parse_args(argv)
    for path in write_data(args.folder):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
