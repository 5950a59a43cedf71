namespace EsusCheck.Registries.Spreadsheets;

/// <summary>The delimiter chosen, whether the file said it (an Excel « sep=; » first line), and a French note when
/// the choice was not clear-cut.</summary>
public sealed record DelimiterChoice(char? Delimiter, bool FromSepLine, string? Note);

/// <summary>Picks the delimiter that splits the most of the first records, then the one that splits them into the
/// same number of fields most consistently; ties go to « ; » (French Excel), then tab, then « , ». The records are
/// cut by <see cref="CsvRecordReader"/> itself, so detection and reading agree on quotes (a lone « " » inside an
/// unquoted field is text) and on line breaks inside quoted fields. Rows longer or shorter than the header, common
/// in exports, still count as split.</summary>
public static class DelimiterDetector
{
    private static readonly char[] Candidates = [';', '\t', ',', '|'];
    private const int SampleRecords = 50;
    private const double MinSplitShare = 0.5;
    private const double ConsistentShare = 0.6;

    public static async Task<DelimiterChoice> DetectAsync(string head, bool headIsWholeFile, CancellationToken cancellationToken)
    {
        var firstLine = head.Split('\n', 2)[0].TrimEnd('\r').TrimStart('\uFEFF').Trim();
        if (firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && firstLine.Length == 5)
            return new(firstLine[4], true, null);

        var scored = new List<Scored>();
        foreach (var candidate in Candidates)
            if (await ScoreAsync(candidate, head, headIsWholeFile, cancellationToken) is { Split: >= MinSplitShare } score)
                scored.Add(score);
        if (scored.Count == 0) return new(head.Trim().Length == 0 ? ';' : null, false, null);

        var ranked = scored
            .OrderByDescending(s => Math.Round(s.Split, 2))
            .ThenByDescending(s => Math.Round(s.Consistency, 2))
            .ThenByDescending(s => s.Mode)
            .ThenBy(s => Array.IndexOf(Candidates, s.Delimiter))
            .ToList();
        var best = ranked[0];
        var rival = ranked.Skip(1).FirstOrDefault(s =>
            Math.Round(s.Split, 2) == Math.Round(best.Split, 2) && Math.Round(s.Consistency, 2) == Math.Round(best.Consistency, 2) && s.Mode == best.Mode);
        var note = rival is not null
            ? $"Séparateur incertain : {Name(best.Delimiter)} et {Name(rival.Delimiter)} découpent les lignes de la même façon ; " +
              $"{Name(best.Delimiter)} a été retenu. Vérifiez les colonnes du fichier de résultats."
            : best.Consistency < ConsistentShare
                ? $"Les premières lignes ne comptent pas toutes le même nombre de colonnes ; {Name(best.Delimiter)} a été retenu car il " +
                  "les découpe presque toutes. Vérifiez les colonnes du fichier de résultats."
                : null;
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

    /// <param name="Split">share of the records cut into two fields or more</param>
    /// <param name="Mode">the most frequent number of delimiters per record</param>
    /// <param name="Consistency">share of the records with that number</param>
    private sealed record Scored(char Delimiter, double Split, int Mode, double Consistency);

    private static async Task<Scored?> ScoreAsync(char delimiter, string head, bool headIsWholeFile, CancellationToken cancellationToken)
    {
        var reader = new CsvRecordReader(new StringReader(head), delimiter, head.Length + 1);
        var counts = new List<int>();
        while (counts.Count <= SampleRecords && await reader.ReadAsync(cancellationToken) is { } record)
            if (record.Fields.Any(f => f.Trim().Length > 0)) counts.Add(record.Fields.Count - 1);
        // The head stops anywhere: its last record may be cut.
        if (!headIsWholeFile && counts.Count > 1) counts.RemoveAt(counts.Count - 1);
        if (counts.Count > SampleRecords) counts.RemoveRange(SampleRecords, counts.Count - SampleRecords);
        if (counts.Count == 0) return null;

        var mode = counts.Where(c => c > 0).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault();
        if (mode is null) return null;
        return new(delimiter, counts.Count(c => c > 0) / (double)counts.Count, mode.Key, mode.Count() / (double)counts.Count);
    }
}
