using EsusCheck.Bulk;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Indicators;

namespace EsusCheck.Spaser.Output;

/// <summary>One line of the indicator table (sheet « Indicateurs » and the HTML report): a French label, the number
/// and value with their shares, and a comment. <see cref="Level"/> 1 is a sub-line (« dont … »).</summary>
public sealed record IndicatorRow(string Label, int? Count, decimal? ShareOfCount, decimal? Amount, decimal? ShareOfAmount, string? Comment, int Level = 0);

/// <summary>The indicators of a buyer and year as the table a SPASER author copies, in the order the issue lists
/// them: contracts, social considerations beside the national target, holders by category, subcontracting,
/// reserved contracts, the holders checked, and the consistency flags.</summary>
public static class IndicatorRows
{
    public static IReadOnlyList<IndicatorRow> Of(SpaserIndicators set)
    {
        var rows = new List<IndicatorRow>
        {
            new("Contrats notifiés (marchés des DECP)", set.Contracts.Contracts, null, set.Contracts.Amount, null,
                "Montant HT déclaré, après modifications ; un maximum pour les accords-cadres."),
        };
        if (set.FrameworkAgreements > 0)
            rows.Add(new("dont accords-cadres (montant maximum)", set.FrameworkAgreements, Share(set.FrameworkAgreements, set.Contracts.Contracts),
                null, null, null, 1));
        var target = set.Target;
        rows.Add(Row("Contrats avec au moins une considération sociale", set.WithSocialConsideration,
            $"Objectif national : {FrenchText.Percent(target.Target)} des contrats ({target.Period}) — " +
            (target.Reached is null ? "sans objet (aucun contrat)" : target.Reached == true ? "atteint" : "non atteint") +
            (target.YearInPeriod ? "." : $" ; l'année {set.Year} est hors de la période du plan.")));
        rows.Add(Row("dont clause sociale", set.SocialClause, null, 1));
        rows.Add(Row("dont critère social", set.SocialCriterion, null, 1));
        rows.Add(Row("dont marché réservé", set.ReservedMarked, null, 1));
        if (set.ConsiderationsNotDeclared > 0)
            rows.Add(new("Contrats sans considérations sociales renseignées", set.ConsiderationsNotDeclared,
                Share(set.ConsiderationsNotDeclared, set.Contracts.Contracts), null, null, "Comptés comme sans considération sociale."));
        foreach (var category in set.Categories)
            rows.Add(new($"Attribués à des titulaires : {category.Label}", category.Contracts, category.ShareOfContracts, category.Amount,
                category.ShareOfAmount,
                $"{FrenchText.Number(category.Holders)} titulaire(s) distinct(s)" +
                (category.ContractsToVerify > 0 ? $" ; {FrenchText.Number(category.ContractsToVerify)} autre(s) contrat(s) à vérifier, non comptés." : ".")));
        var sub = set.Subcontracting;
        rows.Add(new("Sous-traitance déclarée (actes spéciaux)", sub.Acts, null, sub.Acts > 0 ? sub.Amount : null, null,
            "Nombre d'actes et montant HT."));
        foreach (var category in sub.ByCategory)
            rows.Add(new($"dont à : {category.Label}", category.Acts, Share(category.Acts, sub.Acts), sub.Acts > 0 ? category.Amount : null,
                category.ShareOfAmount, null, 1));
        rows.Add(new("Marchés réservés (mention « Marché réservé »)", set.Reserved.Contracts, Share(set.Reserved.Contracts, set.Contracts.Contracts),
            set.Reserved.Amount, set.Contracts.Amount == 0 ? null : Math.Round(set.Reserved.Amount / set.Contracts.Amount, 4),
            "Les DECP ne disent pas quel article a fondé la réservation."));
        foreach (var article in set.Reserved.ByArticle)
            rows.Add(new($"dont titulaire(s) éligible(s) ou à vérifier au titre de l'article {article.Article}", article.Contracts,
                Share(article.Contracts, set.Reserved.Contracts), null, null, null, 1));
        rows.Add(new("dont sans titulaire relevant d'un article de réservation", set.Reserved.WithoutSupportedArticle,
            Share(set.Reserved.WithoutSupportedArticle, set.Reserved.Contracts), null, null, "Voir les alertes de cohérence.", 1));
        var holders = set.Holders;
        rows.Add(new("Titulaires (une fois par contrat)", holders.Occurrences, null, null, null,
            $"{FrenchText.Number(holders.Checked)} vérifié(s), {FrenchText.Number(holders.NotSiret)} sans SIRET (étrangers, non vérifiables), " +
            $"{FrenchText.Number(holders.InvalidSiret)} SIRET invalide(s), {FrenchText.Number(holders.NoVerdict)} sans verdict."));
        rows.Add(new("Alertes de cohérence", set.Flags.Values.Sum(), null, null, null,
            set.Flags.Count == 0 ? "Aucune." : string.Join(" ; ", set.Flags.Select(f => $"{FlagLabels.Of(f.Key)} : {f.Value}"))));
        return rows;
    }

    private static IndicatorRow Row(string label, ShareMeasure measure, string? comment, int level = 0) =>
        new(label, measure.Contracts, measure.ShareOfContracts, measure.Amount, measure.ShareOfAmount, comment, level);

    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}

/// <summary>The consistency flags in words, for tables and the report.</summary>
public static class FlagLabels
{
    public static string Of(string code) => code switch
    {
        ContractAnnotator.Codes.ReservedWithoutVerdict => "marché réservé sans titulaire éligible",
        ContractAnnotator.Codes.ReservedHoldersNotChecked => "marché réservé aux titulaires non vérifiables",
        ContractAnnotator.Codes.HolderClosedAtNotification => "titulaire fermé ou cessé à la notification",
        ContractAnnotator.Codes.HolderClosedDateUnknown => "titulaire fermé ou cessé (date inconnue)",
        ContractAnnotator.Codes.IdentifierNotSiret => "identifiant qui n'est pas un SIRET valide",
        ContractAnnotator.Codes.CpvNotSocialServices => "code CPV incompatible avec une réservation L2113-15",
        ContractAnnotator.Codes.ReservedEssTooLong => "réservation L2113-15 de plus de 3 ans",
        _ => code,
    };
}
