#!/usr/bin/env bash
# The nightly-job benchmark: generates N HCPs' worth of extracts with the sample generator, runs
# the whole nightly job on them against a fresh embedded PostgreSQL, and prints the time per
# step, records per second and peak memory. Then it changes 1 % of the party records (a third
# edited, a third deleted, a third added: `generate --changed 1`) and runs the nightly job again,
# incrementally, and prints the same figures for that run and its share of the full run's wall
# time. The incremental night runs $BENCH_NIGHTS times (default 3) from the same state; the
# result is their median.
#
#   pipeline/bench/benchmark.sh 40000 400000     # about 100,000 and 1,000,000 party records
#
# Input: sizes in persons (--hcps; about 2.5 party records each). Output: the run summary and one
# result line per size. Work files go to $BENCH_DIR (default /tmp/hcp360-bench), removed per size.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/hcp360-bench}"
sizes=("${@:-40000}")
nights="${BENCH_NIGHTS:-3}"

# The median of the numbers given (the lower middle one of an even count).
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

"$root/hcp360" --version >/dev/null   # build first, outside the timings
for hcps in "${sizes[@]}"; do
  dir="$work/$hcps"
  rm -rf "$dir" && mkdir -p "$dir"
  echo "== $hcps persons"
  "$root/hcp360" generate --hcps "$hcps" --seed 1 --out "$dir/data" --job-file "$dir/job.yaml" \
    | grep -E "Party records|Activities|Elapsed"
  cd "$dir"
  timing=()
  if [ -x /usr/bin/time ]; then timing=(/usr/bin/time -f "peak RSS %M KB (hcp360 JVM), wall %e s"); fi
  start=$(date +%s.%N)
  "${timing[@]}" "$root/hcp360" run --job "$dir/job.yaml" --data-dir "$dir/.hcp360" \
    > "$dir/run.out" 2> "$dir/run.err"
  end=$(date +%s.%N)
  sed -n '/^  party records/,$p' "$dir/run.out"
  grep -E "peak RSS" "$dir/run.err" || true
  echo "  inside the match and cluster steps:"
  grep -E "loaded .* party records|indexed|kept a copy|from the blocking rules|fuzzy look-ups found|trained on|scored .* pairs|links refused" \
    "$dir/run.err" | sed 's/^[0-9:]* */    /' || true
  parties=$(sed -n 's/^  party records *\([0-9,]*\).*/\1/p' "$dir/run.out" | tr -d ,)
  awk -v p="$parties" -v s="$start" -v e="$end" -v h="$hcps" 'BEGIN {
    printf "RESULT hcps=%d party_records=%d wall=%.1fs party_records_per_s=%.0f\n", h, p, e - s, p / (e - s) }'
  full_wall=$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')
  full_total=$(sed -n 's/^  total *\([0-9.]*\) s$/\1/p' "$dir/run.out")

  echo "== $hcps persons, the next night: 1 % of the party records changed, incremental run"
  "$root/hcp360" generate --hcps "$hcps" --seed 1 --out "$dir/data" --job-file "$dir/job.yaml" \
    --changed 1 | grep -E "Changed"
  # The night is run $nights times from the same state (a copy of the data folder), for the
  # machine's own noise: its median is the result.
  if [ "$nights" -gt 1 ]; then cp -a "$dir/.hcp360" "$dir/night-before" && sync; fi
  walls=() totals=()
  for night in $(seq 1 "$nights"); do
    if [ "$night" -gt 1 ]; then
      rm -rf "$dir/.hcp360" && cp -a "$dir/night-before" "$dir/.hcp360" && sync
    fi
    start=$(date +%s.%N)
    "${timing[@]}" "$root/hcp360" run --job "$dir/job.yaml" --data-dir "$dir/.hcp360" \
      > "$dir/incremental.out" 2> "$dir/incremental.err"
    end=$(date +%s.%N)
    walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')")
    totals+=("$(sed -n 's/^  total *\([0-9.]*\) s$/\1/p' "$dir/incremental.out")")
    if [ "$night" -eq 1 ]; then
      sed -n '/^  party records/,$p' "$dir/incremental.out"
      grep -E "peak RSS" "$dir/incremental.err" || true
      echo "  inside the incremental steps:"
      grep -E "incremental|full run|re-derived|loaded .* party records|indexed|kept copy|kept a copy" \
        "$dir/incremental.err" | sed 's/^[0-9:]* */    /' || true
    fi
    echo "  night $night of $nights: steps ${totals[-1]} s, wall ${walls[-1]} s"
  done
  rm -rf "$dir/night-before"
  # The steps' totals (steps that run at once counted once) and the wall times (the JVM's and
  # the embedded server's start and stop included), the nights' medians.
  wall=$(median "${walls[@]}")
  total=$(median "${totals[@]}")
  awk -v w="$wall" -v h="$hcps" -v f="$full_wall" -v it="$total" -v ft="$full_total" \
    -v n="$nights" -v ws="${walls[*]}" -v ts="${totals[*]}" 'BEGIN {
    printf "RESULT hcps=%d incremental_wall=%.1fs share_of_full_wall=%.1f%% incremental_total=%ss share_of_full_total=%.1f%% (median of %d nights: walls %s s, steps %s s)\n",
      h, w, 100 * w / f, it, 100 * it / ft, n, ws, ts }'
  cd "$root"
  rm -rf "$dir"
done
