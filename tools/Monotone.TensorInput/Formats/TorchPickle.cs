using System.Collections;
using Monotone.Core;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// Unpickles torch.save's data.pkl with Razorvine.Pickle. No tensor data is read
/// here: the pickle only says which storage record holds a tensor and how the
/// tensor views it (offset, shape, strides). The stream is checked against
/// <see cref="PickleBounds"/> first, so no pickle costs more than they allow.
/// Python dicts arrive as <see cref="Hashtable"/> (Razorvine's choice), OrderedDicts
/// (every <c>state_dict()</c>) as <see cref="OrderedTable"/>, lists as <see cref="ArrayList"/>
/// and tuples as <c>object[]</c>.
/// </summary>
internal sealed class TorchPickle : Unpickler
{
    public TorchPickle()
    {
        registerConstructor("torch._utils", "_rebuild_tensor_v2", new RebuildTensor());
        registerConstructor("torch._utils", "_rebuild_tensor", new RebuildTensor());
        registerConstructor("torch._utils", "_rebuild_parameter", new RebuildParameter());
        registerConstructor("torch._utils", "_rebuild_parameter_with_state", new RebuildParameter());
        registerConstructor("collections", "OrderedDict", new NewOrderedTable());
    }

    /// <exception cref="BadInputException">The stream exceeds <see cref="PickleBounds"/>.</exception>
    public static object Load(string path, byte[] pickle)
    {
        PickleBounds.Check(path, pickle);
        using var unpickler = new TorchPickle();
        return unpickler.loads(pickle);
    }

    // torch.save writes each storage as a persistent id:
    // ('storage', torch.FloatStorage, key, location, numel).
    protected override object persistentLoad(object pid)
    {
        if (pid is object[] { Length: >= 3 } tuple && tuple[0] is string kind && kind == "storage")
        {
            string typeName = tuple[1] is ClassDictConstructor c ? c.name : tuple[1]?.ToString() ?? "?";
            return new StorageRef(Convert.ToString(tuple[2], System.Globalization.CultureInfo.InvariantCulture)!, typeName);
        }

        throw new PickleException("unknown persistent id in data.pkl");
    }

    private sealed class RebuildTensor : IObjectConstructor
    {
        public object construct(object[] args)
        {
            if (args.Length < 4 || args[0] is not StorageRef storage)
            {
                throw new PickleException("unexpected arguments to _rebuild_tensor");
            }

            return new TensorRef(storage, ToLong(args[1]), ToLongs(args[2]), ToLongs(args[3]));
        }

        // Pickled Python ints arrive as int or long (BigInteger past 64 bits, which no shape needs);
        // anything else is a damaged pickle, not a number to convert.
        private static long ToLong(object value) => value switch
        {
            int small => small,
            long large => large,
            _ => throw new PickleException($"tensor offset, shape or stride holds a {value?.GetType().Name ?? "None"}, not an integer"),
        };

        private static long[] ToLongs(object value) => value switch
        {
            object[] items => items.Select(ToLong).ToArray(),
            IEnumerable items => items.Cast<object>().Select(ToLong).ToArray(),
            _ => throw new PickleException("tensor shape is not a tuple"),
        };
    }

    private sealed class RebuildParameter : IObjectConstructor
    {
        public object construct(object[] args) =>
            args.Length > 0 && args[0] is TensorRef tensor ? tensor : throw new PickleException("unexpected parameter");
    }

    // OrderedDict() or OrderedDict(items); Razorvine's SETITEMS fills it as a Hashtable.
    private sealed class NewOrderedTable : IObjectConstructor
    {
        public object construct(object[] args)
        {
            var table = new OrderedTable();
            if (args is [IEnumerable items, ..])
            {
                foreach (object item in items)
                {
                    if (item is object[] { Length: 2 } pair && pair[0] is not null)
                    {
                        table[pair[0]] = pair[1];
                    }
                }
            }

            return table;
        }
    }
}

/// <summary>A storage record named in the pickle: archive key and PyTorch storage class.</summary>
internal sealed record StorageRef(string Key, string TypeName)
{
    public TensorDtype Dtype => TypeName switch
    {
        "HalfStorage" => TensorDtype.Float16,
        "BFloat16Storage" => TensorDtype.BFloat16,
        "FloatStorage" => TensorDtype.Float32,
        "DoubleStorage" => TensorDtype.Float64,
        _ => throw new NotSupportedException(TypeName),
    };

    /// <summary>The dtype PyTorch users know, for error messages ("LongStorage" is int64).</summary>
    public string TorchDtypeName => TypeName switch
    {
        "LongStorage" => "int64",
        "IntStorage" => "int32",
        "ShortStorage" => "int16",
        "CharStorage" => "int8",
        "ByteStorage" => "uint8",
        "BoolStorage" => "bool",
        "ComplexFloatStorage" => "complex64",
        "ComplexDoubleStorage" => "complex128",
        _ => TypeName,
    };
}

/// <summary>A tensor as the pickle describes it: a view into a storage record.</summary>
internal sealed record TensorRef(StorageRef Storage, long StorageOffset, long[] Shape, long[] Strides);
