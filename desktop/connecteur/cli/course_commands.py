"""``folders``, ``star`` and ``note``: a course folder scripted from the shell, through
the same user layer as the window (every change saved at once and undoable there).

    connecteur folders create "Manager en crise" --title "…" --audience DGS --date 12/03/2026
    connecteur folders add "Manager en crise" 2020-05-20/s1/lead/03 2020-07-03/s2
    connecteur star 2020-05-20/s1/lead/03          (--remove to take the star off)
    connecteur note 2020-05-20/s1/lead/03 "question d'ouverture"
    connecteur folders                             (the list, as before)

Every identifier is checked before anything is written: a bad one in a list leaves
the database as it was.
"""

from __future__ import annotations

import argparse
import sys

from connecteur.cli.terminal import one_line
from connecteur.cli.user_commands import open_user
from connecteur.cli.wording import count
from connecteur.corpus.reference import french_date
from connecteur.store.user.store import UserStore


def register(subparsers: argparse._SubParsersAction) -> None:
    _register_folders(subparsers)
    star = subparsers.add_parser("star", help="marque des éléments d'une étoile (favoris)",
                                 description="Ajoute des éléments à vos favoris, ou les en "
                                             "retire avec --remove.")
    star.add_argument("ids", nargs="+", metavar="ID", help="identifiant, par ex. "
                      "2020-05-20/s1/lead/03 (plusieurs possibles)")
    star.add_argument("--remove", action="store_true", help="retire l'étoile")
    star.set_defaults(run=run_star)
    note = subparsers.add_parser("note", help="ajoute une note à un élément",
                                 description="Ajoute une note (texte avec mise en forme "
                                             "légère : **gras**, *italique*, listes « - ») "
                                             "sous un élément.")
    note.add_argument("id", metavar="ID", help="identifiant, par ex. 2020-05-20/s1/lead/03")
    note.add_argument("text", metavar="TEXTE", help="texte de la note (entre guillemets)")
    note.set_defaults(run=run_note)


def _register_folders(subparsers: argparse._SubParsersAction) -> None:
    folders = subparsers.add_parser(
        "folders", help="vos dossiers de formation : lister, créer, remplir",
        usage="connecteur folders [list | create NOM [options] | add NOM ID…]",
        description="Sans action, liste vos dossiers de formation.")
    actions = folders.add_subparsers(title="actions", metavar="ACTION", dest="folders_action",
                                     parser_class=subparsers._parser_class)
    listing = actions.add_parser("list", help="liste vos dossiers (comme sans action)")
    listing.set_defaults(run=run_folders)
    create = actions.add_parser("create", help="crée un dossier de formation")
    create.add_argument("name", metavar="NOM", help="nom du dossier (unique, sans tenir "
                                                    "compte de la casse)")
    create.add_argument("--title", default="", metavar="TITRE",
                        help="titre imprimé sur la couverture du support")
    create.add_argument("--audience", default="", metavar="PUBLIC", help="public visé")
    create.add_argument("--date", metavar="DATE", help="date de la formation (AAAA-MM-JJ "
                                                       "ou JJ/MM/AAAA)")
    create.set_defaults(run=run_folders_create)
    add = actions.add_parser("add", help="ajoute des éléments à la fin d'un dossier")
    add.add_argument("name", metavar="NOM", help="nom du dossier")
    add.add_argument("ids", nargs="+", metavar="ID", help="identifiants (sessions, pistes, "
                                                          "terrains, ressources…)")
    add.set_defaults(run=run_folders_add)
    folders.set_defaults(run=run_folders)


def _check_ids(user: UserStore, ids: list[str]) -> list[str]:
    """The canonical IDs, or the French error for the first bad one (nothing written)."""
    return [user.catalogue.require(item_id).id for item_id in ids]


def _quoted(ids: list[str]) -> str:
    return ", ".join(ids) if len(ids) <= 3 else f"{', '.join(ids[:3])}…"


# --- folders ----------------------------------------------------------------------------

def run_folders(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        folders = user.folders.list()
    if not folders:
        print("Aucun dossier de formation pour l'instant.")
        return 0
    print(f"{count(len(folders), 'dossier')} de formation :")
    for folder in folders:
        details = [count(folder.size, "élément")]
        if folder.title:
            details.append(f"titre : {one_line(folder.title)}")
        if folder.audience:
            details.append(f"public : {one_line(folder.audience)}")
        if folder.date:
            details.append(french_date(folder.date))
        print(f"  {one_line(folder.name)} — " + " · ".join(details))
    return 0


def run_folders_create(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        folder = user.folders.create(args.name, title=args.title, audience=args.audience,
                                     date=args.date)
    print(f"Dossier « {one_line(folder.name)} » créé.")
    return 0


def run_folders_add(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        folder = user.folders.require(args.name)
        ids = _check_ids(user, args.ids)
        added = user.folders.add_items(folder.id, ids)
        size = user.folders.get(folder.id).size
    name = one_line(folder.name)
    if not added:
        print(f"Rien à ajouter : {'cet élément est' if len(ids) == 1 else 'ces éléments sont'} "
              f"déjà dans le dossier « {name} » ({count(size, 'élément')}).")
        return 0
    verb = "ajouté" if len(added) == 1 else "ajoutés"
    print(f"{count(len(added), 'élément')} {verb} au dossier « {name} » "
          f"({count(size, 'élément')} en tout).")
    return 0


# --- stars and notes ----------------------------------------------------------------------

def run_star(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        ids = _check_ids(user, args.ids)
        for item_id in dict.fromkeys(ids):
            if args.remove:
                user.stars.unstar(item_id)
            else:
                user.stars.star(item_id)
        total = len(user.stars.list())
    action = "Retiré des favoris" if args.remove else "Ajouté aux favoris"
    print(f"{action} : {_quoted(list(dict.fromkeys(ids)))} ({count(total, 'favori')} en tout).",
          file=sys.stdout)
    return 0


def run_note(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        note = user.notes.add(args.id, args.text)
        reference = user.catalogue.reference(user.catalogue.require(note.item_id))
    print(f"Note ajoutée sous {note.item_id} ({one_line(reference)}).")
    return 0
