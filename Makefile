# The two commands: `make run` and `make test`. Everything else is a helper of theirs.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
WERROR := $(if $(CI),ON,OFF)
BUILD := build
SAN := build-san
PARLEY := $(BUILD)/parley
FLAGSHIP := scenarios/talks-2025.yaml
FUZZ_SECONDS ?= 10

.PHONY: deps configure build cli run install graph test unit san fuzz-smoke fuzz bench python clean

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Only the command-line tool: what `make run` needs.
cli: configure
	@cmake --build $(BUILD) -j $(JOBS) --target parley_cli

run: cli
	$(PARLEY) show $(FLAGSHIP)
	$(PARLEY) analyze $(FLAGSHIP) --stage truce
	$(PARLEY) analyze $(FLAGSHIP) --stage settlement
	$(PARLEY) forecast $(FLAGSHIP) --model all
	$(PARLEY) negotiate $(FLAGSHIP)
	$(PARLEY) negotiate $(FLAGSHIP) --strategy '*=ratification_aware'
	$(PARLEY) compare $(FLAGSHIP) --variants base,open-format,trade-ukraine,press-russia
	$(PARLEY) sweep $(FLAGSHIP) --runs 100
	$(PARLEY) report $(FLAGSHIP) -o $(BUILD)/talks-2025.html

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Tests again under AddressSanitizer + UndefinedBehaviorSanitizer (clang), plus the fuzz targets.
# Not the browser tests: they look at pages, the same bytes from either build, and the
# sanitizers still see every report being made through ReportCli.* and report_tests.
# Nor the three evaluations of the whole DEU data set (45 s each here): smaller evaluations
# take the same code paths under the sanitizers. Nor the README's excerpts (90 s here, a sweep
# of the flagship among them): they check the docs against the output, the same from either
# build, and every command they run is tested under the sanitizers elsewhere. Nor two tests
# that spend their time in plain work (55 s and 40 s here): the analysis of the DEU table runs
# up to its default work bound of 2.5·10^8 steps to show its message, and the
# thread/rank/kill equality of tournament and sweep databases, whose sweep half
# (StudyCli.SweepDatabasesAreIdentical...) stays. -O1 with line tables only: the reports keep
# file:line, and the build takes 15% less time than -O2 -g.
SAN_SKIP := EvaluateCli.DeuReferenceFiguresAndCrossValidation|EvaluateCli.IntervalCoverageOutOfSample|JsonDocuments.EvaluateDeu|Readme.ExcerptsAreTheRealOutput|BoundsCli.AnalyzeOfTheDeuTableStopsWithAMessage|StudyCli.DatabasesAreIdenticalOutsideMetaWhateverTheThreadsRanksAndKills
san: deps
	@cmake -S . -B $(SAN) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
	  -DPARLEY_SANITIZE=ON -DPARLEY_FUZZ=ON -DPARLEY_MPI=OFF -DPARLEY_PYTHON=OFF -DPARLEY_WERROR=$(WERROR) >/dev/null
	@cmake --build $(SAN) -j $(JOBS)
	cd $(SAN) && ctest --output-on-failure -j $(JOBS) -LE "slow|browser" -E '$(SAN_SKIP)'

fuzz-smoke: san
	@for target in $(SAN)/fuzz/fuzz_*; do \
	  corpus=fuzz/corpus/$$(basename $$target); \
	  echo "fuzz: $$(basename $$target) for $(FUZZ_SECONDS) s"; \
	  $$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
	    -artifact_prefix=$(SAN)/ $$(mktemp -d) $$corpus >/dev/null 2>$(SAN)/$$(basename $$target).log \
	    || { tail -40 $(SAN)/$$(basename $$target).log; exit 1; }; \
	done

test: unit fuzz-smoke

fuzz: san
	@for target in $(SAN)/fuzz/fuzz_*; do \
	  $$target -max_total_time=600 -timeout=10 -artifact_prefix=$(SAN)/ fuzz/corpus/$$(basename $$target) || exit 1; \
	done

# The Python package (docs/python.md) in $(VENV): a venv of Debian's python3 (the one CMake
# builds the module for) with --system-site-packages, so Debian's numpy and pytest serve
# without a registry. The module built by CMake is copied into python/parley/, then pip
# installs python/ by its pyproject.toml, as it would into any other environment.
VENV := .venv
PYTHON := /usr/bin/python3
python: configure
	@cmake -S . -B $(BUILD) -DPARLEY_PYTHON=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target _parley
	@rm -rf python/parley/_parley*.so python/build
	@cp $(BUILD)/python/parley/_parley*.so python/parley/
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv --system-site-packages $(VENV)
	@$(VENV)/bin/python -m pip install --quiet --no-index --no-deps --force-reinstall --no-build-isolation ./python
	@$(VENV)/bin/python -c 'import parley; print("make python: parley", parley.__version__, "in $(VENV)/ (import parley with $(VENV)/bin/python)")'

# Headers, libraries, the `parley` binary and the CMake package (find_package(parley)) under
# PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# The target graph (which layer links which): build/targets.dot, from CMake itself.
graph: configure
	@cp cmake/CMakeGraphVizOptions.cmake $(BUILD)/
	@cd $(BUILD) && cmake --graphviz=targets.dot . >/dev/null
	@grep -- '->' $(BUILD)/targets.dot | grep -v legend | sed 's/.*\/\/ //'

bench: build
	$(BUILD)/bench/parley_bench --benchmark_format=json --benchmark_out=$(BUILD)/bench.json --benchmark_out_format=json >/dev/null
	python3 bench/table.py $(BUILD)/bench.json

clean:
	rm -rf $(BUILD) $(SAN) $(VENV) python/build python/parley.egg-info python/parley/_parley*.so
