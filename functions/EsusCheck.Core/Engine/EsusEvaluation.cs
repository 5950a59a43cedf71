using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>L3332-17-1: the agrément is known only from the DG Trésor national list, and only while it lasts (its end
/// date, stated or computed); plein-droit kinds must still apply.</summary>
internal static class EsusEvaluation
{
    public static EsusVerdict Evaluate(CompanyFacts facts, EsusValidity? validity, IReadOnlyList<KindSignal> signals, DateOnly today)
    {
        IReadOnlyList<LegalBasis> basis = [LegalReferences.EsusAgrement, LegalReferences.EsusConditions];
        var byRight = signals.Select(s => InclusionKindRules.For(s.Kind)).FirstOrDefault(r => r.EsusByRight);
        var list = facts.Esus.List;

        if (facts.Esus.IsUnreadable)
            return new(EsusStatus.Unknown, byRight?.Kind, null,
            [
                "La liste nationale des agréments ESUS n'a pas pu être lue pour le moment : l'agrément ne peut pas être vérifié. " +
                "Réessayez plus tard.",
                .. ByRightNote(byRight),
            ], basis);

        if (list is null)
            return new(EsusStatus.Unknown, byRight?.Kind, null,
            [
                "Aucune liste nationale des agréments ESUS n'est chargée : l'agrément ne peut pas être vérifié. " +
                "Importez la liste publiée par la DG Trésor.",
                .. ByRightNote(byRight),
            ], basis);

        var reasons = new List<string>();
        var status = EsusStatus.NotAccredited;
        if (validity is { } valid)
        {
            reasons.Add($"Le SIREN {facts.Siren.Formatted} figure sur la liste nationale des agréments ESUS publiée par la " +
                        $"DG Trésor le {FrenchText.Date(list.PublishedOn)}." + Dates(valid));
            status = valid.State switch
            {
                EsusValidityState.Current => EsusStatus.Accredited,
                _ => EsusStatus.Unknown,
            };
            if (valid.State == EsusValidityState.Expired)
                reasons.Add($"Statut inconnu : agrément expiré le {FrenchText.Date(valid.LastDay!.Value)} ; un renouvellement n'est pas " +
                            "encore publié. Demandez à l'entreprise l'arrêté de renouvellement.");
            else if (valid.State == EsusValidityState.Uncertain)
                reasons.Add("Statut inconnu : l'agrément a pu expirer, faute de connaître la date de création de l'entreprise. " +
                            "Demandez à l'entreprise l'arrêté d'agrément en cours de validité.");
            if (valid.Entry.Assimilated)
                reasons.Add("Cette ligne figure parmi les organismes « assimilés » aux entreprises solidaires d'utilité sociale (fonds, " +
                            "établissements de crédit), qui n'ont pas à être des entreprises de l'ESS : elle ne fait pas de l'entreprise " +
                            "une entreprise de l'ESS.");
        }
        else
        {
            reasons.Add($"Le SIREN {facts.Siren.Formatted} ne figure pas sur la liste nationale des agréments ESUS publiée par la " +
                        $"DG Trésor le {FrenchText.Date(list.PublishedOn)} ({list.RowCount} agréments).");
            reasons.AddRange(ByRightNote(byRight));
        }

        if (EsusListRules.IsStale(list.PublishedOn, today))
            reasons.Add($"Cette liste n'est plus à jour : une nouvelle liste était attendue au " +
                        $"{FrenchText.Date(EsusListRules.NextDueDate(list.PublishedOn))}. Un agrément récent peut y manquer.");

        return new(status, byRight?.Kind, list.PublishedOn, reasons, basis);
    }

    private static IEnumerable<string> ByRightNote(InclusionKindRule? rule)
    {
        if (rule is null) yield break;
        yield return $"Structure de type {rule.Label} : elle peut bénéficier de l'agrément ESUS de plein droit " +
                     $"(article L3332-17-1, II). {EsusAgrementRules.ByRightCaveat}";
    }

    /// <summary>« Agrément délivré le 2 mai 2024, valable jusqu'au 1er mai 2029 (date calculée : …). »</summary>
    private static string Dates(EsusValidity validity)
    {
        var from = validity.Entry.AccreditedOn is { } on ? $" Agrément délivré le {FrenchText.Date(on)}" : "";
        if (validity.LastDay is not { } last)
            return from.Length == 0 ? " La liste n'indique ni la date de l'agrément ni sa date de fin." : from + " ; la liste n'indique pas sa date de fin.";
        var until = (from.Length == 0 ? " Agrément valable" : from + ", valable") + $" jusqu'au {FrenchText.Date(last)}";
        return until + (validity.ComputedHow is { } how ? $" (date calculée : {how})." : ".");
    }
}
