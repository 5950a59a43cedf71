using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Testing;

/// <summary>Builds <see cref="CompanyFacts"/> as the registries would report them, for engine and rendering tests.
/// Defaults: an active SAS head office found by Recherche d'entreprises, no ESS flag, no ESUS list.</summary>
public sealed class FactsBuilder
{
    public static readonly DateTimeOffset RetrievedAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The identity a registry reports for the default company (an active SAS head office in Paris).</summary>
    public static readonly CompanyIdentity DefaultIdentity = new()
    {
        Name = "EXEMPLE SERVICES",
        LegalForm = new("5710", "SAS, société par actions simplifiée"),
        Activity = new("88.99B", null),
        CompanyState = CompanyState.Active,
        EstablishmentState = EstablishmentState.Active,
        IsHeadOffice = true,
        Address = "1 RUE DE LA PAIX 75002 PARIS",
        Diffusion = Diffusion.Public,
        CreatedOn = new DateOnly(2015, 3, 2),
    };

    private string _siret = "73282932000074";
    private CompanyIdentity _identity = DefaultIdentity;
    private bool? _essFlag = false;
    private readonly List<InclusionKindFact> _legalUnitKinds = [];
    private string _identitySource = SourceNames.RechercheEntreprises;
    private SourceOutcome _identityOutcome = SourceOutcome.Found;
    private readonly List<SourceFacts> _complements = [];
    private EsusLookup _esus = EsusLookup.NoList;

    public FactsBuilder WithSiret(string siret) { _siret = siret; return this; }

    public FactsBuilder WithLegalForm(string code, string? label = null)
    {
        _identity = _identity with { LegalForm = new(code, label) };
        return this;
    }

    public FactsBuilder WithIdentity(Func<CompanyIdentity, CompanyIdentity> change) { _identity = change(_identity); return this; }

    public FactsBuilder Ceased(DateOnly? on = null) =>
        WithIdentity(i => i with { CompanyState = CompanyState.Ceased, CompanyClosedOn = on, EstablishmentState = EstablishmentState.Closed, EstablishmentClosedOn = on });

    public FactsBuilder EstablishmentClosed(DateOnly? on = null) =>
        WithIdentity(i => i with { EstablishmentState = EstablishmentState.Closed, EstablishmentClosedOn = on });

    public FactsBuilder WithEssFlag(bool? flag) { _essFlag = flag; return this; }

    /// <summary>Recherche d'entreprises <c>type_siae</c>: legal-unit level.</summary>
    public FactsBuilder WithTypeSiae(params InclusionKind[] kinds)
    {
        _legalUnitKinds.AddRange(kinds.Select(k => new InclusionKindFact(k, FactLevel.LegalUnit, SourceNames.RechercheEntreprises)));
        return this;
    }

    /// <summary>Le Marché de l'inclusion: establishment level.</summary>
    public FactsBuilder WithMarche(params (InclusionKind Kind, bool Active)[] structures)
    {
        _complements.Add(new SourceFacts
        {
            Evidence = new(SourceNames.MarcheInclusion, structures.Length == 0 ? SourceOutcome.NotFound : SourceOutcome.Found, RetrievedAt),
            InclusionKinds = structures.Select(s => new InclusionKindFact(s.Kind, FactLevel.Establishment, SourceNames.MarcheInclusion, s.Active)).ToList(),
        });
        return this;
    }

    public FactsBuilder WithSource(string source, SourceOutcome outcome, bool fromCache = false, bool stale = false)
    {
        _complements.Add(new SourceFacts { Evidence = new(source, outcome, RetrievedAt, fromCache, stale, "détail") });
        return this;
    }

    public FactsBuilder WithFiness(params string[] categories)
    {
        _complements.Add(new SourceFacts
        {
            Evidence = new(SourceNames.Finess, categories.Length == 0 ? SourceOutcome.NotFound : SourceOutcome.Found, RetrievedAt),
            FinessCategories = categories.Select(c => new FinessCategoryFact(c, null, "750000000")).ToList(),
        });
        return this;
    }

    public FactsBuilder IdentityFrom(string source, SourceOutcome outcome = SourceOutcome.Found)
    {
        _identitySource = source;
        _identityOutcome = outcome;
        return this;
    }

    /// <summary>A loaded list; when <paramref name="listed"/>, a row granted on <paramref name="accreditedOn"/> (1 May 2024
    /// by default) with no end date unless <paramref name="expiresOn"/> is given.</summary>
    public FactsBuilder WithEsusList(DateOnly publishedOn, bool listed, DateOnly? expiresOn = null, int rowCount = 2700,
        DateOnly? accreditedOn = null, bool assimilated = false)
    {
        var info = new EsusListInfo(publishedOn, rowCount, new DateTimeOffset(publishedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2), "liste-esus.xlsx");
        var siren = IdentifierParser.FromRegistry(_siret)!.Value.Siren;
        _esus = new EsusLookup(info, listed
            ? new EsusListEntry(siren, _identity.Name, accreditedOn ?? new DateOnly(2024, 5, 1), expiresOn, Assimilated: assimilated)
            : null);
        return this;
    }

    /// <summary>Changes the listed row (a row without any date, for instance).</summary>
    public FactsBuilder WithEsusEntry(Func<EsusListEntry, EsusListEntry> change)
    {
        _esus = _esus with { Entry = change(_esus.Entry ?? throw new InvalidOperationException("Call WithEsusList(listed: true) first.")) };
        return this;
    }

    public CompanyFacts Build()
    {
        var siret = IdentifierParser.FromRegistry(_siret) ?? throw new ArgumentException("SIRET must be 14 digits");
        var identity = new SourceFacts
        {
            Evidence = new(_identitySource, _identityOutcome, RetrievedAt, Detail: "Établissement trouvé."),
            Identity = _identityOutcome == SourceOutcome.Found ? _identity : null,
            EssFlag = _identityOutcome == SourceOutcome.Found ? _essFlag : null,
            InclusionKinds = _legalUnitKinds,
        };
        var sources = new List<SourceFacts>();
        if (_identitySource != SourceNames.RechercheEntreprises)
            sources.Add(SourceFacts.Unavailable(SourceNames.RechercheEntreprises, RetrievedAt, "Le registre n'a pas répondu."));
        sources.Add(identity);
        sources.AddRange(_complements);
        return new CompanyFacts { Siret = siret, IdentitySource = identity, Sources = sources, Esus = _esus };
    }
}
