using System.Globalization;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Spaser.Decp;

/// <summary>Turns a raw « marche » into a contract with its modifications applied, or into an error that names the
/// record. What the indicators cannot do without (identifier, buyer, notification date, amount, a holder) makes an
/// error; anything else odd becomes a note on the contract.</summary>
internal static class DecpRecordBuilder
{
    public static class Codes
    {
        public const string NoId = "decp_record_no_id";
        public const string NoBuyer = "decp_record_no_buyer";
        public const string BadDate = "decp_record_date_invalid";
        public const string BadAmount = "decp_record_amount_invalid";
        public const string NoHolder = "decp_record_no_holder";
        public const string Unreadable = "decp_record_unreadable";
    }

    public static DecpRecord Build(RawMarche raw)
    {
        var id = Clean(raw.Id);
        var buyer = Clean(raw.BuyerId);
        DecpRecord Error(string code, string message) => DecpRecord.Of(new DecpRecordError(id, buyer, raw.Position, code, message));
        var who = id is null ? $"Le marché n° {raw.Position}" : $"Le marché « {id} »";

        if (id is null) return Error(Codes.NoId, $"{who} n'a pas d'identifiant (« id ») : il ne peut pas être compté.");
        if (buyer is null) return Error(Codes.NoBuyer, $"{who} n'indique pas le SIRET de l'acheteur (« acheteur.id »).");
        if (Date(raw.NotifiedOn) is not { } notified)
            return Error(Codes.BadDate, $"{who} a une date de notification absente ou illisible (« {raw.NotifiedOn} », attendu AAAA-MM-JJ).");
        if (Amount(raw.Amount) is not { } amount)
            return Error(Codes.BadAmount, $"{who} a un montant absent, illisible ou négatif (« {raw.Amount} »).");

        var notes = new List<string>();
        if (!(buyer.Length == 14 && buyer.All(char.IsAsciiDigit)))
            notes.Add($"Le SIRET de l'acheteur « {buyer} » ne compte pas 14 chiffres.");
        string? cpv = null;
        if (Clean(raw.Cpv) is { } cpvText)
        {
            if (CpvCode.TryParse(cpvText, out var code, out _)) cpv = code.ToString();
            else notes.Add($"Code CPV illisible (« {cpvText} ») : l'article L2113-15 est apprécié sans lui.");
        }
        else notes.Add("Aucun code CPV : l'article L2113-15 est apprécié sans lui.");

        var holders = Operators(raw.Holders, notes).Select(o => new DecpHolder(o, notified)).ToList();
        var currentAmount = amount;
        var duration = Integer(raw.DurationMonths);
        var modifications = raw.Modifications
            .OrderBy(m => Integer(m.Id) ?? int.MaxValue)
            .ThenBy(m => Date(m.NotifiedOn) ?? DateOnly.MaxValue)
            .ToList();
        foreach (var modification in modifications)
        {
            var on = Date(modification.NotifiedOn) ?? notified;
            if (Clean(modification.Amount) is { } text)
            {
                if (Amount(text) is { } changed) currentAmount = changed;
                else notes.Add($"Modification {modification.Id} : montant illisible (« {text} »), ignoré.");
            }
            if (Integer(modification.DurationMonths) is { } months) duration = months;
            if (modification.Holders is { Count: > 0 } named)
            {
                var before = holders.ToDictionary(h => Key(h.Operator));
                holders = Operators(named, notes).Select(o => before.GetValueOrDefault(Key(o)) ?? new DecpHolder(o, on)).ToList();
            }
        }
        if (holders.Count == 0)
            return Error(Codes.NoHolder, $"{who} n'a aucun titulaire identifié (« titulaires ») : il ne peut pas être attribué à une catégorie.");

        return DecpRecord.Of(new DecpContract
        {
            Id = id,
            BuyerId = buyer,
            Object = Clean(raw.Object),
            Cpv = cpv,
            NotifiedOn = notified,
            Amount = currentAmount,
            InitialAmount = amount,
            DurationMonths = duration,
            FrameworkAgreement = raw.Techniques.Any(t => Same(t, "Accord-cadre")),
            Holders = holders.DistinctBy(h => Key(h.Operator)).ToList(),
            SocialConsiderations = Considerations(raw.SocialConsiderations, notes),
            Subcontracts = Subcontracts(raw, notes),
            Modifications = modifications.Count,
            Position = raw.Position,
            Notes = notes,
        });
    }

    private static List<DecpOperator> Operators(IEnumerable<RawOperator> raw, List<string> notes)
    {
        var operators = new List<DecpOperator>();
        foreach (var o in raw)
        {
            if (Clean(o.Id) is not { } identifier)
            {
                notes.Add("Un titulaire sans identifiant a été ignoré.");
                continue;
            }
            operators.Add(new DecpOperator(Clean(o.Type)?.ToUpperInvariant() ?? "SIRET", identifier));
        }
        return operators;
    }

    private static List<DecpSubcontract> Subcontracts(RawMarche raw, List<string> notes)
    {
        var changed = raw.SubcontractChanges
            .Where(c => Clean(c.ActId) is not null && Amount(c.Amount) is not null)
            .GroupBy(c => Clean(c.ActId)!)
            .ToDictionary(g => g.Key, g => Amount(g.Last().Amount));
        var acts = new List<DecpSubcontract>();
        foreach (var act in raw.Subcontracts)
        {
            if (act.Subcontractor is not { } sub || Clean(sub.Id) is not { } subId)
            {
                notes.Add($"Acte de sous-traitance {act.Id} sans identifiant de sous-traitant : ignoré.");
                continue;
            }
            var actId = Clean(act.Id);
            var amount = actId is not null && changed.TryGetValue(actId, out var modified) ? modified : Amount(act.Amount);
            if (amount is null) notes.Add($"Acte de sous-traitance {act.Id} : montant absent ou illisible (« {act.Amount} »).");
            acts.Add(new DecpSubcontract(actId, new DecpOperator(Clean(sub.Type)?.ToUpperInvariant() ?? "SIRET", subId), amount, Date(act.NotifiedOn)));
        }
        return acts;
    }

    private static HashSet<SocialConsideration>? Considerations(List<string>? raw, List<string> notes)
    {
        var values = raw?.Select(Clean).OfType<string>().ToList();
        if (values is null || values.Count == 0) return null;
        var set = new HashSet<SocialConsideration>();
        foreach (var value in values)
        {
            if (Same(value, "Clause sociale")) set.Add(SocialConsideration.SocialClause);
            else if (Same(value, "Critère social")) set.Add(SocialConsideration.SocialCriterion);
            else if (Same(value, "Marché réservé")) set.Add(SocialConsideration.Reserved);
            else if (!Same(value, "Pas de considération sociale") && !Same(value, "Sans objet"))
                notes.Add($"Considération sociale inconnue (« {value} ») : ignorée.");
        }
        return set;
    }

    private static string Key(DecpOperator o) => o.IdentifierType + ":" + o.Identifier;

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Same(string? value, string expected) =>
        string.Compare(value?.Trim(), expected, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    internal static DateOnly? Date(string? value) =>
        Clean(value) is { Length: >= 10 } text &&
        DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    internal static decimal? Amount(string? value)
    {
        if (Clean(value) is not { } text) return null;
        text = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (!text.Contains('.', StringComparison.Ordinal)) text = text.Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 ? amount : null;
    }

    private static int? Integer(string? value) =>
        int.TryParse(Clean(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
