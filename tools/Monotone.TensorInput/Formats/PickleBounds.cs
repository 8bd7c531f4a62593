using System.Buffers.Binary;
using Monotone.Core;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// Walks a pickle's opcode stream, without building anything, before Razorvine.Pickle
/// unpickles it, and refuses a stream that would take more time or memory than any
/// data.pkl that torch.save writes. The opcodes and their arguments are those of
/// CPython's <c>Lib/pickletools.py</c> (protocols 0-5).
/// </summary>
/// <remarks>
/// The limits and why (a real data.pkl describes tensors, about 20 opcodes each, in
/// containers a few levels deep; a state_dict of 10,000 tensors is about 200,000 opcodes):
/// <list type="bullet">
/// <item><see cref="MaxOpcodes"/>: every opcode builds at most one small object, so this bounds
/// the objects Razorvine allocates (a hundred bytes each: about 100 MB at the limit).</item>
/// <item><see cref="MaxStack"/>: objects waiting on the unpickler's stack. 20 MB of nested empty
/// lists keeps every list on it; pickle's own writer batches items by 1,000.</item>
/// <item><see cref="MaxMarks"/>: open MARKs, the nesting of tuples, lists and dicts being built.</item>
/// <item><see cref="MaxIntegerBytes"/>, <see cref="MaxIntegerDigits"/>: a shape, stride or offset
/// fits 8 bytes; Razorvine turns longer integers into BigInteger in time quadratic in their
/// length (a 10-million-digit integer took 38 s).</item>
/// <item><see cref="MaxStringBytes"/>: one string or bytes object (dict keys, storage keys, module names).</item>
/// </list>
/// </remarks>
internal static class PickleBounds
{
    public const int MaxOpcodes = 1_000_000;
    public const int MaxStack = 100_000;
    public const int MaxMarks = 1_000;
    public const int MaxIntegerBytes = 64;
    public const int MaxIntegerDigits = 160;
    public const int MaxStringBytes = 1 << 20;

