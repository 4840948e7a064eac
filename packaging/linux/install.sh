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
    case "$1" in
        *[\\\"\`\$\&\|]*) fail "caractère non pris en charge dans « $1 »" ;;
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
    if [ -L "$DEST/bin/connecteur" ] \
            && [ "$(readlink "$DEST/bin/connecteur")" = "$PREFIX/lib/connecteur/Connecteur" ]; then
        rm -f "$DEST/bin/connecteur"
        rm -rf "$DEST/lib/connecteur"
    fi
    refresh_caches
    echo "Connecteur désinstallé de $DEST."
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

install_integration() {
    icons=$ICONS
    mkdir -p "$DEST/share/applications"
    command=connecteur quoted=connecteur
    if [ -n "$EXEC" ]; then
        command=$EXEC quoted="\"$EXEC\""
    fi
    sed -e "s|^Exec=connecteur |Exec=$quoted |" -e "s|^TryExec=connecteur\$|TryExec=$command|" \
        "$HERE/$APP_ID.desktop" > "$DEST/share/applications/$APP_ID.desktop"
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
