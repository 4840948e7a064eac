"""The ``connecteur`` command: the window with no arguments, subcommands otherwise.

Each subcommand lives in its own module exposing ``register(subparsers)``; the
parsed arguments carry the function to run as ``args.run``. Every failure the user
can act on reaches them as one French sentence and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from contextlib import suppress
from importlib import import_module
from pathlib import Path

import connecteur
from connecteur import paths
from connecteur.cli.terminal import say
from connecteur.errors import ConnecteurError

# Modules under connecteur.cli that add subcommands, in the order of `--help`.
COMMAND_MODULES = ("library_commands", "search_command", "related_command", "handout_command",
                   "user_commands", "course_commands", "document_commands")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


# argparse's own sentences (usage, help, errors), in French: argparse looks its
# messages up through the module-level gettext function `_` at call time.
_ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "options": "options",
    "positional arguments": "arguments",
    "show this help message and exit": "affiche cette aide et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}
argparse._ = lambda message: _ARGPARSE_FR.get(message, message)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that says what went wrong in one French line.

    A subcommand whose words are free text (``search crise -covid``) sets
    ``free_text`` to the name of its positional argument: then only its own options,
    written in full, are options; any other word, even one that starts with "-"
    (``-covid``, ``-type:ressource``, ``-hôpital``), belongs to the text, wherever it
    stands, and everything after ``--`` too.
    """

    free_text: str | None = None

    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"connecteur : {message}\n")

    def _parse_optional(self, arg_string: str) -> tuple | None:  # type: ignore[override]
        if self.free_text and arg_string != "--" and not self._own_option(arg_string):
            return None  # a word of the text
        return super()._parse_optional(arg_string)

    def _own_option(self, arg_string: str) -> bool:
        name = arg_string.split("=", 1)[0] if arg_string.startswith("--") else arg_string
        return name in self._option_string_actions


