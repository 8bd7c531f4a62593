using System.Collections;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// A Python OrderedDict (what every <c>module.state_dict()</c> is): a <see cref="Hashtable"/>,
/// which Razorvine's SETITEMS fills, that accepts the state torch pickles with it. Its order
/// is not kept: Razorvine's SETITEMS inserts each batch of items in reverse.
/// </summary>
internal sealed class OrderedTable : Hashtable
{
    /// <summary>
    /// BUILD's target: torch pickles a state_dict's <c>_metadata</c> attribute (per-module
    /// versions) as its state, which says nothing about tensors and is dropped.
    /// </summary>
    public void __setstate__(Hashtable state)
    {
        _ = state;
    }
}
