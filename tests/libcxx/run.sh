#!/usr/bin/env bash
# Builds the golden-trace program with clang++ -stdlib=libc++ and checks that it prints
# tests/data/golden/traces.txt byte for byte (the libstdc++ build checks the same file in
# golden_tests). Usage: tests/libcxx/run.sh [BUILD_DIR]   (default build/libcxx)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/libcxx}
compiler=$(command -v clang++-14 || command -v clang++ || true)
if [[ -z $compiler ]]; then
  echo "golden.libcxx: clang++ not found (scripts/install-deps.sh installs clang and libc++-14-dev)" >&2
  exit 1
fi
mkdir -p "$build"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
cmake -S "$root/tests/libcxx" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_COMPILER="$compiler" "${launcher[@]}" >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j "${JOBS:-2}" >"$build/build.log" 2>&1 || { tail -40 "$build/build.log" >&2; exit 1; }
"$build/golden_traces_libcxx" >"$build/traces.txt"
if ! cmp -s "$build/traces.txt" "$root/tests/data/golden/traces.txt"; then
  echo "golden.libcxx: the libc++ build's traces differ from tests/data/golden/traces.txt:" >&2
  diff "$root/tests/data/golden/traces.txt" "$build/traces.txt" | head -20 >&2
  exit 1
fi
echo "golden.libcxx: $(wc -l <"$build/traces.txt") lines identical under libc++ ($compiler)"
