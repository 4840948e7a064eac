#!/bin/sh
# Install Connecteur's desktop integration (launcher, icons, AppStream metadata, the
# connecteur:// link handler) under a prefix, and optionally the stand-alone bundle.
#
#   install.sh PREFIX                 launcher, icons and metadata only (the
#                                     `connecteur` command comes from pip or a package)
#   install.sh --bundle DIR PREFIX    also copy the bundle DIR (dist/Connecteur) to
#                                     PREFIX/lib/connecteur and link PREFIX/bin/connecteur
#   install.sh --exec CMD PREFIX      write CMD (absolute path of the `connecteur`
#                                     command, e.g. inside a virtualenv) in the launcher
#   install.sh --uninstall PREFIX     remove what the forms above installed
#
# PREFIX is ~/.local for one user (no root needed) or /usr/local for everyone.
# DESTDIR is honoured for distribution packagers (files go to $DESTDIR$PREFIX, caches
# are then left to the package manager). Inside a bundle (Connecteur/linux/install.sh)
# --bundle defaults to that bundle.
set -eu

APP_ID=fr.cnfpt.Connecteur
SIZES="16 24 32 48 64 128 256 512"
HERE=$(cd "$(dirname "$0")" && pwd)

usage() {
    echo "usage : $0 [--bundle DOSSIER] [--exec COMMANDE] [--uninstall] PRÉFIXE" >&2
    echo "        PRÉFIXE : ~/.local pour vous seul, /usr/local pour tous" >&2
    exit 2
}

fail() {
    echo "install.sh : $*" >&2
    exit 1
}

BUNDLE="" UNINSTALL=0 EXEC=""
while [ $# -gt 1 ]; do
    case "$1" in
        --bundle) [ $# -ge 3 ] || usage; BUNDLE=$2; shift 2 ;;
        --exec) [ $# -ge 3 ] || usage; EXEC=$2; shift 2 ;;
        --uninstall) UNINSTALL=1; shift ;;
        *) usage ;;
    esac
