#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each one.
#   Scripts/fuzz.sh [RUNS] [SECONDS] [TARGET…]   RUNS executions per target (default 1000000), at most SECONDS each
#   (default 900), every target unless some are named
# Seeds come from the shared corpora (never copied into the repository); findings go to .build/fuzz/findings/.
# Every run is appended to FUZZ_HISTORY (default Fuzz/history.tsv, tracked, so totals add up across machines).
# A crash found is reproduced with: SKILLSPOOL_FUZZ_TARGET=T .build/debug/skillspool-fuzz FILE, then kept as a test.
set -euo pipefail
runs=${1:-1000000}
seconds=${2:-900}
shift $(($# < 2 ? $# : 2))
targets=${*:-pdf content document cmap truetype cff type1 manifest archive markup}
shared=${SHARED:-../shared}
history=${FUZZ_HISTORY:-Fuzz/history.tsv}
[ -n "${FUZZ_SKIP_BUILD:-}" ] || swift build -c release --product skillspool-fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --build-path .build/fuzz >/dev/null
fuzzer=.build/fuzz/release/skillspool-fuzz
work=.build/fuzz/work
mkdir -p "$work" .build/fuzz/findings
python3 Scripts/fuzz-seeds.py "$shared" "$work"
status=0
for target in $targets; do
    max_len=65536
    [ "$target" = pdf ] && max_len=16384
    [ "$target" = content ] && max_len=4096
    [ "$target" = document ] && max_len=262144
    log=.build/fuzz/$target.log
    if SKILLSPOOL_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 "$fuzzer" -runs="$runs" -max_total_time="$seconds" \
        -max_len=$max_len -rss_limit_mb=4096 -timeout=30 -artifact_prefix=.build/fuzz/findings/$target- \
        "$work/$target" >"$log" 2>&1; then
        result=ok
    elif grep -q "run interrupted" "$log"; then
        result=stopped
    else
        result=CRASH
        status=1
    fi
    executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "${executions:-0}" "$result" >>"$history"
    total=$(awk -F'\t' -v t="$target" '$2 == t { sum += $3 } END { print sum + 0 }' "$history")
    echo "fuzz $target: ${executions:-0} executions, $result ($total in all runs recorded in $history)"
done
exit $status
