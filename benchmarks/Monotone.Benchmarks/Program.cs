using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Fast;
using Monotone.TensorInput;

namespace Monotone.Benchmarks;

/// <summary>
/// <c>floor SOURCE</c>, <c>scale SOURCE</c> and <c>phases SOURCE</c> are timed as whole
/// processes by run-benchmarks.sh; anything else goes to BenchmarkDotNet
/// (<c>--filter '*'</c> runs every benchmark of the engine's parts).
/// SOURCE is a tensor file or <c>synthetic:MODEL:N</c> (<see cref="ModelShapes"/>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is [var command, var spec, .. var rest] && command is "floor" or "scale" or "phases")
        {
            int jobs = rest is ["--jobs", var j] ? int.Parse(j, CultureInfo.InvariantCulture) : Environment.ProcessorCount;
            using var owner = Open(spec, out var source);
            var clock = Stopwatch.StartNew();
            string detail = command switch
            {
                "floor" => $"checksum={Floor.Run(source, jobs):R}",
                "scale" => Scale(source, jobs),
                _ => Phases(source),
            };
            Console.WriteLine(
                $"{command} {source.Path} [{source.Layers}, {source.Heads}, {source.SequenceLength}, {source.SequenceLength}] "
                + $"seconds={clock.Elapsed.TotalSeconds:F3} peak_rss_mb={PeakRssMegabytes()} jobs={jobs} {detail}");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static AttentionTensor? Open(string spec, out IAttentionSource source)
    {
        if (spec.Split(':') is ["synthetic", var model, var n])
        {
            var (label, layers, heads) = ModelShapes.Get(model);
            source = new BenchmarkAttention(label, layers, heads, int.Parse(n, CultureInfo.InvariantCulture));
            return null;
        }

        var tensor = AttentionTensor.Open(spec);
        source = tensor;
        return tensor;
    }

    private static string Scale(IAttentionSource source, int jobs)
    {
        var layers = new FastEngine(jobs).Analyze(source, new AnalysisOptions());
        return $"violations={layers.Sum(l => l.ViolationsCount)} mean_rate={layers.Average(l => l.ViolationRate):E3}";
    }

    /// <summary>One thread, each stage timed on its own: where the engine's time goes.</summary>
    private static string Phases(IAttentionSource source)
    {
        int n = source.SequenceLength;
        var head = new double[n * n];
        var mean = new double[n * n];
        var counter = new ViolationCounter(n);
        var alibi = StreamedSoftmax.AlibiRows(new AnalysisOptions().SlopesFor(source), n);
        var read = new Stopwatch();
        var transform = new Stopwatch();
        var statistics = new Stopwatch();
        for (int layer = 0; layer < source.Layers; layer++)
        {
            read.Start();
            for (int h = 0; h < source.Heads; h++)
            {
                source.ReadHead(layer, h, head);
            }

            read.Stop();
            transform.Start();
            StreamedSoftmax.CumulativeByColumn(source, layer, alibi, mean, head, CancellationToken.None);
            transform.Stop();
            statistics.Start();
            counter.Layer(head, AnalysisOptions.NotebookEpsilon, AnalysisOptions.NotebookRelativeFloor);
            statistics.Stop();
        }

        return $"read={read.Elapsed.TotalSeconds:F3} transform_incl_read={transform.Elapsed.TotalSeconds:F3} statistics={statistics.Elapsed.TotalSeconds:F3}";
    }

    private static long PeakRssMegabytes()
    {
        // VmHWM: the peak resident set, as /usr/bin/time reports it.
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
