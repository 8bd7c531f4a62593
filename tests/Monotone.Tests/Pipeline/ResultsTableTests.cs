using System.Globalization;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// experiments/results.csv end to end on small synthetic studies: written by the analysis stage
/// from the result files, named by status, checked by verify, repaired without re-analysis.
/// </summary>
public sealed class ResultsTableTests
{
    private const string Header =
        "label,model_id,sequence_length,variant,layer,combinations,violations_count,total_absolute_error,total_relative_error,violation_rate,absolute_error,absolute_error_std,relative_error,relative_error_std,input_format,input_fingerprint";

    private static string TablePath(SampleStudy study) => Path.Combine(study.Folder, "experiments", "results.csv");

    [Fact]
    public void A_run_writes_one_row_per_model_sequence_length_and_layer_with_every_statistic_in_manifest_order()
    {
        // beta before alpha, two sequence lengths: the rows follow the manifest, not the alphabet.
        using var study = new SampleStudy("""
            data:
              source: synthetic
            sequence_lengths: [16, 8]
            models:
              - { id: org/beta, label: beta, layers: 2, heads: 3 }
              - { id: org/alpha, label: alpha, layers: 3, heads: 4 }
            """);

        var run = study.Tool("run");

        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = File.ReadAllText(TablePath(study)).Split('\n');
        Assert.Equal(Header, lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1].Select(l => l.Split(',')).ToList();
        Assert.Equal(
            ["beta/16/1", "beta/16/2", "beta/8/1", "beta/8/2", "alpha/16/1", "alpha/16/2", "alpha/16/3", "alpha/8/1", "alpha/8/2", "alpha/8/3"],
            rows.Select(r => $"{r[0]}/{r[2]}/{r[4]}"));
        foreach (var (label, id, n) in new[] { ("beta", "org/beta", 16), ("beta", "org/beta", 8), ("alpha", "org/alpha", 16), ("alpha", "org/alpha", 8) })
        {
            var result = ResultJson.Read(study.Result(label, n));
            var mine = rows.Where(r => r[0] == label && r[2] == n.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(result.Layers.Count, mine.Count);
            foreach (var (row, layer) in mine.Zip(result.Layers))
            {
                Assert.Equal(id, row[1]);
                Assert.Equal("default", row[3]);
                Assert.Equal(layer.Layer, int.Parse(row[4], CultureInfo.InvariantCulture));
                Assert.Equal(layer.Combinations, long.Parse(row[5], CultureInfo.InvariantCulture));
                Assert.Equal(layer.ViolationsCount, long.Parse(row[6], CultureInfo.InvariantCulture));

                // Round-trippable: the floats read back bit for bit.
                double[] floats = [.. row[7..14].Select(f => double.Parse(f, CultureInfo.InvariantCulture))];
                Assert.Equal(
                    [layer.TotalAbsoluteError, layer.TotalRelativeError, layer.ViolationRate, layer.AbsoluteError, layer.AbsoluteErrorStd, layer.RelativeError, layer.RelativeErrorStd],
                    floats);
                Assert.Equal(result.Input.Format, row[14]);
                Assert.Equal(result.Input.Fingerprint, row[15]);
            }
        }

    }

    [Fact]
    public void A_hand_damaged_table_is_stale_fails_check_and_verify_and_a_run_repairs_it_without_analysing()
    {
        using var study = new SampleStudy().Ran("repro");
        string table = TablePath(study);
        byte[] good = File.ReadAllBytes(table);
        var resultTimes = new[] { study.Result("alpha", 16), study.Result("beta", 16) }.Select(File.GetLastWriteTimeUtc).ToList();
        string[] lines = File.ReadAllLines(table);
        lines[2] = lines[2].Replace(",org/alpha,", ",org/alpha-edited,", StringComparison.Ordinal);
        File.WriteAllLines(table, lines);

        var status = study.Tool("status");
        var check = study.Tool("status", "--check");
        var verify = study.Tool("verify");
        var dryRun = study.Tool("repro", "--dry-run");
        byte[] afterDryRun = File.ReadAllBytes(table);
        var run = study.Tool("run");
        var after = study.Tool("status", "--check");

        RunAssert.StatusSays(status, 0, "results.csv  stale: differs from the results");
        Assert.Equal(1, check.ExitCode);
        RunAssert.Printed(verify, 1, "verify: experiments/results.csv is stale");
        RunAssert.Printed(dryRun, 0, "monotone: results.csv: would be written (differs from the results)");
        Assert.NotEqual(good, afterDryRun);
        RunAssert.Logged(run, 0, "monotone: 0 analysed, 2 fresh");
        Assert.Equal(good, File.ReadAllBytes(table));
        Assert.Equal(resultTimes, new[] { study.Result("alpha", 16), study.Result("beta", 16) }.Select(File.GetLastWriteTimeUtc));
        RunAssert.StatusSays(after, 0, "results.csv  fresh");
    }

    [Fact]
    public void A_deleted_table_is_missing_in_status_json_and_repro_rewrites_it_without_analysing()
    {
        using var study = new SampleStudy().Ran("repro");
        string table = TablePath(study);
        byte[] good = File.ReadAllBytes(table);
        File.Delete(table);

        var (_, output, _) = study.Tool("status", "--json");
        var repro = study.Tool("repro");

        using (var json = System.Text.Json.JsonDocument.Parse(output))
        {
            var entry = json.RootElement.GetProperty("table");
            Assert.Equal("experiments/results.csv", entry.GetProperty("path").GetString()!.Replace('\\', '/'));
            Assert.False(entry.GetProperty("fresh").GetBoolean());
            Assert.Equal(["missing"], entry.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        }

        RunAssert.Logged(repro, 0, "monotone: 0 analysed, 2 fresh");
        Assert.Equal(good, File.ReadAllBytes(table));
    }

    [Fact]
    public void A_second_run_leaves_the_table_untouched()
    {
        using var study = new SampleStudy().Ran("run");
        string table = TablePath(study);
        var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(table, written);

        study.Tool("run");

        Assert.Equal(written, File.GetLastWriteTimeUtc(table));
    }

    [Fact]
    public void Without_every_result_no_table_is_written_and_status_says_what_it_waits_for()
    {
        using var study = new SampleStudy(ReproTests.TwoFileModels);
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");

        var run = study.Tool("run", "--keep-going");
        var status = study.Tool("status");

        Assert.Equal(2, run.ExitCode);
        Assert.True(File.Exists(study.Result("model", 12)));
        Assert.False(File.Exists(TablePath(study)));
        RunAssert.StatusSays(status, 0, "results.csv  stale: waits for the analysis of other/12");
    }

    [Fact]
    public void Results_kept_without_their_input_keep_their_rows()
    {
        using var study = new SampleStudy(ReproTests.TwoFileModels);
        string input = FileInputTests.CopyInput(study.Folder, "f32_basic.pt");
        string other = input.Replace("org_model", "org_other", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.Copy(input, other);
        study.Tool("run");
        byte[] good = File.ReadAllBytes(TablePath(study));
        Directory.Delete(Path.Combine(study.Folder, "data"), recursive: true);
        File.Delete(TablePath(study));

        var run = study.Tool("run");

        RunAssert.Logged(run, 0, "2 kept without their input");
        Assert.Equal(good, File.ReadAllBytes(TablePath(study)));
        Assert.Equal(2 * 3, File.ReadAllLines(TablePath(study)).Count(l => l.StartsWith("model,", StringComparison.Ordinal) || l.StartsWith("other,", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_model_id_with_a_comma_or_quote_is_quoted_as_rfc_4180_says()
    {
        using var study = new SampleStudy("""
            data:
              source: synthetic
            sequence_lengths: [8]
            models:
              - { id: 'org/a,"b"', label: alpha, layers: 1, heads: 2 }
            """);

        var run = study.Tool("run");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("alpha,\"org/a,\"\"b\"\"\",8,default,1,", File.ReadAllLines(TablePath(study))[1], StringComparison.Ordinal);
    }
}
