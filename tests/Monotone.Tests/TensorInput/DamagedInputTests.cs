using Monotone.Core;
using Monotone.Engine;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// A damaged file, whatever the damage, is either still readable or reported as bad input
/// in one line that names it (exit code 2): never another exception, never a hang.
/// Every valid fixture is damaged deterministically, one byte or one truncation at a time.
/// </summary>
public class DamagedInputTests
{
    // Single-byte damage at every Stride-th byte; the masks turn small lengths and counts
    // into large ones (0xFF), shift them by one (0x01) or flip their sign bit (0x80).
    private const int Stride = 7;
    private static readonly byte[] Masks = [0xFF, 0x01, 0x80];

    [Theory]
    [MemberData(nameof(NotebookCases.ValidFiles), MemberType = typeof(NotebookCases))]
    public void Damaged_bytes_give_a_result_or_one_line_naming_the_file(string fixture, string? tensorName) =>
        AssertEachReadsOrIsBadInput(fixture, tensorName, original => Enumerable.Range(0, (original.Length + Stride - 1) / Stride).Select(k =>
        {
            int position = k * Stride;
            byte mask = Masks[k % Masks.Length];
            byte[] damaged = (byte[])original.Clone();
            damaged[position] ^= mask;
            return ($"byte {position} xor 0x{mask:X2}", damaged);
        }));

    [Theory]
    [MemberData(nameof(NotebookCases.ValidFiles), MemberType = typeof(NotebookCases))]
    public void Truncated_files_give_one_line_naming_the_file(string fixture, string? tensorName) =>
        AssertEachReadsOrIsBadInput(fixture, tensorName, original => Enumerable.Range(0, 16).Select(sixteenth =>
        {
            int length = original.Length * sixteenth / 16;
            return ($"cut to {length} bytes", original[..length]);
        }));

    private static void AssertEachReadsOrIsBadInput(
        string fixture, string? tensorName, Func<byte[], IEnumerable<(string Damage, byte[] Content)>> damages)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File(fixture);
        var failures = new List<string>();
        foreach (var (damage, content) in damages(File.ReadAllBytes(Path.Combine(NotebookCases.Folder, fixture))))
        {
            File.WriteAllBytes(path, content);
            try
            {
                using var tensor = AttentionTensor.Open(path, tensorName);
                new ReferenceEngine().Analyze(tensor, new AnalysisOptions());
            }
            catch (BadInputException e)
            {
                if (!e.Message.StartsWith(path + ": ", StringComparison.Ordinal) || e.Message.Contains('\n', StringComparison.Ordinal))
                {
                    failures.Add($"{damage}: {e.Message}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{damage}: {e.GetType().Name}: {e.Message} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, e.g.\n{string.Join("\n", failures.Take(5))}");
    }
}
