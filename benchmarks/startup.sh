#!/usr/bin/env bash
# Where the tool's whole-process time goes at start-up, and whether ReadyToRun pays:
# `--help` (start-up alone) and `analyze` on the mpt-7b shape at n = 256, for the tool as
# `dotnet publish` writes it (JIT only) and with ReadyToRun (precompiled, the same publish
# with -p:PublishReadyToRun=true). The variants run alternately in one loop (A, B, A, B, ...),
# so a change in the machine's load falls on both; the script prints, per variant, the median
# and the minimum wall time and the median CPU time (user + sys) of RUNS whole processes, and
# the load before and after. The issue-12 rule: adopt a remedy only if it cuts the mpt-7b
# whole-process time by >= 20%.
#
#   benchmarks/startup.sh        # RUNS=15; DATA=/tmp/monotone-bench (make-inputs.py writes it)
#   JIT=DIR R2R=DIR benchmarks/startup.sh   # time two existing publish folders instead
set -euo pipefail
# shellcheck source=benchmarks/common.sh
source "$(dirname "$0")/common.sh"
JIT=${JIT:-$WORK/jit}
R2R=${R2R:-$WORK/r2r}
[ -x "$JIT/dotnet-monotone" ] || dotnet publish tools/Monotone.Tool -c Release -nologo -v:q -o "$JIT" >/dev/null
[ -x "$R2R/dotnet-monotone" ] || dotnet publish tools/Monotone.Tool -c Release -nologo -v:q -o "$R2R" -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null

names=("jit: --help" "r2r: --help" "jit: analyze mpt-7b n=256" "r2r: analyze mpt-7b n=256" "dotnet --version (host alone)")
commands=("$JIT/dotnet-monotone --help"
          "$R2R/dotnet-monotone --help"
          "$JIT/dotnet-monotone analyze $INPUT -o $WORK/jit.json"
          "$R2R/dotnet-monotone analyze $INPUT -o $WORK/r2r.json"
          "dotnet --version")

echo "$(nproc) cores, load $(load), dotnet $(dotnet --version), $RUNS runs each, alternating"
for _ in $(seq "$RUNS"); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086 # the command is split into words on purpose
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" ${commands[$i]} >/dev/null 2>&1
    tail -n 1 "$WORK/time" >> "$WORK/times.$i"
  done
done

printf '%-32s %8s %8s %10s\n' "" "median" "min" "cpu median"
for i in "${!commands[@]}"; do
  printf '%-32s %7ss %7ss %9ss\n' "${names[$i]}" \
    "$(cut -d' ' -f1 "$WORK/times.$i" | median)" \
    "$(cut -d' ' -f1 "$WORK/times.$i" | sort -n | head -n 1)" \
    "$(awk '{ print $2 + $3 }' "$WORK/times.$i" | median)"
done
echo "load at end $(load)"
