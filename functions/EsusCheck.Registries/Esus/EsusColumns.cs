using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Esus;

/// <summary>Where each known column of the list is, found by the header's words rather than its position: the DG
/// Trésor file changes its layout from one year to the next (law.md §3: only « SIREN » in B1 is known).</summary>
internal sealed record EsusColumns(int Siren, int? Name, int? AccreditedOn, int? ExpiresOn, int? Department)
{
    /// <summary>The columns of a header row, or null when the row has no SIREN header.</summary>
    public static EsusColumns? Detect(IReadOnlyList<object?> row)
    {
        var headers = row.Select(cell => HeaderText.Normalise(EsusCells.Text(cell))).ToList();
        var siren = Best(headers, SirenRank);
        if (siren is null) return null;

        var expires = Best(headers, ExpiryRank, siren);
        return new EsusColumns(
            siren.Value,
            Best(headers, NameRank, siren),
            Best(headers, h => AccreditationRank(h), siren, expires),
            expires,
            Best(headers, DepartmentRank, siren));
    }

    /// <summary>The column with the best (lowest) rank; a rank of null means « not this column ».</summary>
    private static int? Best(IReadOnlyList<string> headers, Func<string, int?> rank, params int?[] taken)
    {
        int? best = null, bestRank = null;
        for (var i = 0; i < headers.Count; i++)
        {
            if (taken.Contains(i) || headers[i].Length == 0) continue;
            if (rank(headers[i]) is { } r && (bestRank is null || r < bestRank)) (best, bestRank) = (i, r);
        }
        return best;
    }

    private static bool Has(string header, string word) => HeaderText.Words(header).Contains(word);

    private static int? SirenRank(string h) =>
        h == "siren" ? 0
        : Has(h, "siren") && !Has(h, "siret") && !Has(h, "liste") && HeaderText.Words(h).Length <= 4 ? 1
        : null;

    private static int? NameRank(string h)
    {
        if (Has(h, "departement") || Has(h, "commune") || Has(h, "ville") || Has(h, "dirigeant") || Has(h, "contact")) return null;
        if (h.Contains("raison sociale", StringComparison.Ordinal)) return 0;
        if (Has(h, "denomination")) return 1;
        if (Has(h, "nom")) return 2;
        if (Has(h, "entreprise") || Has(h, "structure") || Has(h, "organisme") || Has(h, "beneficiaire")) return 3;
        return null;
    }

    private static int? ExpiryRank(string h) =>
        Has(h, "expiration") || Has(h, "echeance") || h.Contains("jusqu", StringComparison.Ordinal) ? 0
        : Has(h, "fin") ? 1
        : Has(h, "validite") && Has(h, "date") ? 2
        : null;

    private static int? AccreditationRank(string h)
    {
        if (ExpiryRank(h) is not null) return null;
        if (Has(h, "agrement") && (Has(h, "date") || Has(h, "debut") || Has(h, "obtention"))) return 0;
        if (Has(h, "date") && (Has(h, "obtention") || Has(h, "delivrance") || Has(h, "debut") || Has(h, "decision") || Has(h, "arrete"))) return 1;
        if (Has(h, "date")) return 2;
        return null;
    }

    private static int? DepartmentRank(string h) =>
        Has(h, "departement") ? 0
        : Has(h, "dept") || Has(h, "dpt") || Has(h, "dep") ? 1
        : null;
}
