using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Spaser.Tests.Support;

/// <summary>A buyer's DECP whose every indicator a test can work out by hand from the law (law.md) and the companies
/// the registry stubs know: an insertion company run by an association (ESS by its form, SIAE by Le Marché: L2113-13),
/// an ESAT association (L2113-12), a SCOP on the ESUS list, a plain SAS, a ceased SAS, and a foreign holder.</summary>
public sealed class Scenario : IRegistryScenario
{
    public string BuyerA { get; } = TestSirets.Next();
    public string BuyerB { get; } = TestSirets.Next();
    public string Siae { get; } = TestSirets.Next();
    public string Esat { get; } = TestSirets.Next();
    public string Scop { get; } = TestSirets.Next();
    public string Sas { get; } = TestSirets.Next();
    public string Ceased { get; } = TestSirets.Next();

    public static readonly StubCompany Insertion = new() { Name = "RÉGIE DES LILAS", LegalForm = "9220", EstEss = true, TypeSiae = "EI" };
    public static readonly StubCompany EsatAssociation = new() { Name = "ESAT LES ATELIERS", LegalForm = "9220", EstEss = true, TypeSiae = "ESAT" };
    public static readonly StubCompany ScopCompany = new() { Name = "SCOP BÂTIR ENSEMBLE", LegalForm = "5458", EstEss = true };
    public static readonly StubCompany Plain = new() { Name = "DUPONT SERVICES", LegalForm = "5710", EstEss = false };
    /// <summary>Ceased on 22 October 2022 (<see cref="StubCompany.ClosedOn"/>), before every notification of the file.</summary>
    public static readonly StubCompany CeasedCompany = new() { Name = "ANCIENNE SOCIÉTÉ", LegalForm = "5710", EstEss = false, Ceased = true };

    public RegistryStubs Stage(RegistryStubs stubs) => stubs
        .RechercheFound(Siae, Insertion).MarcheFound(Siae, ("EI", true))
        .RechercheFound(Esat, EsatAssociation).MarcheFound(Esat, ("ESAT", true)).FinessFound(Esat, ("246", "E.S.A.T."))
        .RechercheFound(Scop, ScopCompany)
        .RechercheFound(Sas, Plain)
        .RechercheFound(Ceased, CeasedCompany);

    /// <summary>An ESUS list naming only the SCOP, published yesterday.</summary>
    public async Task LoadEsusListAsync(IEsusListStore store)
    {
        var siren = IdentifierParser.ParseSiren(Scop[..9]).Value!.Value;
        var published = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        await store.ReplaceAsync(new EsusListInfo(published, 1, DateTimeOffset.UtcNow, "test"), [new EsusListEntry(siren, "SCOP BÂTIR ENSEMBLE")],
            CancellationToken.None);
    }

    public const string SocialCpv = "85311000-2";
    public const string WorksCpv = "45000000-7";
    public const string SecurityCpv = "79710000-4";

    /// <summary>Buyer A, 2024: seven contracts (M1–M7); buyer A, 2023: one (M8); buyer B, 2024: one (M9).</summary>
    public IReadOnlyList<TestContract> Contracts() =>
    [
        // M1: reserved, social services, the insertion company alone.
        new("M1", BuyerA, "2024-02-01", 100_000m, SocialCpv, ["Marché réservé"], [Party.Siret(Siae)]),
        // M2: framework agreement held by the SAS and the ESAT (half each), social clause and criterion.
        new("M2", BuyerA, "2024-03-15", 200_000m, SecurityCpv, ["Clause sociale", "Critère social"], [Party.Siret(Sas), Party.Siret(Esat)],
            Framework: true),
        // M3: awarded to the SAS for 50 000 €, then modified: 80 000 €, the SCOP joins as co-holder; two subcontracting acts,
        // one to the insertion company (20 000 €, modified to 25 000 €), one to a foreign company (5 000 €).
        new("M3", BuyerA, "2024-04-10", 50_000m, SecurityCpv, [DecpFiles.NoSocialConsideration], [Party.Siret(Sas)],
            Acts: [new Act(1, Party.Siret(Siae), 20_000m, "2024-05-01", 25_000m), new Act(2, new Party("TVA", "DE123456789"), 5_000m, "2024-05-02")],
            Changes: [new Change(1, "2024-09-01", 80_000m, 18, [Party.Siret(Sas), Party.Siret(Scop)])]),
        // M4: marked reserved, but works, and held by the SAS.
        new("M4", BuyerA, "2024-05-20", 40_000m, WorksCpv, ["Marché réservé"], [Party.Siret(Sas)]),
        // M5: a foreign holder, with no SIRET.
        new("M5", BuyerA, "2024-06-03", 30_000m, SecurityCpv, ["Clause sociale"], [new Party("HORS-UE", "GB-CH-0042")]),
        // M6: a holder ceased since 2022.
        new("M6", BuyerA, "2024-07-01", 10_000m, SecurityCpv, [DecpFiles.NoSocialConsideration], [Party.Siret(Ceased)]),
        // M7: a « SIRET » that is not one.
        new("M7", BuyerA, "2024-08-08", 5_000m, SecurityCpv, [DecpFiles.NoSocialConsideration], [Party.Siret("1234")]),
        new("M8", BuyerA, "2023-11-30", 60_000m, SocialCpv, ["Clause sociale"], [Party.Siret(Siae)]),
        new("M9", BuyerB, "2024-01-10", 1_000m, SecurityCpv, ["Critère social"], [Party.Siret(Sas)]),
    ];
}
