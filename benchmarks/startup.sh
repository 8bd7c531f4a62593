#!/usr/bin/env bash
# Where the tool's whole-process time goes at start-up, and whether ReadyToRun pays:
# `--help` (start-up alone) and `analyze` on the mpt-7b shape at n = 256, for the tool as
# `dotnet publish` writes it (JIT only) and with ReadyToRun (precompiled, the same publish
# with -p:PublishReadyToRun=true). Medians of RUNS whole processes under GNU time.
# The issue-12 rule: adopt a remedy only if it cuts the mpt-7b whole-process time by >= 20%.
#
#   benchmarks/startup.sh        # RUNS=7; DATA=/tmp/monotone-bench (make-inputs.py writes it)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
DATA=${DATA:-/tmp/monotone-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -f "$DATA/mpt-7b-256.pt" ] || "$PYTHON" benchmarks/make-inputs.py "$DATA" mpt-7b-256
dotnet publish tools/Monotone.Tool -nologo -v:q -o "$WORK/jit" >/dev/null
dotnet publish tools/Monotone.Tool -nologo -v:q -o "$WORK/r2r" -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# time NAME COMMAND...: the median wall time of RUNS processes.
measure() {
  local name=$1
  shift
  : > "$WORK/times"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e' -o "$WORK/time" "$@" >/dev/null 2>&1
    tail -n 1 "$WORK/time" >> "$WORK/times"
  done
  printf '%-34s %s s\n' "$name" "$(median < "$WORK/times")"
}

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"
for build in jit r2r; do
  measure "$build: --help" "$WORK/$build/dotnet-monotone" --help
  measure "$build: analyze mpt-7b n=256" "$WORK/$build/dotnet-monotone" analyze "$DATA/mpt-7b-256.pt" -o "$WORK/result.json"
done
measure "dotnet --version (host alone)" dotnet --version
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
