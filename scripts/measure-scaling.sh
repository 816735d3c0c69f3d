#!/usr/bin/env bash
# The measurements behind docs/scaling.md, rerunnable: wall-clock and CPU time of the ANAC
# 2012 tournament on 1 and 2 threads and on 2 MPI ranks, of the flagship sweep, and the
# bytes per run of their databases. Run on an otherwise idle machine:
#   scripts/measure-scaling.sh [build/parley]
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-build/parley}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strategies=aspiration,boulware,linear,conceder,hardliner,tit_for_tat,micro,random,nash,rubinstein
anac=tests/data/genius/anac/y2012

# seconds of wall clock, user+sys CPU, for a command (best of 3 wall times)
measure() {
  local best="" cpu=""
  for _ in 1 2 3; do
    rm -f "$work"/db.sqlite*
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>&1
    local out
    out=$(tail -1 "$work/time")
    local wall=${out%% *} rest=${out#* }
    local c
    c=$(awk -v u="${rest%% *}" -v s="${rest#* }" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; cpu=$c; fi
  done
  echo "$best $cpu"
}

row() {  # label runs command...
  local label=$1 runs=$2; shift 2
  read -r wall cpu < <(measure "$@")
  local bytes=""
  [ -f "$work/db.sqlite" ] && bytes=$(( $(stat -c %s "$work/db.sqlite") / runs ))
  awk -v l="$label" -v n="$runs" -v w="$wall" -v c="$cpu" -v b="$bytes" 'BEGIN {
    printf "| %s | %d | %.2f | %.2f | %.0f | %.3f | %s |\n", l, n, w, c, n / w, 1000 * c / n, b }'
}

echo "| study | runs | wall s | CPU s | runs/s | CPU ms/run | DB bytes/run |"
echo "|---|---|---|---|---|---|---|"
row "ANAC 2012 tournament, 1 thread" 7200 \
  "$parley" tournament --strategies $strategies --domains $anac --threads 1 --db "$work/db.sqlite" --quiet
row "ANAC 2012 tournament, 2 threads" 7200 \
  "$parley" tournament --strategies $strategies --domains $anac --threads 2 --db "$work/db.sqlite" --quiet
if command -v mpirun >/dev/null; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
  row "ANAC 2012 tournament, mpirun -n 2 (1 thread each)" 7200 \
    mpirun --oversubscribe -n 2 "$parley" tournament --strategies $strategies --domains $anac --threads 1 \
    --db "$work/db.sqlite" --quiet
fi
if "$parley" sweep --help >/dev/null 2>&1; then
  row "flagship sweep, 1 thread" 1000 \
    "$parley" sweep scenarios/talks-2025.yaml --runs 1000 --threads 1 --db "$work/db.sqlite" --quiet
  row "flagship sweep, 2 threads" 1000 \
    "$parley" sweep scenarios/talks-2025.yaml --runs 1000 --threads 2 --db "$work/db.sqlite" --quiet
fi
