"""Opening the window (imported only when no subcommand is given, so that the
command-line tools never load Qt)."""

from __future__ import annotations

import argparse
import sys

from connecteur.app.display import display_problem

EXIT_NO_DISPLAY = 1


def run_gui(args: argparse.Namespace) -> int:
    # A running window takes the link without this process needing a display.
    if not getattr(args, "exit_when_ready", False) and _handed_off(getattr(args, "url", None)):
        return 0
    problem = display_problem()
    if problem:
        print(f"connecteur : {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from connecteur.ui.shell.launch import run

    return run(args)


def _handed_off(url: str | None) -> bool:
    """A window is already open for this user: give it the link and stop here, before
    the window's imports (see connecteur/ui/shell/single_instance.py)."""
    from connecteur.ui.shell.single_instance import hand_off

    return hand_off(url)
