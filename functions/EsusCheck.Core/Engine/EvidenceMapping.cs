using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

internal static class EvidenceMapping
{
    public static IReadOnlyList<EvidenceItem> From(CompanyFacts facts)
    {
        var items = facts.Sources.Select(s => new EvidenceItem(
            s.Source, s.Evidence.RetrievedAt, s.Evidence.FromCache, s.Evidence.Stale, s.Evidence.Detail, OutcomeName(s.Outcome))).ToList();

        var list = facts.Esus.List;
        items.Add(facts.Esus.IsUnreadable
            ? new EvidenceItem(SourceNames.EsusList, facts.Sources.FirstOrDefault()?.Evidence.RetrievedAt ?? DateTimeOffset.MinValue,
                false, false, "La liste n'a pas pu être lue (stockage indisponible).", OutcomeName(SourceOutcome.Unavailable))
            : list is null
            ? new EvidenceItem(SourceNames.EsusList, facts.Sources.FirstOrDefault()?.Evidence.RetrievedAt ?? DateTimeOffset.MinValue,
                false, false, "Aucune liste chargée.", OutcomeName(SourceOutcome.NotConfigured))
            : new EvidenceItem(SourceNames.EsusList, list.ImportedAt, true, false,
                $"Liste publiée le {FrenchText.Date(list.PublishedOn)} ({list.RowCount} lignes), importée depuis {list.Source}.",
                OutcomeName(facts.Esus.Entry is null ? SourceOutcome.NotFound : SourceOutcome.Found)));
        return items;
    }

    public static string OutcomeName(SourceOutcome outcome) => outcome switch
    {
        SourceOutcome.Found => "found",
        SourceOutcome.NotFound => "not_found",
        SourceOutcome.Unavailable => "unavailable",
        _ => "not_configured",
    };
}
