using EsusCheck.Core.Facts;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>What the buyer should know about the data itself, apart from the verdicts.</summary>
internal static class Warnings
{
    public static IReadOnlyList<string> From(CompanyFacts facts, EsusValidity? esus, DateOnly today)
    {
        var warnings = new List<string>();
        var family = EssLegalForms.FamilyOf(facts.Identity?.LegalForm?.Code);
        if (facts.Identity is not null && family.IsNeverEss() && EssEvaluation.ContradictingSignals(facts, esus) is { } signals)
            warnings.Add($"Données contradictoires : cette entreprise est signalée comme entreprise de l'ESS par {signals}, mais sa forme " +
                         $"juridique {EssEvaluation.FormText(facts)} ({EssLegalForms.FamilyLabels[family]}) ne peut pas en relever : " +
                         $"{EssLegalForms.NeverEssReason}. Le verdict ESS retenu est « non ».");
        if (facts.KeyInvalidButKnown)
            warnings.Add($"La clé de contrôle du SIRET {facts.Siret.Formatted} est invalide, mais ce numéro figure au répertoire : " +
                         "vérifiez-le auprès du fournisseur.");
        if (facts.Identity?.Diffusion == Diffusion.Partial)
            warnings.Add("Cette entreprise a demandé que certaines de ses données ne soient pas diffusées : le nom ou l'adresse " +
                         "peuvent être masqués.");
        if (facts.IdentitySource is { Source: not SourceNames.RechercheEntreprises } fallback)
            warnings.Add(facts.SourceNamed(SourceNames.RechercheEntreprises) is null
                ? $"L'identité provient de {SourceDisplayNames.For(fallback.Source)}, interrogée par lots pour ce fichier, " +
                  "qui ne renseigne pas les types de structures d'insertion."
                : $"L'API Recherche d'entreprises n'a pas répondu : l'identité provient de {SourceDisplayNames.For(fallback.Source)}, " +
                  "qui ne renseigne pas les types de structures d'insertion.");
        foreach (var source in facts.Sources)
        {
            var name = SourceDisplayNames.For(source.Source);
            if (source.Evidence.Stale)
                warnings.Add($"{name.Capitalise()} n'a pas répondu : les données utilisées sont les dernières connues, datées du " +
                             $"{FrenchText.Date(source.Evidence.RetrievedAt)}.");
            else if (source.Outcome == SourceOutcome.Unavailable && facts.IdentitySource?.Source == SourceNames.RechercheEntreprises)
                warnings.Add($"{name.Capitalise()} n'a pas pu être consulté : les verdicts qui en dépendent sont à vérifier.");
        }
        if (facts.Esus.IsUnreadable)
            warnings.Add("La liste des agréments ESUS n'a pas pu être lue : le statut ESUS est inconnu pour ce contrôle.");
        if (facts.Esus.List is { } list && EsusListRules.IsStale(list.PublishedOn, today))
            warnings.Add($"La liste des agréments ESUS chargée date du {FrenchText.Date(list.PublishedOn)} : une liste plus récente " +
                         $"était attendue au {FrenchText.Date(EsusListRules.NextDueDate(list.PublishedOn))}.");
        return warnings;
    }
}
