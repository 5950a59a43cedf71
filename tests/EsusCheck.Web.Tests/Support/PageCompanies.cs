using EsusCheck.Testing.Registries;

namespace EsusCheck.Web.Tests.Support;

/// <summary>The suppliers the stubbed registries know: an association running an insertion company (ESS, SIAE), an
/// ESAT, a plain SAS; and one no registry knows.</summary>
public sealed class PageCompanies
{
    public string Siae { get; } = TestSirets.Next();
    public string Esat { get; } = TestSirets.Next();
    public string Company { get; } = TestSirets.Next();
    public string Unknown { get; } = TestSirets.Next();

    public static readonly StubCompany Association = new() { Name = "RÉGIE DES LILAS", LegalForm = "9220", EstEss = true, TypeSiae = "EI" };
    public static readonly StubCompany EsatAssociation = new() { Name = "ESAT LES ATELIERS", LegalForm = "9220", EstEss = true, TypeSiae = "ESAT" };
    public static readonly StubCompany Sas = new() { Name = "DUPONT SERVICES", LegalForm = "5710", EstEss = false };

    public void Stage(RegistryStubs stubs) => stubs
        .RechercheFound(Siae, Association).MarcheFound(Siae, ("EI", true))
        .RechercheFound(Esat, EsatAssociation).MarcheFound(Esat, ("ESAT", true)).FinessFound(Esat, ("246", "E.S.A.T."))
        .RechercheFound(Company, Sas)
        .RechercheUnknown(Unknown);

    /// <summary>« 123 456 789 00012 »: the SIRET as a buyer copies it from a document.</summary>
    public static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";
}
