#!/usr/bin/env bash
# Writes what a build prints on fixed inputs into one folder, so that two builds can be
# compared byte for byte (a refactoring must leave every file identical):
#   tools/ci/snapshot_outputs.sh BUILD_DIR OUT_DIR [--quick]
#   diff -r OUT_BEFORE OUT_AFTER
# Inputs: the bundled sample (data/), the seeds, every official list and every eval program
# when ../shared exists (skipped, with a message, when it does not). Speed lines of the eval
# programs (per second, microseconds, ms) are dropped: they are timings, not outputs.
# --quick leaves out the slow eval programs (screen_eval's sweep, mention_eval, date_eval).
# What differs from run to run is masked: the checkout's path, the time STIX objects are
# made, the speeds the eval programs print (queries/s, pages/s, sent/s).
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: snapshot_outputs.sh BUILD_DIR OUT_DIR [--quick]}
out=${2:?usage: snapshot_outputs.sh BUILD_DIR OUT_DIR [--quick]}
quick=${3:-}
q="$build/qantara"
mkdir -p "$out"
run() {  # run NAME COMMAND...: stdout and the exit code into $out/NAME
  local name=$1; shift
  echo "snapshot: $name" >&2
  "$@" > "$out/$name" 2> "$out/$name.stderr"
  echo "exit $?" >> "$out/$name"
}
normalise() {  # normalise FILE...: mask what differs between two runs of one build
  sed -i -E -e "s#$PWD#<root>#g" \
    -e 's/"(created|modified|valid_from)":"[0-9T:.-]+Z"/"\1":"<now>"/g' \
    -e 's/^([a-z_]+ +[0-9]+ +[0-9.]+%) +[0-9]+ /\1 <q\/s> /' \
    -e 's# *[0-9.]+ +[a-z]+/s\b# <rate>#g' "$@"
}
untimed() { grep -avE '[0-9.]+ *(/s|per s|us|µs|ms|articles/s|names/s|s elapsed|seconds)\b|speed|elapsed|took'; }

run sample_lists_show "$q" lists show data/sample_list.jsonl
run sample_screen "$q" screen --list data/sample_list.jsonl --input data/sample_queries.jsonl
run sample_match "$q" match "Abou Hamza El Foulani" --list data/sample_list.jsonl --json
run sample_read "$q" read data/articles --list data/sample_list.jsonl --json

shared=../shared/data
if [ ! -d "$shared" ]; then
  echo "snapshot: ../shared/data is absent; only the bundled sample was run" >&2
  normalise "$out"/*
  exit 0
fi
lists=("$shared"/lists/un_consolidated.xml "$shared"/lists/ofac_sdn.csv "$shared"/lists/ofac_alt.csv
  "$shared"/lists/ofac_add.csv "$shared"/lists/ofac_consolidated_nonsdn.xml "$shared"/lists/uk_conlist.csv)
run lists_show "$q" lists show "${lists[@]}"
run lists_export "$q" lists export "${lists[@]}" --jsonl
run seeds_read "$q" read ../shared/seeds --list "$shared"/lists/un_consolidated.xml --json
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Every listed name (first 3,000 entities) screened back against all lists, with the sample queries.
"$q" lists export "${lists[@]}" --jsonl | head -3000 |
  /usr/bin/python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    e = json.loads(line)
    for j, n in enumerate(e["names"][:3]):
        q = {"id": f"{i}.{j}", "name": n["value"], "schema": e["schema"]}
        if e.get("birth_dates"): q["birth_date"] = e["birth_dates"][0]
        print(json.dumps(q, ensure_ascii=False))' > "$tmp/queries.jsonl"
[ -s "$tmp/queries.jsonl" ] || { echo "snapshot: no queries made from the lists" >&2; exit 1; }
run lists_screen_back "$q" screen --list "${lists[@]}" --input "$tmp/queries.jsonl" --threads 2
run seeds_db "$q" read ../shared/seeds --db "$tmp/news.db" --list "$shared"/lists/un_consolidated.xml
run seeds_timeline "$q" timeline --db "$tmp/news.db" o:global-coalition
run seeds_alerts "$q" alerts --db "$tmp/news.db" --list "$shared"/lists/un_consolidated.xml
run seeds_search "$q" search --db "$tmp/news.db" Bourita
run seeds_export_ftm "$q" export --db "$tmp/news.db" --format ftm
run seeds_export_stix "$q" export --db "$tmp/news.db" --format stix
programs=(language_eval linking_eval extraction_eval event_eval story_eval)
[ "$quick" = "--quick" ] || programs+=(screen_eval mention_eval date_eval)
for p in "${programs[@]}"; do
  echo "snapshot: $p" >&2
  "$build/eval/$p" 2>&1 | untimed > "$out/eval_$p"
done
normalise "$out"/*