    /// <summary>Throws <see cref="BadInputException"/> (<see cref="DiagnosticCodes.Input.PickleLimit"/> or
    /// <see cref="DiagnosticCodes.Input.PickleContent"/>) unless the stream is within the limits.</summary>
    public static void Check(string path, ReadOnlySpan<byte> pickle)
    {
        int position = 0;
        int opcodes = 0;
        int stack = 0;
        var marks = new Stack<int>();
        while (true)
        {
            if (position >= pickle.Length)
            {
                throw Content(path, "it ends without a STOP opcode");
            }

            if (++opcodes > MaxOpcodes)
            {
                throw Limit(path, $"more than {MaxOpcodes:N0} opcodes");
            }

            byte op = pickle[position++];
            int before = stack;
            switch (op)
            {
                case (byte)'.': // STOP
                    if (stack != 1 || marks.Count != 0)
                    {
                        throw Content(path, "it stops with an unfinished stack");
                    }

                    return;
                case (byte)'(': // MARK
                    if (marks.Count >= MaxMarks)
                    {
                        throw Limit(path, $"nests more than {MaxMarks:N0} containers");
                    }

                    marks.Push(stack);
                    break;
                case (byte)'0': stack -= 1; break; // POP
                case (byte)'1': stack = PopMark(path, marks, stack); break; // POP_MARK
                case (byte)'2': stack += 1; Need(path, before, 1); break; // DUP
                case (byte)'F': // FLOAT
                    Line(path, pickle, ref position, MaxIntegerDigits);
                    stack += 1;
                    break;
                case (byte)'I': // INT
                case (byte)'L': // LONG
                    Line(path, pickle, ref position, MaxIntegerDigits, "integer");
                    stack += 1;
                    break;
                case (byte)'J': Skip(path, pickle, ref position, 4); stack += 1; break; // BININT
                case (byte)'K': Skip(path, pickle, ref position, 1); stack += 1; break; // BININT1
                case (byte)'M': Skip(path, pickle, ref position, 2); stack += 1; break; // BININT2
                case (byte)'N': stack += 1; break; // NONE
                case (byte)'P': Line(path, pickle, ref position, MaxStringBytes); stack += 1; break; // PERSID
                case (byte)'Q': Need(path, stack, 1); break; // BINPERSID
                case (byte)'R': stack -= 1; Need(path, before, 2); break; // REDUCE
                case (byte)'S': // STRING
                case (byte)'V': // UNICODE
                case (byte)'g': // GET
                case (byte)'p': // PUT
                    Line(path, pickle, ref position, MaxStringBytes);
                    if (op is (byte)'S' or (byte)'V' or (byte)'g')
                    {
                        stack += 1;
                    }
                    else
                    {
                        Need(path, stack, 1);
                    }

                    break;
                case (byte)'T': // BINSTRING
                case (byte)'X': // BINUNICODE
                case (byte)'B': // BINBYTES
                    Counted(path, pickle, ref position, 4, MaxStringBytes, "string");
                    stack += 1;
                    break;
                case (byte)'U': // SHORT_BINSTRING
                case (byte)'C': // SHORT_BINBYTES
                case 0x8c: // SHORT_BINUNICODE
                    Counted(path, pickle, ref position, 1, MaxStringBytes, "string");
                    stack += 1;
                    break;
                case 0x8d: // BINUNICODE8
                case 0x8e: // BINBYTES8
                case 0x96: // BYTEARRAY8
                    Counted(path, pickle, ref position, 8, MaxStringBytes, "string");
                    stack += 1;
                    break;
                case (byte)'a': stack -= 1; Need(path, before, 2); break; // APPEND
                case (byte)'b': stack -= 1; Need(path, before, 2); break; // BUILD
                case (byte)'c': // GLOBAL
                    Line(path, pickle, ref position, MaxStringBytes);
                    Line(path, pickle, ref position, MaxStringBytes);
                    stack += 1;
                    break;
                case (byte)'i': // INST
                    Line(path, pickle, ref position, MaxStringBytes);
                    Line(path, pickle, ref position, MaxStringBytes);
                    stack = PopMark(path, marks, stack) + 1;
                    break;
                case (byte)'d': // DICT
                case (byte)'l': // LIST
                case (byte)'t': // TUPLE
                case 0x91: // FROZENSET
                    stack = PopMark(path, marks, stack) + 1;
                    break;
                case (byte)'o': // OBJ
                    int mark = PopMark(path, marks, stack);
                    Need(path, stack - mark, 1);
                    stack = mark + 1;
                    break;
                case (byte)'e': // APPENDS
                case (byte)'u': // SETITEMS
                case 0x90: // ADDITEMS
                    stack = PopMark(path, marks, stack);
                    Need(path, stack, 1);
                    break;
                case (byte)'}': // EMPTY_DICT
                case (byte)']': // EMPTY_LIST
                case (byte)')': // EMPTY_TUPLE
                case 0x8f: // EMPTY_SET
                case 0x88: // NEWTRUE
                case 0x89: // NEWFALSE
                    stack += 1;
                    break;
                case (byte)'G': Skip(path, pickle, ref position, 8); stack += 1; break; // BINFLOAT
                case (byte)'h': Skip(path, pickle, ref position, 1); stack += 1; break; // BINGET
                case (byte)'j': Skip(path, pickle, ref position, 4); stack += 1; break; // LONG_BINGET
                case (byte)'q': Skip(path, pickle, ref position, 1); Need(path, stack, 1); break; // BINPUT
                case (byte)'r': Skip(path, pickle, ref position, 4); Need(path, stack, 1); break; // LONG_BINPUT
                case 0x94: Need(path, stack, 1); break; // MEMOIZE
                case (byte)'s': stack -= 2; Need(path, before, 3); break; // SETITEM
                case 0x80: Skip(path, pickle, ref position, 1); break; // PROTO
                case 0x95: Skip(path, pickle, ref position, 8); break; // FRAME
                case 0x81: stack -= 1; Need(path, before, 2); break; // NEWOBJ
                case 0x92: stack -= 2; Need(path, before, 3); break; // NEWOBJ_EX
                case 0x93: stack -= 1; Need(path, before, 2); break; // STACK_GLOBAL
                case 0x82: Skip(path, pickle, ref position, 1); stack += 1; break; // EXT1
                case 0x83: Skip(path, pickle, ref position, 2); stack += 1; break; // EXT2
                case 0x84: Skip(path, pickle, ref position, 4); stack += 1; break; // EXT4
                case 0x85: Need(path, stack, 1); break; // TUPLE1
                case 0x86: stack -= 1; Need(path, before, 2); break; // TUPLE2
                case 0x87: stack -= 2; Need(path, before, 3); break; // TUPLE3
                case 0x8a: Counted(path, pickle, ref position, 1, MaxIntegerBytes, "integer"); stack += 1; break; // LONG1
                case 0x8b: Counted(path, pickle, ref position, 4, MaxIntegerBytes, "integer"); stack += 1; break; // LONG4
                case 0x97: stack += 1; break; // NEXT_BUFFER
                case 0x98: Need(path, stack, 1); break; // READONLY_BUFFER
                default:
                    throw Content(path, $"unknown opcode 0x{op:x2} at byte {position - 1}");
            }

            // Items below the innermost MARK belong to an outer container; popping into them is damage.
            int floor = marks.Count > 0 ? marks.Peek() : 0;
            if (stack < floor)
            {
                throw Content(path, $"opcode 0x{op:x2} at byte {position - 1} pops an empty stack");
            }

            if (stack > MaxStack)
            {
                throw Limit(path, $"holds more than {MaxStack:N0} objects at once");
            }
        }
    }

