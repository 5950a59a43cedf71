namespace EsusCheck.Chat.Understanding;

/// <summary>Typo tolerance for words: an edit distance (with transpositions) allowed in proportion to the word's
/// length, so that « agremment » is « agrement » but « ess » never becomes « esat ».</summary>
public static class FuzzyMatch
{
    /// <summary>Everyday French words (normalised) a letter or two from a domain word: they mean themselves, never a
    /// typo (« aérée » is not « agréée », « agrès » not « agrée », « agrégé » not « agréé »).</summary>
    private static readonly HashSet<string> OrdinaryWords =
    [
        "aere", "aeree", "aeres", "aerees", "agres", "agrege", "agregee", "agreges", "agregees", "agreable", "agreables",
        "degre", "degres", "annee", "annees", "entree", "entrees", "cree", "creee", "crees", "creees",
    ];

    public static bool WordMatches(string typed, string expected)
    {
        if (typed == expected) return true;
        if (OrdinaryWords.Contains(typed)) return false;
        var allowed = expected.Length switch
        {
            <= 4 => 0,
            <= 8 => 1,
            _ => 2,
        };
        return allowed > 0 && Math.Abs(typed.Length - expected.Length) <= allowed && Distance(typed, expected) <= allowed;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>Where a phrase (already split into normalised words) occurs in a message's words, each word matched with
    /// typo tolerance; -1 when absent.</summary>
    public static int IndexOfPhrase(IReadOnlyList<string> words, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0) return -1;
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < phrase.Count && all; k++) all = WordMatches(words[start + k], phrase[k]);
            if (all) return start;
        }
        return -1;
    }

    public static bool ContainsPhrase(IReadOnlyList<string> words, IReadOnlyList<string> phrase) => IndexOfPhrase(words, phrase) >= 0;
}
