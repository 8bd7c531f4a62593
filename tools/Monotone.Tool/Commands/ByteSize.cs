using System.Globalization;

namespace Monotone.Tool.Commands;

/// <summary>Sizes as people write them: 1073741824, 512M, 4G, 4GiB (K, M, G, T are powers of 1024).</summary>
internal static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        string t = text.Trim().ToUpperInvariant();
        t = t.EndsWith("IB", StringComparison.Ordinal) ? t[..^2] : t.EndsWith('B') ? t[..^1] : t;
        int shift = t.Length == 0 ? 0 : "KMGT".IndexOf(t[^1], StringComparison.Ordinal) is int unit and >= 0 ? 10 * (unit + 1) : 0;
        string number = shift > 0 ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            || value <= 0 || value * Math.Pow(2, shift) >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)(value * Math.Pow(2, shift));
        return bytes > 0;
    }
}
