namespace EsusCheck.Testing.Registries;

/// <summary>What a stubbed registry says about one establishment. <see cref="RegistryStubs"/> renders it in the exact
/// shapes of Recherche d'entreprises and INSEE Sirene (registries.md). Defaults: an active, public, head-office SAS
/// that is not ESS and runs no inclusion structure.</summary>
public sealed record StubCompany
{
    public string Name { get; init; } = "ATELIER DES LILAS";
    /// <summary>INSEE catégorie juridique: 5710 SAS, 9220 association déclarée, 5458 SCOP SARL, 1000 entrepreneur individuel…</summary>
    public string LegalForm { get; init; } = "5710";
    public string Activity { get; init; } = "88.10A";
    /// <summary>Recherche <c>complements.est_ess</c>; INSEE <c>economieSocialeSolidaireUniteLegale</c> O/N/null.</summary>
    public bool? EstEss { get; init; } = false;
    /// <summary>Recherche <c>complements.type_siae</c>, comma-joined as the registry sends it (« EI, ACI »), or null.</summary>
    public string? TypeSiae { get; init; }
    /// <summary>The legal unit is ceased (<c>etat_administratif</c> "C"); its establishments are then closed too.</summary>
    public bool Ceased { get; init; }
    /// <summary>This establishment is closed ("F") while the company may be active.</summary>
    public bool EstablishmentClosed { get; init; }
    /// <summary>Diffusion partielle: status "P", address masked (and name for an individual entrepreneur).</summary>
    public bool NonDiffusible { get; init; }
    public bool IsHeadOffice { get; init; } = true;
    /// <summary>When this establishment is not the head office, the head office's SIRET (default: same SIREN, NIC 00015).</summary>
    public string? HeadOfficeSiret { get; init; }
    public string StreetNumber { get; init; } = "12";
    public string StreetType { get; init; } = "RUE";
    public string StreetName { get; init; } = "DES LILAS";
    public string PostCode { get; init; } = "75011";
    public string City { get; init; } = "PARIS";
    public DateOnly CreatedOn { get; init; } = new(2015, 3, 2);
    public DateOnly ClosedOn { get; init; } = new(2022, 10, 22);

    public static readonly StubCompany Default = new();

    /// <summary>The address as Recherche d'entreprises writes it in <c>adresse</c>.</summary>
    public string Address => $"{StreetNumber} {StreetType} {StreetName} {PostCode} {City}";

    public bool IsEstablishmentClosed => Ceased || EstablishmentClosed;

    public string HeadOfficeOf(string siret) => IsHeadOffice ? siret : HeadOfficeSiret ?? siret[..9] + "00015";
}
