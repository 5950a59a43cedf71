using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;

namespace EsusCheck.Chat.Tests.Support;

/// <summary>The companies the chat tests talk about, as a registry would describe them, served by an in-memory
/// Recherche d'entreprises (<see cref="Registry"/>).</summary>
public static class TestCompanies
{
    public const string JardinsSiret = "41816609600069";   // association, ACI, on the ESUS list
    public const string JardinsSiren = "418166096";
    public const string NettoyageSiret = "73282932000074"; // SAS, not ESS, no inclusion kind
    public const string NettoyageSiren = "732829320";
    public const string CeasedSiret = "88087814500015";    // ceased company (registries.md)
    public const string InsertionSiret = "53374499100035"; // EI at establishment level, ESS flag
    public const string InsertionSiren = "533744991";
    public const string EsatSiret = "77567227200017";      // association running an ESAT (FINESS 246)
    public const string GeiqSiret = "32630015900018";      // GEIQ: L2113-13 to verify
    public const string UnknownSiret = "55210055400013";   // valid key, known by no registry
    public const string OutageSiret = "13000548100010";    // the registry is down for this one
    public const string MarkdownSiret = "44332211000018";  // a registered name written to look like Markdown

    public static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly EsusListPublishedOn = new(2026, 2, 1);

    public static readonly IReadOnlyDictionary<string, string> HeadOffices = new Dictionary<string, string>
    {
        [JardinsSiren] = JardinsSiret,
        [NettoyageSiren] = NettoyageSiret,
        [InsertionSiren] = InsertionSiret,
    };

    /// <summary>Recherche d'entreprises as the tests need it: identity, ESS flag, kinds, FINESS categories, head offices.</summary>
    public static FakeRegistrySource Registry(TimeProvider clock)
    {
        var registry = new FakeRegistrySource(SourceNames.RechercheEntreprises, SourceRole.Identity,
            siret => Facts(siret.Value, clock.GetUtcNow()) ?? SourceFacts.NotFound(SourceNames.RechercheEntreprises, clock.GetUtcNow()));
        foreach (var (siren, siret) in HeadOffices) registry.HeadOffices[siren] = siret;
        return registry;
    }

    public static SourceFacts? Facts(string siret, DateTimeOffset at) => siret switch
    {
        JardinsSiret => Found(siret, at, "ASSOCIATION LES JARDINS DU COEUR", "9220", "Association déclarée", ess: true,
            kinds: [new InclusionKindFact(InclusionKind.ACI, FactLevel.Establishment, SourceNames.MarcheInclusion, true)]),
        NettoyageSiret => Found(siret, at, "SOCIETE GENERALE DE NETTOYAGE", "5710", "SAS, société par actions simplifiée", ess: false),
        CeasedSiret => Found(siret, at, "GANYMEDE", "5710", "SAS, société par actions simplifiée", ess: false, ceased: true),
        InsertionSiret => Found(siret, at, "IDDEE 13", "5710", "SAS, société par actions simplifiée", ess: true,
            kinds: [new InclusionKindFact(InclusionKind.EI, FactLevel.Establishment, SourceNames.MarcheInclusion, true)]),
        EsatSiret => Found(siret, at, "ESAT DES PINS", "9220", "Association déclarée", ess: true,
            finess: [new FinessCategoryFact("246", "Etablissement et Service d'Aide par le Travail (E.S.A.T.)")]),
        GeiqSiret => Found(siret, at, "GEIQ PROPRETE PROVENCE", "9220", "Association déclarée", ess: true,
            kinds: [new InclusionKindFact(InclusionKind.GEIQ, FactLevel.Establishment, SourceNames.MarcheInclusion, true)]),
        MarkdownSiret => Found(siret, at, "**GAGNANT** [cliquez ici](https://hameconnage.example) _urgent_ `x`", "5710",
            "SAS, société par actions simplifiée", ess: false),
        OutageSiret => SourceFacts.Unavailable(SourceNames.RechercheEntreprises, at, "HTTP 503"),
        _ => null,
    };

    private static SourceFacts Found(string siret, DateTimeOffset at, string name, string legalForm, string legalFormLabel, bool ess,
        bool ceased = false, IReadOnlyList<InclusionKindFact>? kinds = null, IReadOnlyList<FinessCategoryFact>? finess = null) => new()
    {
        Evidence = new SourceEvidence(SourceNames.RechercheEntreprises, SourceOutcome.Found, at),
        Identity = new CompanyIdentity
        {
            Name = name,
            LegalForm = new CodeLabel(legalForm, legalFormLabel),
            CompanyState = ceased ? CompanyState.Ceased : CompanyState.Active,
            EstablishmentState = ceased ? EstablishmentState.Closed : EstablishmentState.Active,
            CompanyClosedOn = ceased ? new DateOnly(2022, 10, 22) : null,
            IsHeadOffice = true,
            HeadOfficeSiret = siret,
            Address = "1 RUE DE LA PAIX 13001 MARSEILLE",
            Diffusion = Diffusion.Public,
        },
        EssFlag = ess,
        InclusionKinds = kinds ?? [],
        FinessCategories = finess ?? [],
    };
}
