using System.Text.RegularExpressions;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Reading;

/// <summary>Finds the SIRET, spend, CPV and supplier-name columns from the header words, French or English, and
/// when the header says nothing, from the content. Every choice that was not obvious gets a French note.</summary>
internal static partial class ColumnMatcher
{
    public sealed record Match(ColumnRoles Roles, bool HasHeader, IReadOnlyList<string> Notes);

    private static readonly HashSet<string> Filler =
    [
        "numero", "n", "no", "num", "code", "du", "de", "des", "la", "le", "l", "d", "number", "id", "identifiant", "of",
        "the", "etablissement", "entreprise", "societe", "company",
    ];
    private static readonly HashSet<string> Supplier =
        ["fournisseur", "fournisseurs", "titulaire", "prestataire", "supplier", "vendor", "tiers", "beneficiaire", "attributaire"];
    private static readonly HashSet<string> NotSupplier =
        ["acheteur", "acheteurs", "client", "buyer", "pouvoir", "adjudicateur", "entite", "acheteuse", "donneur", "ordre", "service"];
    private static readonly HashSet<string> SpendWords =
        ["montant", "montants", "depense", "depenses", "amount", "spend", "spending", "achats", "cout"];
    private static readonly HashSet<string> NotSpendWords =
        ["tva", "vat", "taux", "rate", "nombre", "count", "quantite", "date", "annee", "year", "devise", "currency"];
    private static readonly HashSet<string> FrenchWords =
        ["montant", "depense", "depenses", "fournisseur", "numero", "raison", "sociale", "nom", "titulaire", "libelle", "ht", "ttc"];

    public static bool HasIdentifierHeader(IReadOnlyList<string> cells) =>
        cells.Any(c => IdentifierScore(HeaderText.Words(HeaderText.Normalise(c))) > 0);

    /// <summary>Null when no column holds identifiers, by name or by content.</summary>
    public static Match? Find(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> sample)
    {
        var words = header.Select(h => HeaderText.Words(HeaderText.Normalise(h))).ToList();
        var notes = new List<string>();
        var hasHeader = true;

        var candidates = Enumerable.Range(0, header.Count)
            .Select(i => (Index: i, Score: IdentifierScore(words[i])))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => ContentShare(c.Index, sample))
            .ToList();

        int identifier;
        if (candidates.Count > 0)
        {
            identifier = candidates[0].Index;
            var close = candidates.Skip(1).Where(c => candidates[0].Score - c.Score < 20).ToList();
            if (close.Count > 0)
                notes.Add($"Plusieurs colonnes peuvent contenir le SIRET ({Quote(header, [identifier, .. close.Select(c => c.Index)])}) : " +
                          $"la colonne « {header[identifier]} » a été utilisée.");
        }
        else
        {
            var byContent = Enumerable.Range(0, header.Count)
                .Select(i => (Index: i, Share: ContentShare(i, sample), HeaderLooksLikeValue: LooksLikeIdentifier(header[i])))
                .Where(c => c.Share >= 0.5 || c.HeaderLooksLikeValue)
                .OrderByDescending(c => c.Share + (c.HeaderLooksLikeValue ? 1 : 0))
                .FirstOrDefault();
            if (byContent == default) return null;
            identifier = byContent.Index;
            hasHeader = !byContent.HeaderLooksLikeValue;
            notes.Add(hasHeader
                ? $"Aucune colonne n'est intitulée « SIRET » : la colonne « {header[identifier]} » a été retenue d'après son contenu."
                : $"Le fichier n'a pas de ligne d'en-tête : la colonne {identifier + 1} a été retenue comme SIRET d'après son contenu.");
        }

        var isSiren = hasHeader && !words[identifier].Any(w => w.Contains("siret", StringComparison.Ordinal)) &&
                      words[identifier].Any(w => w.Contains("siren", StringComparison.Ordinal));
        if (isSiren)
            notes.Add($"La colonne « {header[identifier]} » contient des SIREN : chaque entreprise est vérifiée pour son siège.");

        int? spend = null, cpv = null, name = null;
        if (hasHeader)
        {
            spend = Best(header, words, i => SpendScore(words[i]), [identifier], "montant", notes);
            cpv = Best(header, words, i => words[i].Any(w => w.StartsWith("cpv", StringComparison.Ordinal)) ? 100 - words[i].Length : 0,
                [identifier, spend], "code CPV", notes);
            name = Best(header, words, i => NameScore(words[i]), [identifier, spend, cpv], "nom du fournisseur", notes);
        }

