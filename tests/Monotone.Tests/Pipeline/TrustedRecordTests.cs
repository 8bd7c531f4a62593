using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// The situations of issue 10, each of which once ended in a silent "fresh" (docs/record.md):
/// every one now ends stale and re-analysed, or in a visible warning or error.
/// </summary>
public class TrustedRecordTests
{
    private static readonly string FileManifest = FileInputTests.Manifest("data", "attention.npy");

    [Fact]
    public void A_fresh_clone_with_a_remeasured_tensor_of_the_same_size_is_stale_and_reanalysed()
    {
        using var study = new SampleStudy(FileManifest);
        string input = WriteNpy(study, seed: 1);
        study.Tool("run");
        var before = ResultJson.Read(study.Result("model", 12));

        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);
        WriteNpy(study, seed: 2);
        Assert.Equal(before.Input.Bytes, new FileInfo(input).Length);
        var status = study.Tool("status");
        var run = study.Tool("run");

        RunAssert.StatusSays(status, 0, "model/12  stale: input changed: xxh128:");
        RunAssert.Logged(run, 0, "monotone: 1 analysed");
        var after = ResultJson.Read(study.Result("model", 12));
        Assert.NotEqual(before.Input.Fingerprint, after.Input.Fingerprint);
        Assert.NotEqual(before.Layers.Select(l => l.TotalAbsoluteError), after.Layers.Select(l => l.TotalAbsoluteError));
    }

    [Fact]
    public void An_in_place_rewrite_with_its_modification_time_restored_is_stale()
    {
        using var study = new SampleStudy(FileManifest);
        string input = WriteNpy(study, seed: 1);
        study.Tool("run");
        var modified = File.GetLastWriteTimeUtc(input);
        byte[] other = Npy(seed: 2);

        // As rsync --inplace -t: same file (inode), same size, same mtime; only ctime moves.
        using (var stream = new FileStream(input, FileMode.Open, FileAccess.Write))
        {
            stream.Write(other);
        }

        File.SetLastWriteTimeUtc(input, modified);
        var status = study.Tool("status");
        var run = study.Tool("run");

        RunAssert.StatusSays(status, 0, "model/12  stale: input changed: xxh128:");
        RunAssert.Logged(run, 0, "monotone: 1 analysed");
    }

    [Fact]
    public void Switching_to_files_without_the_data_is_stale_and_an_error_that_keeps_the_results()
    {
        using var study = new SampleStudy().Ran("run");
        byte[] committed = File.ReadAllBytes(study.Result("alpha", 16));

        study.WriteManifest(SampleStudy.Tiny.Replace("source: synthetic", "source: files\n  root: nowhere", StringComparison.Ordinal));
        var status = study.Tool("status", "--check");
        var run = study.Tool("run");

        RunAssert.StatusSays(status, 1, "alpha/16  stale: input source changed: synthetic -> files; input path changed: synthetic:org/alpha/16 -> nowhere/org_alpha/16/attention_probs_mean.pt; input not on this machine");
        RunAssert.Logged(run, 2, "error MONO007: alpha/16: input not found: ", "its result must be analysed again (input source changed: synthetic -> files");
        Assert.Equal(committed, File.ReadAllBytes(study.Result("alpha", 16)));
    }

    public static TheoryData<string, string> Damages() => new()
    {
        { "non-finite", "holds a value that is not a finite number" },
        { "three of four layers", "layers holds 3 layers, but input.shape says 4" },
        { "no layers", "layers holds 0 layers, but input.shape says 4" },
        { "duplicated layer", "layers[1] is layer 1; layers must be numbered 1..L once each, in order" },
        { "rate above one", "violation_rate" },
        { "negative count", "layers[0] has violations_count -1, outside 0..1920" },
        { "shape against layers", "layers holds 4 layers, but input.shape says 5" },
        { "wrong combinations", "layers[2] has combinations 7, not n(n-1)/2 * n = 1920" },
        { "derived field", "layers[3] has absolute_error 0.5, but its totals give" },
        { "null layer", "layers[1] is null" },
        { "negative error", "layers[0] has a negative error, rate or standard deviation" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_result_that_breaks_an_invariant_is_unreadable_never_drawn_and_repaired_by_run(string damage, string reason)
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("layers: 3", "layers: 4", StringComparison.Ordinal)).Ran("run");
        string path = study.Result("alpha", 16);
        Damage(path, damage);

        var status = study.Tool("status");
        var figures = study.Tool("figures");
        var verify = study.Tool("verify");
        var run = study.Tool("run");

        RunAssert.StatusSays(status, 0, "alpha/16  stale: unreadable: ");
        RunAssert.Printed(status, 0, reason);
        RunAssert.Logged(figures, 2, $"{path}: ", reason);
        RunAssert.Printed(verify, 1, reason);
        RunAssert.Logged(run, 0, "monotone: 1 analysed");
        Assert.Null(ResultValidation.Problem(ResultJson.Read(path)));
    }

    [Fact]
    public void An_invalid_result_whose_input_is_not_here_is_an_error_naming_the_file_and_reason()
    {
        using var study = new SampleStudy(FileManifest);
        string input = WriteNpy(study, seed: 1);
        study.Tool("run");
        File.Delete(input);
        Damage(study.Result("model", 12), "null layer");

        var run = study.Tool("run");

        RunAssert.Logged(run, 2, "model/12: input not found", "unreadable: invalid result: layers[1] is null");
    }

    [Fact]
    public void Skipping_hashing_is_an_explicit_option_named_on_every_line_it_affects()
    {
        using var study = new SampleStudy(FileManifest);
        WriteNpy(study, seed: 1);
        study.Tool("run");
        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);

        var skipped = study.Tool("status", "--skip-hashing");
        var hashed = study.Tool("status", "--json");

        RunAssert.StatusSays(skipped, 0, "model/12  fresh (input not hashed: --skip-hashing trusted the committed fingerprint; verify re-hashes)");
        Assert.Equal("hashed", FileInputTests.FingerprintOrigin(hashed));
    }

    [Fact]
    public void An_orphaned_temporary_file_is_never_taken_for_a_result()
    {
        using var study = new SampleStudy().Ran("run");
        string folder = Path.GetDirectoryName(study.Result("alpha", 16))!;
        string orphan = Path.Combine(folder, ".monotonicity.json.999999.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(orphan, "{ \"format\": \"monotone-result/1\" }");
        File.Delete(study.Result("beta", 16));
        File.Copy(orphan, Path.Combine(Path.GetDirectoryName(study.Result("beta", 16))!, Path.GetFileName(orphan)));

        var status = study.Tool("status");
        var run = study.Tool("run", "--force");

        RunAssert.StatusSays(status, 0, "alpha/16  fresh", "beta/16   stale: no result yet");
        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(orphan));
        Assert.Equal(["monotonicity.csv", "monotonicity.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void Damage(string path, string damage)
    {
        string text = File.ReadAllText(path);

        // 1e400 parses as +Infinity: a tolerance relative to it would accept anything. JSON
        // writers cannot write it, so this damage is done to the text.
        File.WriteAllText(path, damage == "non-finite"
            ? new Regex("\"total_absolute_error\": [^,\\n]+").Replace(text, "\"total_absolute_error\": 1e400", 1)
            : DamageJson(JsonNode.Parse(text)!, damage).ToJsonString());
    }

    private static JsonNode DamageJson(JsonNode json, string damage)
    {
        var layers = json["layers"]!.AsArray();
        switch (damage)
        {
            case "three of four layers": layers.RemoveAt(3); break;
            case "no layers": layers.Clear(); break;
            case "duplicated layer": layers[1]!["layer"] = 1; break;
            case "rate above one": layers[0]!["violation_rate"] = 1.5; break;
            case "negative count": layers[0]!["violations_count"] = -1; break;
            case "shape against layers": json["input"]!["shape"]![0] = 5; break;
            case "wrong combinations": layers[2]!["combinations"] = 7; break;
            case "derived field": layers[3]!["absolute_error"] = 0.5; break;
            case "null layer": layers[1] = null; break;
            case "negative error": layers[0]!["total_absolute_error"] = -1.0; break;
            default: throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }

        return json;
    }

    private static string WriteNpy(SampleStudy study, int seed)
    {
        string input = Path.Combine(study.Folder, "data", "org_model", "12", "attention.npy");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.WriteAllBytes(input, Npy(seed));
        return input;
    }

    /// <summary>A [3, 4, 12, 12] float32 .npy of causal rows that sum to 1; same size for every seed.</summary>
    private static byte[] Npy(int seed)
    {
        const int L = 3, H = 4, n = 12;
        string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4, 12, 12), }";
        header = header.PadRight(64 - 10 - 1) + "\n";
        var bytes = new List<byte>([0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. Encoding.ASCII.GetBytes(header)]);
        var random = new Random(seed);
        for (int m = 0; m < L * H; m++)
        {
            for (int i = 0; i < n; i++)
            {
                var row = Enumerable.Range(0, n).Select(j => j <= i ? Math.Exp(4 * random.NextDouble()) : 0).ToArray();
                double sum = row.Sum();
                foreach (double v in row)
                {
                    bytes.AddRange(BitConverter.GetBytes((float)(v / sum)));
                }
            }
        }

        return [.. bytes];
    }
}
