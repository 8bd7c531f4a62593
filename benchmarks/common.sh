# Shared by the start-up scripts (startup.sh, breakdown.sh); sourced, never run. Sets RUNS
# (default 15 unless the script set a default first), DATA (input folder, default
# /tmp/monotone-bench), PYTHON and WORK (a scratch folder, removed on exit), writes the mpt-7b
# shape at n = 256 with make-inputs.py if DATA lacks it, and defines `median` (of the numbers
# on standard input, the upper one of an even count) and `load` (the load averages).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-15}
DATA=${DATA:-/tmp/monotone-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
INPUT="$DATA/mpt-7b-256.pt"
[ -f "$INPUT" ] || "$PYTHON" benchmarks/make-inputs.py "$DATA" mpt-7b-256

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