        var french = !hasHeader || words.SelectMany(w => w).Any(FrenchWords.Contains) ||
                     !words.SelectMany(w => w).Any(w => w is "amount" or "spend" or "supplier" or "vendor" or "name");
        return new(new ColumnRoles(identifier, spend, cpv, name) { IdentifierIsSiren = isSiren, DecimalComma = french }, hasHeader, notes);
    }

    private static int IdentifierScore(string[] words)
    {
        var siret = words.Any(w => w.Contains("siret", StringComparison.Ordinal));
        var siren = words.Any(w => w.Contains("siren", StringComparison.Ordinal));
        if (!siret && !siren) return 0;
        var score = siret ? 100 : 60;
        foreach (var word in words)
        {
            if (word.Contains("siret", StringComparison.Ordinal) || word.Contains("siren", StringComparison.Ordinal)) continue;
            if (Supplier.Contains(word)) score += 5;
            else if (NotSupplier.Contains(word)) score -= 50;
            else if (word == "siege") score -= 20;
            else if (Filler.Contains(word)) score -= 1;
            else score -= 5;
        }
        return Math.Max(score, 1);
    }

    private static int SpendScore(string[] words)
    {
        var score = 0;
        if (words.Any(SpendWords.Contains)) score = 80;
        else if (words.Contains("total") || (words.Contains("chiffre") && words.Contains("affaires"))) score = 60;
        if (score == 0) return 0;
        if (words.Contains("ht") || (words.Contains("hors") && words.Any(w => w.StartsWith("tax", StringComparison.Ordinal)))) score += 10;
        if (words.Contains("ttc")) score -= 10;
        if (words.Any(NotSpendWords.Contains)) score -= 50;
        return Math.Max(score, 0);
    }

    private static int NameScore(string[] words)
    {
        if (words.Contains("raison") && words.Contains("sociale")) return 90;
        if (words.Contains("nom") && words.Any(Supplier.Contains)) return 85;
        if (words.Any(Supplier.Contains)) return 70;
        if (words.Any(w => w is "nom" or "name" or "denomination" or "entreprise" or "societe" or "company" or "libelle")) return 60;
        return 0;
    }

    private static int? Best(IReadOnlyList<string> header, List<string[]> words, Func<int, int> score, int?[] taken, string what, List<string> notes)
    {
        var ranked = Enumerable.Range(0, header.Count)
            .Where(i => !taken.Contains(i))
            .Select(i => (Index: i, Score: score(i)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ToList();
        if (ranked.Count == 0) return null;
        if (ranked.Count > 1 && what == "montant")
            notes.Add($"Plusieurs colonnes peuvent contenir le {what} ({Quote(header, ranked.Select(r => r.Index).ToArray())}) : " +
                      $"la colonne « {header[ranked[0].Index]} » a été utilisée pour les totaux.");
        return ranked[0].Index;
    }

    private static string Quote(IReadOnlyList<string> header, int[] indexes) =>
        string.Join(", ", indexes.Select(i => $"« {header[i]} »"));

    private static double ContentShare(int column, IReadOnlyList<IReadOnlyList<string>> sample)
    {
        var values = sample.Select(r => column < r.Count ? r[column] : "").Where(v => v.Trim().Length > 0).ToList();
        return values.Count == 0 ? 0 : (double)values.Count(LooksLikeIdentifier) / values.Count;
    }

    /// <summary>9 or 14 digits give or take one (a lost leading zero), with the separators people type, or the
    /// scientific notation a spreadsheet turns a SIRET into.</summary>
    internal static bool LooksLikeIdentifier(string value)
    {
        var trimmed = value.Trim().Trim('"', '\'', '=');
        if (ScientificNotation().IsMatch(trimmed)) return true;
        var digits = 0;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (!char.IsWhiteSpace(c) && c != '.') return false;
        }
        return digits is 8 or 9 or 13 or 14;
    }

    [GeneratedRegex(@"^\d([.,]\d+)?[eE]\+?1[23]$")]
    private static partial Regex ScientificNotation();
}