    private static int PopMark(string path, Stack<int> marks, int stack) =>
        marks.Count > 0 ? marks.Pop() : throw Content(path, "it closes a container that has no MARK");

    private static void Need(string path, int available, int needed)
    {
        if (available < needed)
        {
            throw Content(path, "an opcode pops an empty stack");
        }
    }

    private static void Skip(string path, ReadOnlySpan<byte> pickle, ref int position, int count)
    {
        if (pickle.Length - position < count)
        {
            throw Content(path, "it ends inside an opcode's argument");
        }

        position += count;
    }

    /// <summary>A length-prefixed argument (little-endian, <paramref name="width"/> bytes) of at most <paramref name="max"/> bytes.</summary>
    private static void Counted(string path, ReadOnlySpan<byte> pickle, ref int position, int width, int max, string what)
    {
        Skip(path, pickle, ref position, width);
        var prefix = pickle.Slice(position - width, width);
        ulong length = width switch
        {
            1 => prefix[0],
            4 => BinaryPrimitives.ReadUInt32LittleEndian(prefix),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(prefix),
        };
        if (length > (ulong)max)
        {
            throw Limit(path, $"holds {(what == "integer" ? "an" : "a")} {what} of {length:N0} bytes (at most {max:N0})");
        }

        Skip(path, pickle, ref position, (int)length);
    }

    /// <summary>A newline-terminated argument of at most <paramref name="max"/> bytes.</summary>
    private static void Line(string path, ReadOnlySpan<byte> pickle, ref int position, int max, string what = "line")
    {
        int end = pickle[position..].IndexOf((byte)'\n');
        if (end < 0)
        {
            throw Content(path, "it ends inside an opcode's argument");
        }

        if (end > max)
        {
            throw Limit(path, what == "integer" ? $"holds an integer of {end:N0} digits (at most {max})" : $"holds a {what} of {end:N0} bytes (at most {max:N0})");
        }

        position += end + 1;
    }

    private static BadInputException Limit(string path, string problem) =>
        new(DiagnosticCodes.Input.PickleLimit, path, $"data.pkl {problem}; no file torch.save writes does that (limits: docs/errors-input.md)");

    private static BadInputException Content(string path, string problem) =>
        new(DiagnosticCodes.Input.PickleContent, path, $"cannot read data.pkl: {problem}");
}
