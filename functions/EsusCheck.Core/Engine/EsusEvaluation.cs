using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Engine;

/// <summary>L3332-17-1: the agrément is known only from the DG Trésor national list; plein-droit kinds must still apply.</summary>
internal static class EsusEvaluation
{
    public static EsusVerdict Evaluate(CompanyFacts facts, IReadOnlyList<KindSignal> signals, DateOnly today)
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
        if (facts.Esus.Entry is { } entry)
        {
            status = EsusStatus.Accredited;
            reasons.Add($"Le SIREN {facts.Siren.Formatted} figure sur la liste nationale des agréments ESUS publiée par la " +
                        $"DG Trésor le {FrenchText.Date(list.PublishedOn)}." + Dates(entry));
            if (entry.ExpiresOn is { } expires && expires < today)
            {
                status = EsusStatus.Unknown;
                reasons.Add($"D'après cette liste, l'agrément a expiré le {FrenchText.Date(expires)} : demandez à l'entreprise " +
                            "l'arrêté de renouvellement.");
            }
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
                     "(article L3332-17-1, II), sous réserve des conditions de l'ESS et de rémunération, mais doit tout de même " +
                     "en faire la demande : ce n'est pas un agrément en soi.";
    }

    private static string Dates(EsusListEntry entry) =>
        (entry.AccreditedOn is { } from ? $" Agrément délivré le {FrenchText.Date(from)}" : "") +
        (entry.ExpiresOn is { } to ? (entry.AccreditedOn is null ? " Agrément valable" : ",") + $" jusqu'au {FrenchText.Date(to)}." : entry.AccreditedOn is null ? "" : ".");
}
