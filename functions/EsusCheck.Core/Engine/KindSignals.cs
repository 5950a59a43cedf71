using EsusCheck.Core.Facts;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>Every statement that the company runs an inclusion or disability structure, from Le Marché de
/// l'inclusion (establishment), Recherche d'entreprises <c>type_siae</c> (legal unit) and FINESS (establishment).</summary>
internal sealed record KindSignal(InclusionKind Kind, FactLevel Level, string Source, bool? IsActive)
{
    public static IReadOnlyList<KindSignal> From(CompanyFacts facts)
    {
        var signals = facts.InclusionKinds
            .Select(k => new KindSignal(k.Kind, k.Level, k.Source, k.IsActive))
            .ToList();
        foreach (var category in facts.FinessCategories)
            if (InclusionKindRules.FinessCategories.TryGetValue(category.Code, out var kind))
                signals.Add(new KindSignal(kind, FactLevel.Establishment, SourceNames.Finess, true));
        return signals.Distinct().ToList();
    }

    public string Describe()
    {
        var rule = InclusionKindRules.For(Kind);
        var level = Level == FactLevel.Establishment
            ? "pour cet établissement"
            : "pour l'unité légale (SIREN) et non pour cet établissement précisément";
        return $"{SourceDisplayNames.For(Source).Capitalise()} recense {rule.WithArticle} {level}";
    }
}
