#!/usr/bin/env bash
# Makes the needs-reply development file from the airline tweets (evaluation and choosing only: the
# airline set is CC BY-NC-SA, so nothing learned from it ships). A tweet is a "complaint" when its
# annotators called it negative and gave a complaint reason (late flight, lost luggage, ...), else
# "not_complaint". The file is written outside the repository.
#   usage: sentiment-models/make-needs-reply-dev.sh ../shared/datasets/en/airline-tweets.tsv target/airline-needs-reply.tsv
set -euo pipefail
in="${1:?airline-tweets.tsv}"
out="${2:?output file}"
awk -F'\t' 'BEGIN { OFS = "\t" }
  NR == 1 { print "id", "label", "text", "meta"; next }
  {
    reason = ""
    if (match($4, /negativereason=[^;]*/)) { reason = substr($4, RSTART + 15, RLENGTH - 15) }
    label = ($2 == "negative" && reason != "") ? "complaint" : "not_complaint"
    print $1, label, $3, $4
  }' "$in" > "$out"
echo "$(($(wc -l < "$out") - 1)) tweets written to $out" >&2
