"""Point to the kit's command line, which lives in :mod:`casekit.tools`: ``python -m casekit.tools <command>``."""

import sys

MESSAGE = (
    "The kit's commands moved: run `python -m casekit.tools <command>` "
    "(data, exercises, printables, preview, links, workshop), or the make targets in the README."
)


def main():
    """Print where the commands are now, and exit with status 2: nothing was run."""
    print(MESSAGE, file=sys.stderr)
    raise SystemExit(2)


if __name__ == "__main__":
    main()
