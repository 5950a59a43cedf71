using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Facts;

/// <summary>Everything the registries and reference lists said about one establishment: the engine's only input
/// besides the purchase context and the clock.</summary>
public sealed record CompanyFacts
{
    public required Siret Siret { get; init; }
    public Siren Siren => Siret.Siren;

    /// <summary>The source whose identity was used (Recherche d'entreprises, or INSEE as fallback).</summary>
    public SourceFacts? IdentitySource { get; init; }
    public CompanyIdentity? Identity => IdentitySource?.Identity;

    /// <summary>Every source asked, in the order asked, identity first.</summary>
    public IReadOnlyList<SourceFacts> Sources { get; init; } = [];

    public EsusLookup Esus { get; init; } = EsusLookup.NoList;

    /// <summary>True when the SIRET typed fails its key but a registry knows it (law.md §1).</summary>
    public bool KeyInvalidButKnown => !Siret.HasValidKey && Identity is not null;

    public bool? EssFlag => Sources.Select(s => s.EssFlag).FirstOrDefault(f => f is not null);

    public IEnumerable<InclusionKindFact> InclusionKinds => Sources.SelectMany(s => s.InclusionKinds);

    public IEnumerable<FinessCategoryFact> FinessCategories => Sources.SelectMany(s => s.FinessCategories);

    public SourceFacts? SourceNamed(string name) => Sources.FirstOrDefault(s => s.Source == name);
}
