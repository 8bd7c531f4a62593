using System.Collections;
using System.Globalization;
using Monotone.Core;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// The tensors in an unpickled torch.save object, each named by its path: the dict
/// keys and list or tuple indices that lead to it, joined by dots, as
/// <c>module.state_dict()</c> keys already are (<c>model.layers.0</c> is
/// <c>obj["model"]["layers"][0]</c>, or a key <c>"layers.0"</c> of <c>obj["model"]</c>:
/// the same name either way).
/// </summary>
internal static class PickledTensors
{
    /// <summary>Containers deeper than this are not searched (checkpoints nest three or four levels).</summary>
    public const int MaxDepth = 32;

    private const int Listed = 8;

    /// <summary>Chooses the tensor to analyse: the one named, else the only one.</summary>
    /// <exception cref="BadInputException"><see cref="DiagnosticCodes.Input.TensorChoice"/> when the choice is not clear.</exception>
    public static TensorRef Select(string path, object? root, string? tensorName)
    {
        if (root is TensorRef single)
        {
            // A name that chooses nothing is a mistake in the manifest or command line, not a no-op.
            return tensorName is null ? single : throw BareTensor(path, tensorName);
        }

        var found = new List<(string Name, TensorRef Tensor)>();
        Collect(root, "", 0, found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        string what = Describe(root) is var kind && kind.StartsWith('O') ? $"an {kind}" : $"a {kind}";
        if (tensorName is not null)
        {
            var named = found.Where(t => t.Name == tensorName).Select(t => t.Tensor).Distinct().ToList();
            return named.Count switch
            {
                1 => named[0],
                0 => throw new BadInputException(DiagnosticCodes.Input.TensorChoice, path, $"holds no tensor named '{tensorName}' ({List(found)})"),
                _ => throw new BadInputException(DiagnosticCodes.Input.TensorChoice, path, $"holds {named.Count} different tensors named '{tensorName}' (a key with dots and a nested path that spell the same name)"),
            };
        }

        return found.Count switch
        {
            1 => found[0].Tensor,
            0 => throw new BadInputException(DiagnosticCodes.Input.TensorChoice, path, $"holds {what} with no tensor in it, not a tensor"),
            _ => throw new BadInputException(DiagnosticCodes.Input.TensorChoice, path, $"holds {what} of {found.Count} tensors, not a tensor ({List(found)}); choose one with --tensor"),
        };
    }

    /// <summary>A tensor name given for a file that holds one unnamed tensor (a bare torch.save tensor, an .npy file).</summary>
    internal static BadInputException BareTensor(string path, string tensorName) =>
        new(DiagnosticCodes.Input.TensorChoice, path, $"holds one unnamed tensor, so there is no tensor '{tensorName}' to choose; remove --tensor (or the manifest's tensor:)");

    private static string List(List<(string Name, TensorRef Tensor)> found) =>
        found.Count == 0 ? "it holds none"
        : "tensors: " + string.Join(", ", found.Take(Listed).Select(t => $"{t.Name} [{string.Join(", ", t.Tensor.Shape)}]"))
            + (found.Count > Listed ? $", ... ({found.Count - Listed} more)" : "");

    // Each container is searched once, however often the pickle refers to it, so cycles and
    // shared sub-trees cost no more than the objects the pickle holds.
    private static void Collect(object? value, string prefix, int depth, List<(string, TensorRef)> found, HashSet<object> seen)
    {
        if (value is TensorRef tensor)
        {
            found.Add((prefix, tensor));
            return;
        }

        if (depth >= MaxDepth || value is null || value is string || !seen.Add(value))
        {
            return;
        }

        switch (value)
        {
            case IDictionary dictionary:
                foreach (object key in Keys(dictionary))
                {
                    Collect(dictionary[key], Join(prefix, Convert.ToString(key, CultureInfo.InvariantCulture) ?? "None"), depth + 1, found, seen);
                }

                break;
            case IList list:
                for (int i = 0; i < list.Count; i++)
                {
                    Collect(list[i], Join(prefix, i.ToString(CultureInfo.InvariantCulture)), depth + 1, found, seen);
                }

                break;
        }
    }

    // Dicts arrive as Hashtables, whose order is arbitrary: keys are sorted so that names are
    // listed the same way on every run.
    private static IEnumerable<object> Keys(IDictionary dictionary) =>
        dictionary.Keys.Cast<object>().OrderBy(k => Convert.ToString(k, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    public static string Describe(object? value) => value switch
    {
        null => "None",
        TensorRef => "tensor",
        OrderedTable => "OrderedDict",
        IDictionary => "dict",
        object[] => "tuple",
        IList => "list",
        _ => value.GetType().Name,
    };
}
