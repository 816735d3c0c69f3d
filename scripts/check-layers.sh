#!/usr/bin/env bash
# Fails when an #include goes against parley's layers (docs/architecture.md):
#   core      <- nothing
#   forecast  <- core              negotiate <- core
#   run       <- core, forecast, negotiate
#   io        <- core, forecast, negotiate, run
#   report    <- core, forecast, negotiate, run, io
#   apps, tests, bench, fuzz: public headers (include/parley/...) only, plus the internal
#   test headers listed in kInternalTestHeaders below.
# The build already refuses upward includes inside the libraries (each layer sees only its
# own and lower headers); this check also covers tests, benchmarks and fuzzers, and names the
# offending line. Usage: scripts/check-layers.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

declare -A allowed=(
  [core]="core"
  [forecast]="core forecast"
  [negotiate]="core negotiate"
  [run]="core forecast negotiate run"
  [io]="core forecast negotiate run io"
  [report]="core forecast negotiate run io report"
)
# Internal headers tests and benchmarks may include: the three frontier methods, tested and
# measured one by one, and the win-set's three ways of counting.
internal_test_headers="src/core/frontiers.hpp src/core/pareto.hpp src/core/win_set_count.hpp"

status=0
report() { echo "$1: $2" >&2; status=1; }

for layer in "${!allowed[@]}"; do
  for dir in "src/$layer" "include/parley/$layer"; do
    [ -d "$dir" ] || continue
    while IFS= read -r hit; do
      file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}
      target=$(sed -E 's/.*"parley\/([a-z_]+)\/.*/\1/' <<<"$rest")
      case " ${allowed[$layer]} " in
        *" $target "*) ;;
        *) report "$file:$line" "layer $layer includes parley/$target (allowed: ${allowed[$layer]})" ;;
      esac
    done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"parley/' "$dir" || true)
    # A library source may include its own folder's private headers, never another's.
    while IFS= read -r hit; do
      report "${hit%%:*}:$(cut -d: -f2 <<<"$hit")" "includes another folder's private header"
    done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"\.\./' "$dir" || true)
  done
done

for dir in apps tests bench fuzz; do
  [ -d "$dir" ] || continue
  while IFS= read -r hit; do
    file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}
    header=$(sed -E 's/.*"([^"]+)".*/\1/' <<<"$rest")
    resolved=$(realpath -m --relative-to=. "$(dirname "$file")/$header")
    case "$resolved" in
      src/*)
        case " $internal_test_headers " in
          *" $resolved "*) [ "$dir" = apps ] && report "$file:$line" "apps use public headers only ($resolved)" ;;
          *) report "$file:$line" "includes internal header $resolved (use include/parley/..., or list it as an internal test header)" ;;
        esac ;;
    esac
  done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]+"' "$dir" | grep -v '"parley/' || true)
done

if [ $status -eq 0 ]; then echo "layers: every include goes down"; fi
exit $status
