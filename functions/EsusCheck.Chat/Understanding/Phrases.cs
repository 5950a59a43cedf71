namespace EsusCheck.Chat.Understanding;

/// <summary>A list of French phrases, normalised once, matched against a message's content words with typo tolerance.</summary>
public sealed class Phrases
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _phrases;

    public Phrases(params string[] phrases) => _phrases = phrases.Select(ContentWords).Where(p => p.Count > 0).ToList();

    /// <summary>Words that carry no meaning for matching (« de », « la », « d' »…).</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>
    {
        "a", "au", "aux", "de", "des", "du", "d", "la", "le", "les", "l", "un", "une", "en", "et", "pour", "sur", "par", "avec",
    };

    public static IReadOnlyList<string> ContentWords(string text) =>
        TextNormaliser.Words(text).Where(w => !StopWords.Contains(w)).ToList();

    public bool AnyIn(IReadOnlyList<string> words) => _phrases.Any(p => FuzzyMatch.ContainsPhrase(words, p));

    /// <summary>The longest phrase found, as (position, word count); null when none is.</summary>
    public (int Index, int Length)? Longest(IReadOnlyList<string> words)
    {
        (int Index, int Length)? best = null;
        foreach (var phrase in _phrases)
        {
            var index = FuzzyMatch.IndexOfPhrase(words, phrase);
            if (index >= 0 && (best is null || phrase.Count > best.Value.Length || (phrase.Count == best.Value.Length && index < best.Value.Index)))
                best = (index, phrase.Count);
        }
        return best;
    }
}
