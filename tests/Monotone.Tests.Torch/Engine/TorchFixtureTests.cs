using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Torch;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Torch.Engine;

/// <summary>The torch engine on the CPU against the notebook's own numbers and the reference engine, on every PyTorch-written fixture.</summary>
public class TorchFixtureTests
{
    [Theory]
    [MemberData(nameof(NotebookCases.Valid), MemberType = typeof(NotebookCases))]
    public void Torch_engine_on_the_CPU_reproduces_the_notebook_and_the_reference_engine(string name)
    {
        var testCase = NotebookCases.Get(name);
        using var tensor = AttentionTensor.Open(NotebookCases.PathOf(testCase), NotebookCases.TensorOf(testCase));
        var options = NotebookCases.OptionsOf(testCase);

        var layers = TorchEngine.Open(TorchDevice.Cpu).Analyze(tensor, options);

        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), layers);
        NotebookAgreement.AssertEqual(new ReferenceEngine().Analyze(tensor, options), layers);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("neg_inf_row")]
    [InlineData("nan_after_neg_inf")]
    public void Values_the_analysis_cannot_use_are_refused_as_the_reference_engine_refuses_them(string name)
    {
        var testCase = NotebookCases.Get(name);
        using var tensor = AttentionTensor.Open(NotebookCases.PathOf(testCase), NotebookCases.TensorOf(testCase));

        var expected = Assert.Throws<BadInputException>(() => new ReferenceEngine().Analyze(tensor, new AnalysisOptions()));
        var actual = Assert.Throws<BadInputException>(() => TorchEngine.Open(TorchDevice.Cpu).Analyze(tensor, new AnalysisOptions()));

        Assert.Equal(expected.Message, actual.Message);
    }
}