done
[ $# -eq 1 ] || usage
case "$1" in
    /*) PREFIX=$1 ;;
    *) PREFIX=$(pwd)/$1 ;;
esac
DEST=${DESTDIR:-}$PREFIX

# Where the icons are: in the source checkout, or inside the bundle this script sits in.
find_icons() {
    for dir in "$HERE/../../resources/icons/app" \
               "$HERE/../_internal/connecteur/_resources/icons/app"; do
        if [ -f "$dir/connecteur.svg" ]; then
            echo "$dir"
            return
        fi
    done
    fail "icônes introuvables à côté de $HERE"
}

if [ -z "$BUNDLE" ] && [ -x "$HERE/../Connecteur" ] && [ "$UNINSTALL" -eq 0 ]; then
    BUNDLE=$HERE/..
fi

# Check everything before writing anything.
check_exec() {
    case "$1" in
        /*) ;;
        *) fail "--exec attend un chemin absolu, pas « $1 »" ;;
    esac
    # A line break cannot be written in a launcher; GLib checks that the command
    # exists before it expands %% into %, so no escaping makes a % work there.
    case "$1" in
        *[[:cntrl:]%]*) fail "caractère non pris en charge (% ou caractère de contrôle)" \
                             "dans « $1 » : choisissez un autre chemin" ;;
    esac
}
[ -z "$EXEC" ] || check_exec "$EXEC"
[ -z "$BUNDLE" ] || [ -x "$BUNDLE/Connecteur" ] || fail "pas d'application autonome dans $BUNDLE"
[ -z "$BUNDLE" ] || check_exec "$PREFIX/bin/connecteur"
[ "$UNINSTALL" -eq 1 ] || ICONS=$(find_icons)

refresh_caches() {
    [ -z "${DESTDIR:-}" ] || return 0
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DEST/share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 \
            && [ -f "$DEST/share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$DEST/share/icons/hicolor" || true
    fi
}

uninstall() {
    rm -f "$DEST/share/applications/$APP_ID.desktop" \
          "$DEST/share/metainfo/$APP_ID.metainfo.xml" \
          "$DEST/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        rm -f "$DEST/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    # This script may be the installed copy (PREFIX/lib/connecteur/linux/install.sh):
    # the shell keeps reading it after its folder is removed, and nothing runs from
    # there afterwards.
    if [ -L "$DEST/bin/connecteur" ] \
            && [ "$(readlink "$DEST/bin/connecteur")" = "$PREFIX/lib/connecteur/Connecteur" ]; then
        rm -f "$DEST/bin/connecteur"
        rm -rf "$DEST/lib/connecteur"
    fi
    refresh_caches
    # Where the app keeps what it writes (connecteur/paths.py, Linux, no CONNECTEUR_HOME).
    data=${XDG_DATA_HOME:-${HOME:-}/.local/share}/CNFPT/Connecteur
    cache=${XDG_CACHE_HOME:-${HOME:-}/.cache}/CNFPT/Connecteur
    echo "Connecteur désinstallé de $DEST."
    echo "Vos annotations ($data) et le cache (index de recherche, QR codes : $cache)" \
         "sont conservés ; supprimez ces dossiers vous-même pour tout effacer."
}

install_bundle() {
    mkdir -p "$DEST/lib" "$DEST/bin"
    # Copy beside, then swap, so that a failed copy leaves the old version working.
    rm -rf "$DEST/lib/connecteur.new"
    cp -R "$BUNDLE/." "$DEST/lib/connecteur.new"
    rm -rf "$DEST/lib/connecteur"
    mv "$DEST/lib/connecteur.new" "$DEST/lib/connecteur"
    ln -sfn "$PREFIX/lib/connecteur/Connecteur" "$DEST/bin/connecteur"
    # The launcher must not depend on PREFIX/bin being on the session's PATH.
    EXEC=${EXEC:-$PREFIX/bin/connecteur}
}

# The Exec= value of the launcher for the command $1 (Desktop Entry Specification,
# "The Exec key"): as it is when it holds no reserved character, which every launcher
# reads (xdg-open 1.1.3 in its generic mode takes the first word literally, quotes
# included, and fails on a quoted command); else in double quotes with \ " ` $
# escaped, then every backslash doubled (the string escapes apply before the quoting
# rule). (check_exec refused % and control characters.)
desktop_exec() {
    value=$1
    case "$1" in
        *[[:space:]\"\'\\\>\<\~\|\&\;\$\*\?\#\(\)\`]*)
            value=$(printf '%s\n' "$value" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
            value="\"$value\"" ;;
    esac
    printf '%s\n' "$value"
}

# The TryExec= value: a plain string, only backslashes are escaped.
desktop_string() {
    printf '%s\n' "$1" | sed -e 's/\\/\\\\/g'
}

# Copy the launcher, with the command's path in Exec= and TryExec= when one is given.
write_launcher() {
    exec_value=connecteur try_value=connecteur
    if [ -n "$EXEC" ]; then
        exec_value=$(desktop_exec "$EXEC") try_value=$(desktop_string "$EXEC")
    fi
    while IFS= read -r line; do
        case "$line" in
            "Exec=connecteur "*) printf 'Exec=%s %s\n' "$exec_value" "${line#Exec=connecteur }" ;;
            "TryExec=connecteur") printf 'TryExec=%s\n' "$try_value" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done < "$HERE/$APP_ID.desktop" > "$1"
    case "$exec_value" in
        \"*) echo "Remarque : « $EXEC » contient une espace ou un caractère spécial ; le" \
                   "lanceur le met entre guillemets, mais xdg-open 1.1 hors d'un bureau" \
                   "reconnu ne sait pas l'ouvrir : les liens connecteur:// y échoueront." \
                   "Un préfixe sans espace l'évite." >&2 ;;
    esac
}

install_integration() {
    icons=$ICONS
    mkdir -p "$DEST/share/applications"
    write_launcher "$DEST/share/applications/$APP_ID.desktop"
    chmod 644 "$DEST/share/applications/$APP_ID.desktop"
    install -D -m 644 "$HERE/$APP_ID.metainfo.xml" "$DEST/share/metainfo/$APP_ID.metainfo.xml"
    install -D -m 644 "$icons/connecteur.svg" "$DEST/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        install -D -m 644 "$icons/connecteur-$size.png" \
            "$DEST/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
}

if [ "$UNINSTALL" -eq 1 ]; then
    uninstall
    exit 0
fi
if [ -n "$BUNDLE" ]; then
    install_bundle
fi
install_integration
refresh_caches
echo "Connecteur installé dans $DEST."
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) [ -z "$BUNDLE" ] || echo "Ajoutez $PREFIX/bin à votre PATH pour lancer « connecteur »." ;;
esac
