"""Entry point of the stand-alone bundle: the same ``connecteur`` command as the one
pip installs (the window without arguments, the subcommands otherwise)."""

import sys

from connecteur.cli import main

if __name__ == "__main__":
    sys.exit(main())
