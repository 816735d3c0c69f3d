#!/usr/bin/env bash
# Regenerates the tables in docs/ that come from the registries' parameter specs: every block
#   <!-- parley list KIND --markdown -->
#   ...
#   <!-- end -->
# is replaced by the output of `parley list KIND --markdown`. tests/cli/doc_tables_test.cpp
# fails when a block is out of date; run this script after changing a ParamSpec.
#
# Usage: scripts/update-doc-tables.sh [PATH/TO/parley]   (default: build/parley)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
parley="${1:-$root/build/parley}"
if [[ ! -x "$parley" ]]; then
  echo "update-doc-tables: no parley binary at $parley (build it, or pass its path)" >&2
  exit 2
fi

for doc in "$root"/docs/*.md; do
  grep -q '^<!-- parley list [a-z]* --markdown -->$' "$doc" || continue
  out="$(mktemp)"
  in_block=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ $in_block == 1 ]]; then
      if [[ "$line" == "<!-- end -->" ]]; then
        printf '%s\n' "$line" >>"$out"
        in_block=0
      fi
      continue
    fi
    printf '%s\n' "$line" >>"$out"
    if [[ "$line" =~ ^\<!--\ parley\ list\ ([a-z]+)\ --markdown\ --\>$ ]]; then
      "$parley" list "${BASH_REMATCH[1]}" --markdown >>"$out"
      in_block=1
    fi
  done <"$doc"
  if [[ $in_block == 1 ]]; then
    echo "update-doc-tables: $doc: a block has no '<!-- end -->'" >&2
    rm -f "$out"
    exit 2
  fi
  if cmp -s "$out" "$doc"; then
    rm -f "$out"
  else
    cat "$out" >"$doc"
    rm -f "$out"
    echo "updated ${doc#$root/}"
  fi
done
