using Monotone.Core;
using Monotone.TensorInput.Formats;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// The .npy header is the Python literal numpy reads with ast.literal_eval: what numpy reads is
/// read the same way, what numpy refuses is refused (numpy/lib/format.py, _read_array_header).
/// </summary>
public class NpyHeaderTests
{
    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4, 4), }", TensorDtype.Float32, false, false)]
    [InlineData("{\"descr\": \">f8\", \"fortran_order\": True, \"shape\": (2, 3, 4, 4)}", TensorDtype.Float64, true, true)]
    [InlineData("{'shape': (2L, 3L, 4L, 4L), 'fortran_order': False, 'descr': '>f2'}", TensorDtype.Float16, true, false)]
    [InlineData("{u'descr': u'<f4', 'fortran_order': False, 'shape': (2, 3, 4, 4)}\n", TensorDtype.Float32, false, false)]
    [InlineData("{'descr': '<' 'f4', 'fortran_order': False, 'shape': (+2, 3, 4, 4,)}", TensorDtype.Float32, false, false)]
    [InlineData("{'descr': '=f8', 'fortran_order': False, 'shape': (2, 3, 4, 4)}", TensorDtype.Float64, false, false)]
    [InlineData("{'descr': 'float32', 'fortran_order': False, 'shape': (2, 3, 4, 4)}", TensorDtype.Float32, false, false)]
    [InlineData("{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, 4, 4)}", TensorDtype.Float64, false, false)]
    [InlineData("{'descr': '\\x3cf4', 'fortran_order': False, 'shape': (2, 3_0, 4, 4)}", TensorDtype.Float32, false, false)]
    public void Headers_numpy_reads_are_read_the_same(string header, TensorDtype dtype, bool swapped, bool fortran)
    {
        var (readDtype, readSwapped, readFortran, shape) = NpyFormat.Header("x.npy", header);

        Assert.Equal(dtype, readDtype);
        Assert.Equal(swapped, readSwapped);
        Assert.Equal(fortran, readFortran);
        Assert.Equal(4, shape.Length);
        Assert.Equal(2, shape[0]);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': \"'shape': (1, 1, 2, 2)\"}", DiagnosticCodes.Input.NpyHeader, "'shape' is not a tuple")]
    [InlineData("{'descr': \"<f4', 'shape': (1, 1, 2, 2), 'x': '\", 'fortran_order': False}", DiagnosticCodes.Input.NpyHeader, "exactly 'descr'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2), 'extra': 1}", DiagnosticCodes.Input.NpyHeader, "exactly 'descr'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False}", DiagnosticCodes.Input.NpyHeader, "exactly 'descr'")]
    [InlineData("{'descr': '<f4', 'fortran_order': 0, 'shape': (1, 1, 2, 2)}", DiagnosticCodes.Input.NpyHeader, "'fortran_order' is not True or False")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2)}", DiagnosticCodes.Input.NpyHeader, "'shape' is not a tuple")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': [1, 1, 2, 2]}", DiagnosticCodes.Input.NpyHeader, "'shape' is not a tuple")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1.0, 2, 2)}", DiagnosticCodes.Input.NpyHeader, "'shape' is not a tuple")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 1, 2, 2)}", DiagnosticCodes.Input.Dtype, "unsupported dtype '<i4'")]
    [InlineData("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1, 1, 2, 2)}", DiagnosticCodes.Input.Dtype, "unsupported dtype")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2)} junk", DiagnosticCodes.Input.NpyHeader, "not a Python literal")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2)", DiagnosticCodes.Input.NpyHeader, "not a Python literal")]
    [InlineData("{'descr': '<f4', 'fortran_order': false, 'shape': (1, 1, 2, 2)}", DiagnosticCodes.Input.NpyHeader, "'false' is not a literal")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (01, 1, 2, 2)}", DiagnosticCodes.Input.NpyHeader, "not a decimal integer")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2)} # comment", DiagnosticCodes.Input.NpyHeader, "not a Python literal")]
    [InlineData("{'descr': '''<f4''', 'fortran_order': False, 'shape': (1, 1, 2, 2)}", DiagnosticCodes.Input.NpyHeader, "triple-quoted")]
    [InlineData("['descr', 'fortran_order', 'shape']", DiagnosticCodes.Input.NpyHeader, "not a dictionary")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999, 1, 2, 2)}", DiagnosticCodes.Input.Shape, "does not fit 64 bits")]
    public void Headers_numpy_refuses_are_refused(string header, string code, string problem)
    {
        var error = Assert.Throws<BadInputException>(() => NpyFormat.Header("x.npy", header));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_literal_nested_past_the_depth_limit_is_refused_not_recursed_into()
    {
        string deep = new string('(', 100_000) + new string(')', 100_000);

        Assert.Throws<FormatException>(() => PythonLiteral.Parse(deep));
    }
}
