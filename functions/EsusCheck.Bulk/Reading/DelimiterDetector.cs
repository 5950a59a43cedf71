namespace EsusCheck.Bulk.Reading;

/// <summary>The delimiter chosen, whether the file said it (an Excel « sep=; » first line), and a French note when
/// the choice was not clear-cut.</summary>
public sealed record DelimiterChoice(char? Delimiter, bool FromSepLine, string? Note);

/// <summary>Picks the delimiter that splits the first lines into the same number of fields most consistently;
/// ties go to « ; » (French Excel), then tab, then « , ».</summary>
internal static class DelimiterDetector
{
    private static readonly char[] Candidates = [';', '\t', ',', '|'];
    private const int SampleLines = 50;

    public static DelimiterChoice Detect(string head, bool headIsWholeFile)
    {
        var lines = head.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (!headIsWholeFile && lines.Count > 1) lines.RemoveAt(lines.Count - 1);
        lines = lines.Where(l => l.Trim().Length > 0).Take(SampleLines).ToList();
        if (lines.Count == 0) return new(';', false, null);

        var first = lines[0].TrimStart('\uFEFF').Trim();
        if (first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && first.Length == 5)
            return new(first[4], true, null);

        var scored = Candidates
            .Select(c => Score(c, lines))
            .Where(s => s.Mode > 0 && s.Consistency >= 0.6)
            .OrderByDescending(s => Math.Round(s.Consistency, 2))
            .ThenByDescending(s => s.Mode)
            .ThenBy(s => Array.IndexOf(Candidates, s.Delimiter))
            .ToList();
        if (scored.Count == 0) return new(null, false, null);

        var best = scored[0];
        var rival = scored.Skip(1).FirstOrDefault(s => Math.Round(s.Consistency, 2) == Math.Round(best.Consistency, 2) && s.Mode == best.Mode);
        var note = rival is null
            ? null
            : $"Séparateur incertain : {Name(best.Delimiter)} et {Name(rival.Delimiter)} découpent les lignes de la même façon ; " +
              $"{Name(best.Delimiter)} a été retenu. Vérifiez les colonnes du fichier de résultats.";
        return new(best.Delimiter, false, note);
    }

    public static string Name(char? delimiter) => delimiter switch
    {
        ';' => "le point-virgule",
        ',' => "la virgule",
        '\t' => "la tabulation",
        '|' => "la barre verticale",
        null => "aucun (une seule colonne)",
        var c => $"« {c} »",
    };

    private sealed record Scored(char Delimiter, int Mode, double Consistency);

    private static Scored Score(char delimiter, List<string> lines)
    {
        var counts = lines.Select(l => CountOutsideQuotes(l, delimiter)).ToList();
        var mode = counts.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
        return new(delimiter, mode.Key, (double)mode.Count() / counts.Count);
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == delimiter && !quoted) count++;
        }
        return count;
    }
}
