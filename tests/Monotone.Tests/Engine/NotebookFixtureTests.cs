using Monotone.Core;
using Monotone.Engine;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Engine;

/// <summary>Every engine against the notebook's own numbers on every PyTorch-written fixture.</summary>
public class NotebookFixtureTests
{
    [Theory]
    [MemberData(nameof(NotebookCases.Valid), MemberType = typeof(NotebookCases))]
    public void Reference_engine_reproduces_the_notebook(string name) => AssertReproduces(new ReferenceEngine(), name);

    [Theory]
    [MemberData(nameof(NotebookCases.Valid), MemberType = typeof(NotebookCases))]
    public void Fast_engine_reproduces_the_notebook(string name) => AssertReproduces(new FastEngine(jobs: 2), name);

    [Theory]
    [MemberData(nameof(NotebookCases.Valid), MemberType = typeof(NotebookCases))]
    public void Shape_dtype_and_slopes_are_read_as_PyTorch_reads_them(string name)
    {
        var testCase = NotebookCases.Get(name);
        var expected = testCase.GetProperty("expected");
        using var tensor = AttentionTensor.Open(NotebookCases.PathOf(testCase), NotebookCases.TensorOf(testCase));

        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), tensor.Shape);
        Assert.Equal(expected.GetProperty("dtype").GetString(), tensor.Dtype.TorchName());
        Assert.Equal(testCase.GetProperty("format").GetString(), tensor.Format.Spelling());
        Assert.Equal(
            expected.GetProperty("slope_values").EnumerateArray().Select(e => e.GetDouble()),
            NotebookCases.OptionsOf(testCase).SlopesFor(tensor));
    }

    private static void AssertReproduces(IMonotonicityEngine engine, string name)
    {
        var testCase = NotebookCases.Get(name);
        using var tensor = AttentionTensor.Open(NotebookCases.PathOf(testCase), NotebookCases.TensorOf(testCase));

        var layers = engine.Analyze(tensor, NotebookCases.OptionsOf(testCase));

        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), layers);
    }
}
