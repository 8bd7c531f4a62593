#!/usr/bin/env python3
"""A/B of whole processes: runs each command in turn, RUNS times, alternating the order every
round (A B, B A, ...) so that a change in the machine's load falls on every variant, and prints
per variant the median and minimum wall time (a monotonic clock around fork and wait, finer than
GNU time's 10 ms) and the median CPU time (user + sys of the child, from wait4), with the load
before and after. A command that fails is reported. Used for the start-up A/Bs of
docs/building.md ("Start-up").

    benchmarks/alternate.py 31 'old=dotnet A/dotnet-monotone.dll analyze IN -o /tmp/a.json' \\
                               'new=dotnet B/dotnet-monotone.dll analyze IN -o /tmp/b.json'
"""
import os
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    variants = [argument.split("=", 1) for argument in sys.argv[2:]]
    times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in variants}
    load = os.getloadavg()[0]
    for round_ in range(runs):
        for label, command in variants if round_ % 2 == 0 else variants[::-1]:
            start = time.perf_counter()
            child = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            if status != 0:
                print(f"{label}: exit status {status}", file=sys.stderr)
            times[label].append((wall, usage.ru_utime + usage.ru_stime))
    print(f"{runs} runs each, alternating; {os.cpu_count()} cores, load {load:.1f} -> {os.getloadavg()[0]:.1f}")
    for label, _ in variants:
        wall = [w for w, _ in times[label]]
        cpu = [c for _, c in times[label]]
        print(f"{label:32s} wall median {statistics.median(wall) * 1000:6.1f} ms, min {min(wall) * 1000:6.1f} ms; "
              f"CPU median {statistics.median(cpu) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