def _gather_free_text(parser: argparse.ArgumentParser, args: argparse.Namespace,
                      extras: list[str]) -> None:
    """Put the words argparse left over back into the free text, in the order typed
    (argparse gives a positional only the words before the first option)."""
    dest = getattr(args, "free_text", None)
    if dest is None:
        if extras:
            parser.error(argparse._("unrecognized arguments: %s")  # type: ignore[attr-defined]
                         % " ".join(extras))
        return
    words = [*(getattr(args, dest) or []), *extras]
    if "--" in words:
        words.remove("--")
    if not words:
        parser.error(argparse._("the following arguments are required: %s")  # type: ignore[attr-defined]
                     % "REQUÊTE")
    setattr(args, dest, words)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="connecteur",
        usage="connecteur [--db FICHIER] [--exit-when-ready] [connecteur://ID | COMMANDE ...]",
        description="Connecteur Recherche 2020 : lire, chercher, annoter et imprimer. "
                    "Sans commande, ouvre la fenêtre (sur l'élément connecteur://ID s'il est "
                    "donné).",
        epilog="Les fichiers écrits par l'application vont dans $CONNECTEUR_HOME "
               "quand cette variable est définie.")
    parser.add_argument("--version", action="version",
                        version=f"connecteur {connecteur.__version__}",
                        help="affiche la version et quitte")
    parser.add_argument("--db", metavar="FICHIER", type=paths.Path,
                        help="base du corpus à utiliser (par défaut : la base livrée)")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="ouvre la fenêtre, attend qu'elle soit prête, affiche le temps "
                             "de démarrage et quitte (tests, mesures)")
    parser.set_defaults(run=None)
    subparsers = parser.add_subparsers(title="commandes", metavar="COMMANDE", dest="command",
                                       parser_class=_Parser)
    for name in COMMAND_MODULES if commands else ():
        try:
            module = import_module(f"connecteur.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"connecteur.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def _window_only(argv: list[str]) -> bool:
    """Whether argv only opens the window (``--db``, ``--exit-when-ready``, a
    ``connecteur://`` link): then the command modules, whose imports (ReportLab,
    Whoosh) would slow the window's start, are not loaded at all."""
    rest = iter(argv)
    for arg in rest:
        if arg == "--exit-when-ready" or arg.startswith(("connecteur:", "--db=")):
            continue
        if arg == "--db" and next(rest, None) is not None:
            continue
        return False
    return True


def _split_gui_url(argv: list[str], commands: set[str]) -> tuple[list[str], str | None]:
    """Take the window's ``connecteur://`` link out of argv (argparse cannot mix an
    optional positional with subcommands); a link given to a command stays put."""
    for i, arg in enumerate(argv):
        if arg in commands:
            break
        if arg.startswith("connecteur:"):
            return argv[:i] + argv[i + 1:], arg
    return argv, None


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {name for action in parser._subparsers._group_actions  # type: ignore[union-attr]
            for name in getattr(action, "choices", {}) or {}}


LOG_FILE_NAME = "connecteur.log"
LOG_MAX_BYTES = 1 * 2**20   # then the log starts over (the previous one kept as .1)


def _append_to_log(text: str) -> Path | None:
    """Append ``text`` to the log file; None when it cannot be written (a read-only
    home): the log is for details, never a reason to fail."""
    try:
        log_file = paths.ensure_dir(paths.logs_dir()) / LOG_FILE_NAME
        if log_file.is_file() and log_file.stat().st_size > LOG_MAX_BYTES:
            os.replace(log_file, log_file.with_name(LOG_FILE_NAME + ".1"))
        with log_file.open("a", encoding="utf-8", errors="backslashreplace") as stream:
            stream.write(text if text.endswith("\n") else text + "\n")
        return log_file
    except OSError:
        return None


class _LogFileHandler(logging.Handler):
    """Warnings and their tracebacks go to the log file, not to the terminal: the user
    reads French sentences (a rebuilt index, an index kept in memory), the details
    are in the file for whoever needs them."""

    def emit(self, record: logging.LogRecord) -> None:
        with suppress(Exception):  # a record that cannot even be formatted is dropped
            _append_to_log(self.format(record))


def _configure_logging() -> None:
    handler = _LogFileHandler(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)


def _log_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log file; return where it went (or why not)."""
    written = _append_to_log("".join(traceback.format_exception(exc)))
    return str(written) if written else "aucun journal n'a pu être écrit"


def _prepare_streams() -> None:
    """UTF-8 when redirected; and what cannot be encoded anyway (a lone surrogate that
    slipped through) is replaced rather than failing half-way through the output."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        if stream.isatty():
            stream.reconfigure(errors=errors)
        else:
            stream.reconfigure(encoding="utf-8", errors=errors)


def _unreadable_argument(argv: list[str]) -> str | None:
    """An argument that is not valid UTF-8 (its bad bytes arrive as lone surrogates)."""
    return next((arg for arg in argv if any("\ud800" <= c <= "\udfff" for c in arg)), None)


def main(argv: Sequence[str] | None = None) -> int:
    _prepare_streams()
    given = list(sys.argv[1:] if argv is None else argv)
    unreadable = _unreadable_argument(given)
    if unreadable is not None:
        say(f"connecteur : l'argument « {unreadable} » n'est pas du texte UTF-8 valide "
            "(« � » marque les octets illisibles).", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(commands=not _window_only(given))
    args_list, url = _split_gui_url(given, _command_names(parser))
    args, extras = parser.parse_known_args(args_list)
    _gather_free_text(parser, args, extras)
    args.url = url
    _configure_logging()
    try:
        if args.run is None:
            from connecteur.cli.gui import run_gui

            return run_gui(args)
        return int(args.run(args) or EXIT_OK)
    except ConnecteurError as exc:
        say(f"connecteur : {exc.message}", file=sys.stderr)
        if exc.hint:
            say(exc.hint, file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `| head`) left: not an error
        return EXIT_OK
    except KeyboardInterrupt:
        print("connecteur : interrompu.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last resort: never a traceback in the user's face
        where = _log_unexpected(exc)
        say(f"connecteur : erreur inattendue ({type(exc).__name__} : {exc}). "
            f"Détails : {where}", file=sys.stderr)
        return EXIT_ERROR
