using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Bulk.Tests.Support;

/// <summary>The suppliers the registry stubs know, each standing for one SPASER category. What the checker says about
/// them follows from the law (law.md): an association is ESS by its form; an EI listed by Le Marché at the
/// establishment is an SIAE (L2113-13); an ESAT opens L2113-12; a SIREN on the ESUS list is accredited; a SAS with no
/// ESS signal is not ESS.</summary>
internal sealed class Suppliers : IRegistryScenario
{
    public string Siae { get; } = TestSirets.Next();
    public string Esat { get; } = TestSirets.Next();
    public string Esus { get; } = TestSirets.Next();
    public string Company { get; } = TestSirets.Next();
    public string Unknown { get; } = TestSirets.Next();

    public IEnumerable<string> Known => [Siae, Esat, Esus, Company];

    public static readonly StubCompany Association = new() { Name = "RÉGIE DES LILAS", LegalForm = "9220", EstEss = true, TypeSiae = "EI" };
    public static readonly StubCompany EsatAssociation = new() { Name = "ESAT LES ATELIERS", LegalForm = "9220", EstEss = true, TypeSiae = "ESAT" };
    public static readonly StubCompany Scop = new() { Name = "SCOP BÂTIR ENSEMBLE", LegalForm = "5458", EstEss = true };
    public static readonly StubCompany Sas = new() { Name = "DUPONT SERVICES", LegalForm = "5710", EstEss = false };

    public RegistryStubs Stage(RegistryStubs stubs) => stubs
        .RechercheFound(Siae, Association).MarcheFound(Siae, ("EI", true))
        .RechercheFound(Esat, EsatAssociation).MarcheFound(Esat, ("ESAT", true)).FinessFound(Esat, ("246", "E.S.A.T."))
        .RechercheFound(Esus, Scop)
        .RechercheFound(Company, Sas)
        .RechercheUnknown(Unknown);

    /// <summary>Loads an ESUS list naming only <see cref="Esus"/>, published yesterday (not stale).</summary>
    public async Task LoadEsusListAsync(IEsusListStore store)
    {
        var siren = IdentifierParser.ParseSiren(Esus[..9]).Value!.Value;
        var published = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        await store.ReplaceAsync(new EsusListInfo(published, 1, DateTimeOffset.UtcNow, "test"), [new EsusListEntry(siren, "SCOP BÂTIR ENSEMBLE")],
            CancellationToken.None);
    }
}
