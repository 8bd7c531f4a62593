namespace Monotone.Manifest;

/// <summary>Finds the known key a misspelt one was probably meant to be (manifest keys, model labels, <c>run --only</c> names).</summary>
public static class KeySuggestion
{
    /// <summary>
    /// The name in <paramref name="known"/> nearest to <paramref name="key"/> (compared in lower case) by
    /// Levenshtein distance with adjacent transpositions, if that distance is at most a third of the key's
    /// length (and at least 2); otherwise null.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = Distance(key.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Beyond a third of the word, a "suggestion" is a guess.
        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    // Levenshtein distance, with adjacent transpositions counted as one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
