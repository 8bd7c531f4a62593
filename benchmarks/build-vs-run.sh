#!/usr/bin/env bash
# The pipeline of a Debug `dotnet build` against `dotnet monotone run --force` with the
# Release tool, on the same study (mpt-7b's shape, synthetic, n = 256 and 512), on this machine.
# The build side is the MonotoneAnalyze target of a Debug build (MSBuild's performance
# summary), so it counts the pipeline's whole tool process, not MSBuild's own start-up.
# The issue-12 bar: at most 1.2x.
#
#   benchmarks/build-vs-run.sh          # RUNS=3 (median), LENGTHS="256, 512", JOBS=1
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
LENGTHS=${LENGTHS:-256, 512}
JOBS=${JOBS:-1}   # the pipeline's default (MonotoneJobs)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The tool and tasks as each configuration builds them; paths from the projects themselves.
dotnet build tools/Monotone.Tool -nologo -v:q >/dev/null
dotnet build build/Monotone.Build -nologo -v:q >/dev/null
dotnet build tools/Monotone.Tool -c Release -nologo -v:q >/dev/null
debug_tool=$(dotnet msbuild tools/Monotone.Tool -getProperty:TargetPath)
tasks=$(dotnet msbuild build/Monotone.Build -getProperty:TargetPath)
release_tool=$(dotnet msbuild tools/Monotone.Tool -getProperty:TargetPath -p:Configuration=Release)

cat > "$WORK/experiments.yaml" <<YAML
title: Debug build against Release run
data:
  source: synthetic
sequence_lengths: [$LENGTHS]
models:
  - id: anas-awadalla/mpt-7b
    label: mpt-7b
    layers: 32
    heads: 32
YAML
# A study project like tests/Monotone.Tests/Support/SampleRepository: the repository's targets
# with the Debug tool and tasks, so the numbers are the Debug build's pipeline and nothing else.
cat > "$WORK/Study.csproj" <<XML
<Project Sdk="Microsoft.Build.NoTargets/3.7.0">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <MonotoneManifest>\$(MSBuildProjectDirectory)/experiments.yaml</MonotoneManifest>
    <MonotoneToolDll>$debug_tool</MonotoneToolDll>
    <MonotoneTasksDll>$tasks</MonotoneTasksDll>
    <MonotoneJobs>$JOBS</MonotoneJobs>
  </PropertyGroup>
  <Import Project="$PWD/build/Monotone.targets" />
</Project>
XML
(cd "$WORK" && dotnet restore -nologo -v:q >/dev/null)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for run in $(seq "$RUNS"); do
  rm -rf "$WORK/experiments"
  (cd "$WORK" && dotnet build --no-restore -nologo -v:q -clp:PerformanceSummary) \
    | awk '$3 == "MonotoneAnalyze" { printf "%.3f\n", $1 / 1000 }' >> "$WORK/build"
  # The Debug tool alone, with the pipeline's command line: the build's share without MSBuild.
  /usr/bin/time -f '%e' -o "$WORK/time" dotnet exec "$debug_tool" run --force --manifest "$WORK/experiments.yaml" --jobs "$JOBS" >/dev/null 2>&1
  tail -n 1 "$WORK/time" >> "$WORK/debug"
  /usr/bin/time -f '%e' -o "$WORK/time" dotnet exec "$release_tool" run --force --manifest "$WORK/experiments.yaml" --jobs "$JOBS" >/dev/null 2>&1
  tail -n 1 "$WORK/time" >> "$WORK/run"
  echo "run $run: Debug build's MonotoneAnalyze $(tail -n 1 "$WORK/build") s, Debug tool $(tail -n 1 "$WORK/debug") s, Release run --force $(tail -n 1 "$WORK/run") s" >&2
done
build=$(median < "$WORK/build")
debug=$(median < "$WORK/debug")
run=$(median < "$WORK/run")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "mpt-7b shape, n = [$LENGTHS], jobs $JOBS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Debug dotnet build (MonotoneAnalyze target): $build s = $(ratio "$build" "$run")x; Debug tool run --force: $debug s = $(ratio "$debug" "$run")x; Release tool run --force: $run s"
