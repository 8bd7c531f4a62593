#!/usr/bin/env bash
# Where the CPU time and the wall time of one `dotnet monotone analyze` go (issue 12): the tool
# as `dotnet publish` writes it, on the mpt-7b shape at n = 256.
#
# CPU: `perf record` samples RUNS whole processes (5 kHz, every thread) and sorts each sample by
# what ran: the kernel copying the input file into the process (pread), the rest of the kernel
# (page faults, process start), the runtime (libcoreclr: type loading, stubs, GC), the JIT
# compiler (libclrjit), and managed code by assembly (JIT-compiled code is named through the
# runtime's perf map, DOTNET_PerfMapEnabled; W^X off, DOTNET_EnableWriteXorExecute=0, so that
# perf sees it as anonymous memory rather than a double-mapped file: measured, W^X changes
# neither wall nor CPU time of this run). Shares are of all samples; the seconds are
# share x median CPU time (user + sys) of RUNS unsampled runs.
#
# Wall: `strace` stops the process only at its openat and write calls, which gives, per run, the
# time from exec to opening the input (runtime start, command line), from there to the first
# layer done (reading the input's header, compiling the kernels, the first layer), the other
# layers, and the time from the last layer to exit (result JSON, its file).
#
#   benchmarks/breakdown.sh               # RUNS=5; DATA=/tmp/monotone-bench (make-inputs.py)
#   TOOL=DIR benchmarks/breakdown.sh      # an existing publish folder (a ReadyToRun one, say)
# Needs perf (linux-perf) with permission to sample (root or perf_event_paranoid <= 1) and strace.
set -euo pipefail
RUNS=${RUNS:-5}
# shellcheck source=benchmarks/common.sh
source "$(dirname "$0")/common.sh"
TOOL=${TOOL:-$WORK/tool}
[ -x "$TOOL/dotnet-monotone" ] || dotnet publish tools/Monotone.Tool -c Release -nologo -v:q -o "$TOOL" >/dev/null
RUN=("$TOOL/dotnet-monotone" analyze "$INPUT" -o "$WORK/result.json")

echo "$(nproc) cores, load $(load), $RUNS runs"
for run in $(seq "$RUNS"); do
  /usr/bin/time -f '%e %U %S' -o "$WORK/time" "${RUN[@]}" >/dev/null 2>&1
  tail -n 1 "$WORK/time" >> "$WORK/times"
  { ls /tmp/perf-*.map 2>/dev/null || true; } | sort > "$WORK/maps.before"
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
    perf record -q -F 5000 -o "$WORK/perf.$run" "${RUN[@]}" >/dev/null 2>&1
  perf report -i "$WORK/perf.$run" --no-children --sort dso,sym -F sample,dso,sym --stdio -g none 2>/dev/null \
    | grep -v '^#' | grep -v '^$' >> "$WORK/samples"
  rm -f "$WORK/perf.$run"
  # The runtime's perf map of this run, which perf report has read (/tmp/perf-PID.map).
  { ls /tmp/perf-*.map 2>/dev/null || true; } | sort | comm -13 "$WORK/maps.before" - | xargs -r rm -f
  strace -f -ttt --seccomp-bpf -e trace=execve,openat,write,exit_group -o "$WORK/trace.$run" "${RUN[@]}" >/dev/null 2>&1
  awk -v input="$INPUT" 'NR == 1 { t0 = $2 }
       index($0, "\"" input "\"") && !opened { opened = $2 }
       /layer 1\/[0-9]+/ && !first { first = $2 }
       /layer [0-9]+\/[0-9]+/ { last = $2 }
       /exit_group/ { end = $2 }
       END { printf "%.3f %.3f %.3f %.3f %.3f\n", opened - t0, first - opened, last - first, end - last, end - t0 }' "$WORK/trace.$run" >> "$WORK/wall"
done

cpu=$(awk '{ print $2 + $3 }' "$WORK/times" | median)
echo "median wall $(cut -d' ' -f1 "$WORK/times" | median) s, CPU (user + sys) $cpu s (unsampled runs)"
echo
echo "CPU by component (all sampled runs together):"
awk -v cpu="$cpu" '
  {
    n = $1; dso = $2; sym = $0
    if (dso == "[kernel.kallsyms]") {
      part = (sym ~ /copy_to_iter|copy_page_to_iter|filemap_|xas_load/) ? "kernel: copying the input (pread)" : "kernel: other (page faults, process start, threads)"
    } else if (dso ~ /libclrjit/) {
      part = "JIT compiler (libclrjit)"
    } else if (dso ~ /libcoreclr/) {
      part = "runtime (libcoreclr: type loading, stubs, GC)"
    } else if (dso ~ /^\[JIT\]/ || dso ~ /\.dll$/) {
      code = (dso ~ /\.dll$/) ? "precompiled" : "JIT-compiled"
      if (sym ~ /Monotone\.Engine/) what = "analysis (Monotone.Engine)"
      else if (sym ~ /Monotone\.TensorInput/) what = "input conversion (Monotone.TensorInput)"
      else if (sym ~ /System\.IO\.Hashing/) what = "input fingerprint (XxHash128)"
      else if (sym ~ /System\.Numerics\.Tensors/) what = "TensorPrimitives"
      else what = "other managed code"
      part = "managed, " code ": " what
    } else {
      part = "native libraries (libc, loader, host)"
    }
    samples[part] += n; total += n
  }
  END {
    for (p in samples) printf "%6.1f%%  %6.3f s  %s\n", 100 * samples[p] / total, cpu * samples[p] / total, p
  }' "$WORK/samples" | sort -rn
echo
echo "Wall time, medians of $RUNS traced runs:"
names=("exec to input opened (runtime start, command line)" "to the first layer done (header, kernels compiled)"
       "the other layers" "last layer to exit (result JSON, file)" "whole process (traced)")
for column in 1 2 3 4 5; do
  printf '%8s s  %s\n' "$(cut -d' ' -f"$column" "$WORK/wall" | median)" "${names[$((column - 1))]}"
done
echo "load at end $(load)"
