#!/usr/bin/env bash
# Issue 4, acceptance 2, in full: `parley negotiate` on every ANAC 2012 domain with every
# ordered pair of built-in strategies; each run must end with a result (exit 0 and a status).
# The unit test (tests/negotiate/anac2012_test.cpp) runs a subset on the large domains to keep
# the suite fast; this script runs them all. Usage: scripts/negotiate-all-pairs.sh [PARLEY]
set -euo pipefail
parley=${1:-build/parley}
strategies=(aspiration boulware linear conceder hardliner tit_for_tat micro random nash rubinstein)
runs=0 agreements=0
for domain in tests/data/genius/anac/y2012/*/; do
  for a in "${strategies[@]}"; do
    for b in "${strategies[@]}"; do
      json=$("$parley" negotiate "$domain" --strategy "a=$a" --strategy "b=$b" --json)
      status=$(grep -E -o -m1 '"status": *"(agreement|partial|rejected|failure|blocked|settled)"' <<<"$json" | sed 's/.*"\([a-z_]*\)"$/\1/')
      [ -n "$status" ] || { echo "no result: $domain $a vs $b" >&2; exit 1; }
      runs=$((runs + 1))
      if [ "$status" = agreement ]; then agreements=$((agreements + 1)); fi
    done
  done
done
echo "$runs runs, every one ended with a result; $agreements agreements"
