# The two commands a newcomer needs (see README.md):  make site   and   make test
# Each one creates .venv and installs the exact, hash-locked packages it needs, if not done already.

VENV := .venv
BIN := $(VENV)/bin
# The Python that makes .venv: 3.11, 3.12, 3.13 or 3.14 (see README.md). Pick one with
# `make site PYTHON=python3.13`; .venv is then made again with it. Without PYTHON, an existing
# .venv is kept whatever its version, and a new one is made with python3.
PYTHON ?= $(if $(wildcard $(BIN)/python),$(BIN)/python,python3)
export NO_MKDOCS_2_WARNING := 1
# Python's compiled modules go to .cache/python/, not beside the sources (issue 21: compiling
# peaceops' modules again on every run was part of `make check`'s wait).
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/python
# ... and are written there even where the environment says not to: with PYTHONDONTWRITEBYTECODE set,
# the prefix made Python compile its own standard library again on every run, ignoring the copy it
# ships (a third of `make check`'s time on a machine that sets it).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: site check serve schema watch find test mutate accessibility-record screenshots benchmark lock clean

## site: check the data, then build the English and French site into site/ (safely: see peaceops/cli.py)
site: $(VENV)/.site
	@$(call quietly,$(BIN)/python -m peaceops build)

# A failed check (or build) has already said what is wrong, one line per problem, and ended with its
# own summary ("2 problems in data/missions.yaml; nothing was built."). GNU make would then add
# "make: *** [Makefile:40: check] Error 1", which reads like a crash to an editor; it prints that
# line for every failed recipe unless the failure is ignored, and an ignored failure would let CI
# pass. So when the command fails, the recipe ends make itself, quietly: SIGPIPE is the one signal
# that neither make nor the shells (sh, bash, zsh) report. make then exits with status 141, not 0,
# and CI and pre-commit hooks still fail (tests/test_check_command.py runs make check both ways).
quietly = $(1) || { status=$$?; kill -PIPE $$PPID; exit $$status; }

## check: check the data and pages only, and print every problem (fast; for editors and pre-commit)
check: $(VENV)/.site
	@$(call quietly,$(BIN)/python -m peaceops check)

## serve: preview at http://127.0.0.1:8000/ ; rebuilds when data/, content/ or theme/ change,
##        prints any problem and keeps serving the last good version until it is fixed (peaceops/mkdocs/preview.py)
serve: $(VENV)/.site
	$(BIN)/python -m peaceops serve --dev-addr 127.0.0.1:8000

## find: where a text the site shows is written: make find TEXT="words as the page shows them" prints
##       the file and line of each line of data/, content/ and mkdocs*.yml that holds them (either language)
export TEXT
find: $(VENV)/.site
	@$(call quietly,$(BIN)/python -m peaceops find -- "$$TEXT")

## schema: regenerate schema/*.schema.json (editors' help while typing) from the data model
schema: $(VENV)/.site
	$(BIN)/python -m peaceops schema

## watch: read every address in data/sources.yaml (politely) and report, one line each, what changed, moved,
##        is gone or could not be reached, with the records to review; records what it found in
##        data/checks/sources.json, which editors commit (peaceops/watch/). It never edits the data.
##        Options go in WATCH_OPTIONS (python -m peaceops watch --help); against the tests' local sites:
##        .venv/bin/python tests/sourceserver.py prints the command.
watch: $(VENV)/.site
	$(BIN)/python -m peaceops watch $(WATCH_OPTIONS)

## test: every test, browser tests included, on TEST_WORKERS processes (pytest-xdist; each test file is
##       run in order by one worker, so its fixtures are made once: tests/conftest.py). TEST_WORKERS=0
##       runs them in this one. Three on two cores: while one waits (a page deadline, the preview's pause,
##       a browser's answer) the others use the cores; measured in benchmarks/RESULTS.md (issue 31, third round).
TEST_WORKERS ?= 3
test: $(VENV)/.test
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

## mutate: mutation testing of the modules where the rules live (mutmut; [tool.mutmut] in pyproject.toml
##         names them and their tests). Not part of make test: all of them take an afternoon on 2 cores.
##         Some only: make mutate MUTANTS='peaceops.facts.*'. Prints the score per module; the results
##         and every surviving mutant's explanation are in tests/MUTATION.md. mutmut works in mutants/.
##         MUTATE_CHILDREN: mutants tested at once (1: the two cores are shared; more on a machine of your own).
MUTANTS ?=
MUTATE_CHILDREN ?= 1
mutate: $(VENV)/.mutate
	PYTHONPATH=$(CURDIR)/tools PYTEST_PLUGINS=mutmut_fast_first $(BIN)/mutmut run --max-children $(MUTATE_CHILDREN) $(MUTANTS)
	$(BIN)/python tests/mutation_scores.py

$(VENV)/.mutate: requirements/mutate.lock $(VENV)/.test
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/mutate.lock
	touch $@

## accessibility-record: run the accessibility checks and, when every one passes, write their record
##                       (data/checks/accessibility.json), which the statement's test record is built
##                       from; `make test` never writes it. The publishing workflow runs it.
accessibility-record: $(VENV)/.test
	$(BIN)/python -m pytest -q --accessibility-record $$($(BIN)/python tests/accessibility_record.py)

## screenshots: build the site, then save full-page PNGs of every page, 375 and 1280 px wide, both
##              languages, into screenshots/ (for reviewers; tools/screenshots.py)
screenshots: $(VENV)/.test
	$(BIN)/python -m peaceops build
	$(BIN)/python tools/screenshots.py --site site --out screenshots

## benchmark: build times and memory (real data, 10/100/1,000 synthetic operations, bare Material),
## preview wait, page weights and Lighthouse scores, printed as a table (several minutes; see benchmarks/)
benchmark: $(VENV)/.test
	$(BIN)/python -m benchmarks.run

$(VENV)/.site: requirements/site.lock pyproject.toml $(VENV)/.python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/site.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

$(VENV)/.test: requirements/test.lock package-lock.json $(VENV)/.site
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/test.lock
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# .venv/.python holds the version of the Python that made .venv. When PYTHON is another version,
# .venv is removed and made again with it (its packages are then installed again); the file's date
# changes only then, so an unchanged Python installs nothing.
$(VENV)/.python: FORCE
	@want="$$($(PYTHON) -c 'import sys; print(sys.version.split()[0])')" || exit 1; \
	have="$$($(BIN)/python -c 'import sys; print(sys.version.split()[0])' 2>/dev/null)"; \
	if [ "$$want" != "$$have" ]; then \
	  echo "Making $(VENV) with Python $$want ($(PYTHON))"; \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) || exit 1; \
	fi; \
	[ "$$want" = "$$(cat $@ 2>/dev/null)" ] || echo "$$want" > $@

.PHONY: FORCE
FORCE:

## lock: re-resolve requirements/*.in into the hash-locked requirements/*.lock
lock: $(VENV)/.test
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header -o site.lock site.in
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header -o test.lock test.in
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header -o mutate.lock mutate.in

clean:
	rm -rf site .site-build-* .site-old-* screenshots .cache $(VENV)
