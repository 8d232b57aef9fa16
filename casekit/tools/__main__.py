"""Run the kit's tools from the command line: ``python -m casekit.tools <command>``."""

from casekit.tools.cli import main

if __name__ == "__main__":
    main()
