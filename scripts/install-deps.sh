#!/usr/bin/env bash
# Installs the Debian packages parley's build needs, and the npm packages of web/package-lock.json
# (the chart libraries inlined into HTML reports, and playwright-core for the browser tests).
# Idempotent and quiet: when every package is present it only asks dpkg and returns; `npm ci`
# runs only when web/node_modules is missing or older than web/package-lock.json.
set -euo pipefail

packages=(
  build-essential cmake ninja-build
  clang libclang-rt-14-dev          # libFuzzer and the sanitizer build
  libc++-14-dev libc++abi-14-dev    # golden traces under libc++ (tests/libcxx)
  libyaml-cpp-dev                   # scenario files
  libpugixml-dev                    # GENIUS domain and profile XML
  nlohmann-json3-dev                # JSON output
  libcli11-dev                      # command line
  libfmt-dev                        # formatting
  libtbb-dev                        # threads of tournaments and sweeps
  libsqlite3-dev                    # results databases
  libopenmpi-dev openmpi-bin        # tournaments and sweeps over many machines (mpirun)
  libgtest-dev libgmock-dev         # unit tests
  librapidcheck-dev                 # property tests
  libbenchmark-dev                  # bench/
  python3                           # bench/table.py
  python3-pybind11 pybind11-dev     # the Python module _parley (python/, PARLEY_PYTHON)
  python3-numpy python3-pytest      # its arrays and its tests (ctest python.pytest)
  python3-venv                      # `make python` installs the package into .venv/
  python3-matplotlib                # the charts of examples/*.py
  python3-mypy                      # stubtest: python/parley/*.pyi match the module
  chromium                          # browser tests of HTML reports (tests/browser)
)
# Node.js and npm: the machine's own when on PATH (node 20 with npm 11 here); Debian's otherwise.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly as locked. playwright-core downloads no browser: the tests drive
# /usr/bin/chromium (never run `npx playwright install`).
web="$(cd "$(dirname "$0")/.." && pwd)/web"
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "install-deps: node $(node --version) is too old: playwright-core (web/package.json) needs Node.js 20 or newer" >&2
  exit 1
fi
if [ ! -d "$web/node_modules" ] || [ "$web/package-lock.json" -nt "$web/node_modules" ]; then
  # vega-lite declares node >= 22 for its command-line tools; parley only inlines its browser
  # build, so npm's engine warning is expected and not shown.
  log=$(mktemp)
  if ! (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "install-deps: npm ci in web/ failed" >&2; exit 1
  fi
  rm -f "$log"
  touch "$web/node_modules"  # newer than the lock file from now on
fi
