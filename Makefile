# Two commands on a fresh Debian or Ubuntu machine:
#   make run    set up .venv, install, open the app on the bundled demo edition
#   make test   set up, then run the whole test suite headless
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

# System libraries Qt needs at run time, and the tools the tests use to look at what the app
# makes (pdftoppm and friends, LibreOffice for Word files, Xvfb for a real window, Chromium
# for the web edition and the email, driven by Playwright: never a downloaded browser; Liberation
# Sans has Arial's metrics, so pages are measured as readers' machines lay them out), and one
# system font with Devanagari, which the test of the fallback to system fonts draws with.
QT_DEBS   := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
             libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
             libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
TEST_DEBS := poppler-utils libreoffice-writer-nogui xvfb chromium fonts-liberation2 \
             fonts-lohit-deva
# strip and objdump for the frozen build; checking the packages and the window from outside.
PACKAGE_DEBS := binutils
SMOKE_DEBS   := xvfb poppler-utils desktop-file-utils appstream xdotool imagemagick

.PHONY: run test bench fuzz lint package package-test package-deps system-deps test-deps \
        install clean

# The tests run offscreen; the app itself needs the real display.
run: system-deps install
	unset QT_QPA_PLATFORM; $(BIN)/bulletin-editor --demo

test: system-deps test-deps install
	$(BIN)/python -m pytest -q

bench: system-deps install
	$(BIN)/python bench/run.py

# The fuzz of load, validate, layout, export and save over mutated issue files, at length
# (the suite runs 300 cases; this runs FUZZ_EXAMPLES, 20,000 by default: about 15 minutes).
FUZZ_EXAMPLES ?= 20000
fuzz: system-deps install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz.py

lint: install
	$(BIN)/ruff check desktop_app resources templates tests bench packaging docs/user-guide docs/make_guide_pictures.py

# The frozen app (PyInstaller) in dist/soc-bulletin/, with its .tar.gz and .deb beside it:
# packaging/build.sh, the same script the release workflow runs. package-test is the frozen
# smoke test (packaging/smoke.sh). Neither is part of `make test`: a build takes minutes.
package: package-deps
	PY=$(PY) packaging/build.sh

package-test: package-deps
	@test -x dist/soc-bulletin/bulletin || $(MAKE) --no-print-directory package
	packaging/smoke.sh

package-deps: system-deps
	@$(PY) -c "import ensurepip, venv" 2>/dev/null || $(MAKE) --no-print-directory apt DEBS=python3-venv
	@$(MAKE) --no-print-directory apt DEBS="$(PACKAGE_DEBS) $(SMOKE_DEBS)"

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PY) -c "import ensurepip, venv" 2>/dev/null || $(MAKE) --no-print-directory apt DEBS=python3-venv
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	@$(MAKE) --no-print-directory apt DEBS="$(QT_DEBS)"

test-deps:
	@$(MAKE) --no-print-directory apt DEBS="$(TEST_DEBS)"

# Install the Debian packages in DEBS that are missing: as root with apt-get, otherwise print
# the one line to run. On a system without dpkg, say so and go on.
apt:
	@command -v dpkg >/dev/null || { echo "Not Debian/Ubuntu: install the equivalents of: $(DEBS)"; exit 0; }; \
	missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
	  echo "Missing system packages; run:  sudo apt-get install -y$$missing"; \
	fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
