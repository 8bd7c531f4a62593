using Monotone.Core;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// Negative values where probabilities are expected (logits such as a mean of q·k) are analysed
/// as the notebook analyses them, with a warning that names the first one.
/// </summary>
public class NegativeValuesTests
{
    [Fact]
    public void Logits_give_the_notebooks_numbers_and_one_warning_naming_the_first_negative_element()
    {
        var testCase = NotebookCases.Get("large_logits");
        string path = NotebookCases.PathOf(testCase);
        using var folder = new TemporaryFolder();
        string output = folder.File("result.json");
        var first = FirstNegativeByHand(path);

        var (code, _, error) = ToolRunner.RunBounded("analyze", path, "-o", output);

        Assert.True(code == 0, error);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), ResultJson.Read(output).Layers);
        string warning = Assert.Single(error.Split('\n'), line => line.Contains("warning", StringComparison.Ordinal));
        Assert.Contains($"[layer, head, query, key] = [{first.Layer}, {first.Head}, {first.Query}, {first.Key}]", warning, StringComparison.Ordinal);
        Assert.Contains(DiagnosticCodes.Input.NegativeValues, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_give_no_warning()
    {
        string path = NotebookCases.PathOf(NotebookCases.Get("f32_basic"));
        using var folder = new TemporaryFolder();

        var (code, _, error) = ToolRunner.RunBounded("analyze", path, "-o", folder.File("result.json"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_negative_element_is_the_same_whatever_order_heads_are_read_in()
    {
        string path = NotebookCases.PathOf(NotebookCases.Get("large_logits"));
        using var tensor = AttentionTensor.Open(path);
        int n = tensor.SequenceLength;
        var buffer = new double[n * n];
        for (int layer = tensor.Layers - 1; layer >= 0; layer--)
        {
            for (int head = tensor.Heads - 1; head >= 0; head--)
            {
                tensor.ReadHead(layer, head, buffer);
            }
        }

        Assert.Equal(FirstNegativeByHand(path), tensor.FirstNegative);
    }

    // Element by element over keys 0..query, in [layer, head, query, key] order.
    private static NegativeElement FirstNegativeByHand(string path)
    {
        using var tensor = AttentionTensor.Open(path);
        int n = tensor.SequenceLength;
        var buffer = new double[n * n];
        for (int layer = 0; layer < tensor.Layers; layer++)
        {
            for (int head = 0; head < tensor.Heads; head++)
            {
                tensor.ReadHead(layer, head, buffer);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j <= i; j++)
                    {
                        if (buffer[(i * n) + j] < 0)
                        {
                            return new NegativeElement(layer, head, i, j, buffer[(i * n) + j]);
                        }
                    }
                }
            }
        }

        throw new InvalidOperationException("no negative element");
    }
}
