#!/usr/bin/env bash
# Whole-process timings of the notebook's code (Debian's python3-torch) against
# `dotnet monotone analyze` (engine "fast"), on the same inputs, on this machine,
# back to back; with the floor (read the input once, exponentials once) and the
# five model shapes at n = 2048 on synthetic inputs (our engine alone).
#
#   benchmarks/run-benchmarks.sh            # everything (about 15 minutes on 2 cores)
#   INPUTS="mpt-7b-256" SCALE_MODELS="" benchmarks/run-benchmarks.sh   # a quick one
#
# Settings (environment): DATA (input folder, default /tmp/monotone-bench; inputs
# are generated there by make-inputs.py and never committed), OUT (default
# benchmarks/results), RUNS (runs of each of our commands, median reported;
# default 5), NOTEBOOK_RUNS (default 3), INPUTS, SCALE_MODELS, SCALE_N (2048),
# SCALE_RUNS (runs of each n = 2048 command, alternating engine and floor; default 2),
# PYTHON (default /usr/bin/python3, which has torch from python3-torch).
# Needs /usr/bin/time (GNU time) for peak memory; matplotlib for the plot.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-/tmp/monotone-bench}
OUT=${OUT:-benchmarks/results}
RUNS=${RUNS:-5}
NOTEBOOK_RUNS=${NOTEBOOK_RUNS:-3}
INPUTS=${INPUTS-"mpt-7b-256 small-1024 bloom-176b-256"}
SCALE_MODELS=${SCALE_MODELS-"mpt-7b bloom-7b falcon-rw-7b mpt-30b bloom-176b"}
SCALE_N=${SCALE_N:-2048}
SCALE_RUNS=${SCALE_RUNS:-2}
PYTHON=${PYTHON:-/usr/bin/python3}
NOTEBOOK_TIMEOUT=${NOTEBOOK_TIMEOUT:-3600}


mkdir -p "$OUT" "$DATA"
RAW="$OUT/raw.tsv"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet build -c Release -v quiet -nologo tools/Monotone.Tool >/dev/null
dotnet build -c Release -v quiet -nologo benchmarks/Monotone.Benchmarks >/dev/null
# Wherever the projects put their outputs (-o, artifacts paths), never a hand-written bin/ path.
TOOL=(dotnet "$(dotnet msbuild tools/Monotone.Tool -getProperty:TargetPath -p:Configuration=Release)")
BENCH=(dotnet "$(dotnet msbuild benchmarks/Monotone.Benchmarks -getProperty:TargetPath -p:Configuration=Release)")
# shellcheck disable=SC2086
[ -z "$INPUTS" ] || "$PYTHON" benchmarks/make-inputs.py "$DATA" $INPUTS

{
  echo "# machine"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "dotnet: $(dotnet --version); torch: $("$PYTHON" -c 'import torch; print(torch.__version__)')"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"
printf 'case\tprogram\trun\texit\tseconds\tpeak_rss_kb\tcheck\n' > "$RAW"

# measure CASE PROGRAM RUN CHECK -- COMMAND...: one whole process under GNU time.
measure() {
  local case=$1 program=$2 run=$3 check=$4
  shift 5
  local status=0
  /usr/bin/time -f '%x %e %M' -o "$WORK/time" "$@" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
  read -r code seconds rss < <(tail -n 1 "$WORK/time")
  [ "$status" -eq 0 ] || code=$status
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$program" "$run" "$code" "$seconds" "$rss" "$check" >> "$RAW"
  echo "  $program run $run: exit $code, ${seconds} s, $((rss / 1024)) MB" >&2
}

for input in $INPUTS; do
  file="$DATA/$input.pt"
  echo "$input ($(du -h "$file" | cut -f1)), load $(cut -d' ' -f1 /proc/loadavg)" >&2
  for run in $(seq "$NOTEBOOK_RUNS"); do
    measure "$input" notebook "$run" - -- timeout "$NOTEBOOK_TIMEOUT" "$PYTHON" scripts/notebook.py "$file" -o "$WORK/notebook.json"
  done
  for run in $(seq "$RUNS"); do
    measure "$input" monotone "$run" - -- "${TOOL[@]}" analyze "$file" -o "$WORK/monotone.json"
  done
  check=$(if [ -s "$WORK/notebook.json" ]; then "$PYTHON" benchmarks/compare.py "$WORK/notebook.json" "$WORK/monotone.json" | tail -n 1; else echo "no notebook result"; fi)
  echo "  $check" >&2
  sed -i "s|^\($input\tmonotone\t.*\)\t-\$|\1\t$check|" "$RAW"
  for run in $(seq "$RUNS"); do
    measure "$input" floor "$run" - -- "${BENCH[@]}" floor "$file"
  done
  rm -f "$WORK/notebook.json" "$WORK/monotone.json"
done

for model in $SCALE_MODELS; do
  echo "$model at n = $SCALE_N (synthetic), load $(cut -d' ' -f1 /proc/loadavg)" >&2
  for run in $(seq "$SCALE_RUNS"); do
    measure "$model-$SCALE_N" monotone "$run" - -- "${BENCH[@]}" scale "synthetic:$model:$SCALE_N"
    sed -i "\$s|\t-\$|\t$(grep -o 'violations=[0-9]*' "$WORK/stdout")|" "$RAW"
    measure "$model-$SCALE_N" floor "$run" - -- "${BENCH[@]}" floor "synthetic:$model:$SCALE_N"
  done
done

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PYTHON" benchmarks/report.py "$OUT"
