#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each one.
#   Scripts/fuzz.sh [RUNS] [SECONDS]   RUNS executions per target (default 1000000), at most SECONDS each (default 900)
# Seeds come from the shared corpora (never copied into the repository); findings go to .build/fuzz/findings/.
# A crash found is reproduced with: SKILLSPOOL_FUZZ_TARGET=T .build/debug/skillspool-fuzz FILE, then kept as a test.
set -euo pipefail
runs=${1:-1000000}
seconds=${2:-900}
shared=${SHARED:-../shared}
swift build -c release --product skillspool-fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --build-path .build/fuzz >/dev/null
fuzzer=.build/fuzz/release/skillspool-fuzz
work=.build/fuzz/work
mkdir -p "$work" .build/fuzz/findings
python3 Scripts/fuzz-seeds.py "$shared" "$work"
status=0
for target in pdf cmap truetype cff type1 manifest archive; do
    max_len=65536
    [ "$target" = pdf ] && max_len=262144
    log=.build/fuzz/$target.log
    if SKILLSPOOL_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$fuzzer" -runs="$runs" -max_total_time="$seconds" \
        -max_len=$max_len -rss_limit_mb=4096 -timeout=30 -artifact_prefix=.build/fuzz/findings/$target- \
        "$work/$target" >"$log" 2>&1; then
        result=ok
    else
        result=CRASH
        status=1
    fi
    executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    echo "fuzz $target: ${executions:-0} executions, $result"
done
exit $status
