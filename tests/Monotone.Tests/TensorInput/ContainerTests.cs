using Monotone.Core;
using Monotone.Engine;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// torch.save files whose tensor sits in containers (a state_dict's OrderedDict, lists, tuples,
/// nested dicts), chosen from the command line by dotted path, give the notebook's numbers.
/// </summary>
public class ContainerTests
{
    [Theory]
    [InlineData("torch_state_dict_module")]
    [InlineData("torch_tuple_index")]
    [InlineData("torch_nested_path")]
    [InlineData("torch_list_one_tensor")]
    [InlineData("torch_parameter")]
    [InlineData("torch_dict_single_no_name")]
    [InlineData("npy_be_f4")]
    [InlineData("npy_python2_long_sizes")]
    public void Analyze_reads_the_tensor_the_path_names_and_gives_the_notebooks_numbers(string name)
    {
        var testCase = NotebookCases.Get(name);
        string[] choice = NotebookCases.TensorOf(testCase) is { } tensor ? ["--tensor", tensor] : [];

        var result = AnalyzedResult.Of(NotebookCases.PathOf(testCase), choice);

        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), result.Layers);
    }

    [Theory]
    [InlineData("nested.pt", "model.layers.0", "tensor has rank 2 [2, 2]")]
    [InlineData("nested.pt", "model.layers.2", "no tensor named 'model.layers.2'")]
    [InlineData("tuple_two.pt", null, "a tuple of 2 tensors, not a tensor (tensors: 0 [3], 1 [2, 2, 7, 7]); choose one with --tensor")]
    public void An_unclear_choice_lists_the_tensors_and_their_shapes(string file, string? tensor, string problem)
    {
        string path = Path.Combine(NotebookCases.Folder, file);

        var error = Assert.Throws<BadInputException>(() =>
        {
            using var opened = AttentionTensor.Open(path, tensor);
            new ReferenceEngine().Analyze(opened, new AnalysisOptions());
        });

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
