"""Opening the window (imported only when no subcommand is given, so that the
command-line tools never load Qt)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    try:
        from connecteur.ui.app import run
    except ModuleNotFoundError as exc:
        if exc.name != "connecteur.ui.app":
            raise
        # The window is not built yet: show what the library holds instead.
        from connecteur.cli.library_commands import run_stats

        args.json, args.warnings = False, False
        return run_stats(args)
    return run(args)
