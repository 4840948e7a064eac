# Connecteur — set-up and everyday commands. See README.md.
#   make run    set up .venv if needed, then open the app on the bundled corpus
#   make test   same set-up with the test tools, then lint and the whole suite headless
#   make soak   the endurance test of the real window, for 20 minutes (SOAK_MINUTES)
#   make wheel  the Python distribution (wheel + sdist) in dist/, built offline
#   make package  the stand-alone Linux application dist/Connecteur/ (+ a .tar.gz)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PYTEST_ARGS ?=

.PHONY: run test soak lint bench db translations package wheel screenshots system-packages clean help

help:
	@sed -n '1,6p' Makefile

# A venv is stale when its interpreter no longer runs (Python upgraded or moved), or
# when it still holds PySide6-Pdf from the first release (its files overlap PySide6-Addons 6.11);
# the installed project is stale when pyproject.toml changed since the last install.
# Each step says what it does, and pip shows its own progress: the first install
# downloads about 330 MB (Qt), which takes a minute or more and must not look like a hang.
define fresh_venv
	@if ! $(PY) -c "" 2>/dev/null || $(PY) -m pip show -q PySide6-Pdf >/dev/null 2>&1; then \
		echo "→ environnement Python neuf dans $(VENV)/"; \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
endef
PIP_INSTALL = $(PY) -m pip install --disable-pip-version-check --progress-bar on

$(PY):
	$(fresh_venv)

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(fresh_venv)
	@echo "→ installation de Connecteur et de ses dépendances (≈ 330 Mo la première fois)"
	@$(PIP_INSTALL) -e .
	@touch $@

# The tests build the wheel and the PyInstaller bundle too, hence the package extra.
$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(fresh_venv)
	@echo "→ installation de Connecteur, des outils de test et de paquetage (≈ 400 Mo la première fois)"
	@$(PIP_INSTALL) -e '.[test,package]'
	@touch $@ $(VENV)/.installed-run $(VENV)/.installed-package

run: $(VENV)/.installed-run
	$(BIN)/connecteur

test: $(VENV)/.installed-test system-packages
	$(BIN)/ruff check desktop tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The endurance test of the real window for SOAK_MINUTES (20 by default), same checks.
SOAK_MINUTES ?= 20
soak: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen SOAK_MINUTES=$(SOAK_MINUTES) $(PY) -m pytest -q -s \
		-p no:cacheprovider tests/ui/test_ui_soak.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests benchmarks

# Debian packages beyond Python: xdg-open and gio open connecteur:// links in
# tests/packaging/test_packaging_links.py (with update-desktop-database), and the X11
# libraries of Qt's xcb plugin go into the stand-alone bundle (make package; its test
# fails when one is missing). Installed only when missing and apt-get runs without a
# password (root, as in CI); elsewhere the command to run is printed.
SYSTEM_PACKAGES = xdg-utils libglib2.0-bin desktop-file-utils libxcb-cursor0 libxcb-icccm4 \
	libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 \
	libxcb-xkb1 libxkbcommon-x11-0
APT_GET = apt-get -y -qq -o=Dpkg::Use-Pty=0

system-packages:
	@command -v dpkg-query >/dev/null || exit 0; \
	missing=$$(for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q ' installed$$' || echo $$p; \
		done | tr '\n' ' '); \
	[ -n "$$missing" ] || exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "→ installation des paquets Debian $$missing(tests des liens, application autonome)"; \
		$(APT_GET) install --no-install-recommends $$missing >/dev/null 2>&1 \
		|| { $(APT_GET) update >/dev/null 2>&1 \
		     && $(APT_GET) install --no-install-recommends $$missing >/dev/null 2>&1; } \
		|| echo "→ échec ; à faire à la main : apt-get install $$missing"; \
	else \
		echo "→ paquets Debian absents (tests des liens sautés, application autonome"; \
		echo "  incomplète) : sudo apt install $$missing"; \
	fi

# Rebuild the bundled database (and db/schema.sql) from resources/.
db: $(VENV)/.installed-run
	$(BIN)/connecteur build

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# --- packaging (see packaging/README.md) ------------------------------------------------
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/connecteur/__init__.py)
ARCH    = $(shell uname -m)
TARBALL = dist/Connecteur-$(VERSION)-linux-$(ARCH).tar.gz

$(VENV)/.installed-package: pyproject.toml | $(PY)
	$(fresh_venv)
	@echo "→ installation de Connecteur, des outils de test et de paquetage (≈ 400 Mo la première fois)"
	@$(PIP_INSTALL) -e '.[test,package]'
	@touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

# No build isolation: the build tools of .venv are used, nothing is downloaded.
wheel: $(VENV)/.installed-package
	$(PY) -m build --no-isolation --outdir dist .

# PyInstaller (search index prebuilt inside), then the bundle's own tests, then the
# archive a trainer unpacks (Connecteur/linux/install.sh ~/.local installs it).
# PyInstaller keeps its cache in build/ too, not in ~/.cache/pyinstaller.
package: $(VENV)/.installed-package system-packages
	PYINSTALLER_CONFIG_DIR=build/pyinstaller-config \
		$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/connecteur.spec
	CONNECTEUR_BUNDLE=dist/Connecteur QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q tests/packaging/test_packaging_bundle.py
	tar -C dist -czf $(TARBALL).part Connecteur && mv $(TARBALL).part $(TARBALL)
	@du -sh dist/Connecteur $(TARBALL)

# The AppStream screenshots, under the names packaging/linux/fr.cnfpt.Connecteur.metainfo.xml
# gives them, in build/screenshots/ (the window offscreen, with a throwaway CONNECTEUR_HOME).
screenshots: $(VENV)/.installed-run
	QT_QPA_PLATFORM=offscreen $(PY) packaging/screenshots.py build/screenshots

clean:
	rm -rf build dist *.egg-info desktop/*.egg-info .pytest_cache .ruff_cache

# The window's strings (French source) → resources/translations/connecteur_en.ts
# (translate it with Qt Linguist: .venv/bin/pyside6-linguist), then compiled to .qm.
TS_FILES := resources/translations/connecteur_en.ts
# What Qt's own French catalogue lacks for its dialogs (edited by hand, compiled here).
QT_SUPPLEMENT_TS := resources/translations/qt_supplement_fr.ts

translations: $(VENV)/.installed-run
	$(BIN)/pyside6-lupdate $(shell find desktop/connecteur/ui -name '*.py' | sort) -source-language fr_FR \
		-target-language en_GB -no-obsolete -locations none -ts $(TS_FILES)
	$(BIN)/pyside6-lrelease $(TS_FILES) $(QT_SUPPLEMENT_TS)
