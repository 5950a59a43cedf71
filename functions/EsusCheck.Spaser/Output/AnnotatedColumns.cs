using System.Globalization;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Output;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.Indicators;

namespace EsusCheck.Spaser.Output;

/// <summary>The columns of the sheet « Marchés annotés » (and of the annotated CSV): one row per contract counted,
/// its DECP values, the verdicts of its holders and subcontractors, and its flags.</summary>
public static class AnnotatedColumns
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Acheteur (SIRET)", "Identifiant du marché", "Année", "Date de notification", "Objet", "Code CPV", "Montant HT (€)",
        "Accord-cadre", "Modifications", "Considérations sociales", "Titulaires", "Catégories des titulaires", "Sous-traitance",
        "Réservation possible au titre de", "Alertes", "Remarques",
    ];

    public static IReadOnlyList<string> Of(AnnotatedContract annotated)
    {
        var c = annotated.Contract;
        string[] cells =
        [
            c.BuyerId, c.Id, c.Year.ToString(CultureInfo.InvariantCulture), FrenchText.NumericDate(c.NotifiedOn),
            c.Object ?? "", c.Cpv ?? "", c.Amount.ToString("0.00", CultureInfo.InvariantCulture), FrenchText.YesNo(c.FrameworkAgreement),
            c.Modifications.ToString(CultureInfo.InvariantCulture), Considerations(c), string.Join(" | ", annotated.Holders.Select(h => Operator(h.Check))),
            Categories(annotated), string.Join(" | ", annotated.Subcontracts.Select(Subcontract)),
            string.Join(", ", annotated.SupportedArticles.Select(a => a.ToArticle())),
            string.Join(" | ", annotated.Flags.Select(f => f.Message)), string.Join(" | ", c.Notes),
        ];
        return cells.Select(CellSafety.Neutralise).ToList();
    }

    private static string Considerations(DecpContract contract) => contract.SocialConsiderations switch
    {
        null => "non renseignées",
        { Count: 0 } => "aucune",
        var set => string.Join(", ", set.Order().Select(s => s switch
        {
            SocialConsideration.SocialClause => "clause sociale",
            SocialConsideration.SocialCriterion => "critère social",
            _ => "marché réservé",
        })),
    };

    private static string Operator(OperatorCheck check) => check.Status switch
    {
        OperatorStatus.Checked => check.Label,
        OperatorStatus.NotSiret => $"{check.Operator.Identifier} ({check.Operator.IdentifierType}, non vérifiable)",
        _ => $"{check.Operator.Identifier} ({check.Message})",
    };

    private static string Subcontract(AnnotatedSubcontract act) =>
        Operator(act.Check) + (act.Act.Amount is { } amount ? $" : {FrenchText.Amount(amount)} €" : "") +
        (act.Check.Result is { } result && HolderCategories.All.Where(c => result.Membership(c) == true).Select(c => c.Short()).ToList() is { Count: > 0 } kinds
            ? $" ({string.Join(", ", kinds)})"
            : "");

    private static string Categories(AnnotatedContract annotated)
    {
        var parts = new List<string>();
        foreach (var category in HolderCategories.All)
        {
            var (members, toVerify) = annotated.Count(category);
            if (members > 0) parts.Add(category.Short());
            else if (toVerify > 0) parts.Add($"{category.Short()} {VerdictWords.ToVerify}");
        }
        return string.Join(", ", parts);
    }
}
