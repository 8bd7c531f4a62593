using Monotone.Core;
using Monotone.TensorInput;
using Monotone.TensorInput.Formats;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// Inputs the reference libraries refuse are refused here too, and a tensor name that chooses
/// nothing is an error, not a silent no-op.
/// </summary>
public sealed class StrictInputTests
{
    // NumPy's header check lets True pass (isinstance(True, int)), but its read_array then fails:
    // `array.shape = shape` raises "TypeError: an integer is required" (NumPy 1.26 under Debian's python3).
    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (True, 1, 2, 2)}")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, False)}")]
    public void An_npy_shape_with_a_bool_in_it_is_refused_as_numpy_refuses_it(string header)
    {
        var error = Assert.Throws<BadInputException>(() => NpyFormat.Header("x.npy", header));

        Assert.Equal(DiagnosticCodes.Input.NpyHeader, error.Code);
        Assert.Contains("'shape' is not a tuple of integers", error.Message, StringComparison.Ordinal);
    }

    // safetensors reads __metadata__ as Option<HashMap<String, String>>: null is None, anything else must map strings
    // to strings. The table is that rule, case by case: what safetensors reads is read, what it refuses is refused.
    [Theory]
    [InlineData("{\"format\": \"pt\", \"note\": \"\"}", true)]
    [InlineData("{}", true)]
    [InlineData("null", true)]
    [InlineData("{\"format\": 1}", false)]
    [InlineData("{\"format\": \"pt\", \"step\": 10}", false)]
    [InlineData("{\"nested\": {\"a\": \"b\"}}", false)]
    [InlineData("[\"pt\"]", false)]
    [InlineData("\"pt\"", false)]
    public void Safetensors_metadata_is_read_when_it_maps_strings_to_strings_or_is_none_and_refused_otherwise(string metadata, bool read)
    {
        using var folder = new TemporaryFolder();
        string path = WriteSafetensors(folder.File("meta.safetensors"), metadata);

        if (read)
        {
            using var tensor = AttentionTensor.Open(path);
            Assert.Equal(TensorDtype.Float32, tensor.Dtype);
        }
        else
        {
            var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path).Dispose());
            Assert.Equal(DiagnosticCodes.Input.SafetensorsHeader, error.Code);
            Assert.Contains("'__metadata__' must map strings to strings", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("f32_c.npy")]
    [InlineData("f32_basic.pt")]
    public void A_tensor_name_for_a_file_of_one_unnamed_tensor_is_an_error_naming_the_file(string fixture)
    {
        string path = Path.Combine(NotebookCases.Folder, fixture);
        using (AttentionTensor.Open(path))
        {
            // Without a name the file opens: the error below is about the name alone.
        }

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path, "attention_probs_mean").Dispose());

        Assert.Equal(DiagnosticCodes.Input.TensorChoice, error.Code);
        Assert.Contains(fixture, error.Message, StringComparison.Ordinal);
        Assert.Contains("no tensor 'attention_probs_mean' to choose", error.Message, StringComparison.Ordinal);
    }

    // One float32 tensor [1, 1, 2, 2] of a causal softmax, with the given metadata.
    private static string WriteSafetensors(string path, string metadata) =>
        SafetensorsFile.Write(
            path,
            $"{{\"__metadata__\": {metadata}, \"attention_probs_mean\": {{\"dtype\": \"F32\", \"shape\": [1, 1, 2, 2], \"data_offsets\": [0, 16]}}}}",
            [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(0f), .. BitConverter.GetBytes(0.5f), .. BitConverter.GetBytes(0.5f)]);
}
