#!/usr/bin/env bash
# Installs the Debian packages parley's build needs, and nothing else.
# Idempotent: when every package is present it only asks dpkg and returns.
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
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
