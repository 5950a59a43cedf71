using System.Text.Json.Serialization;

namespace EsusCheck.Registries.Sirene;

// The fields EsusCheck reads from GET /siret/{siret} (registries.md §3); every other field is ignored.

/// <summary>Either <c>etablissement</c> or, for some SIRETs, <c>etablissements[]</c>.</summary>
public sealed record SireneSiretResponse(SireneEstablishment? Etablissement, IReadOnlyList<SireneEstablishment>? Etablissements);

public sealed record SireneEstablishment(
    string? Siret,
    string? StatutDiffusionEtablissement,
    bool? EtablissementSiege,
    SireneLegalUnit? UniteLegale,
    SireneAddress? AdresseEtablissement,
    IReadOnlyList<SirenePeriod>? PeriodesEtablissement);

public sealed record SireneLegalUnit(
    string? EtatAdministratifUniteLegale,
    string? StatutDiffusionUniteLegale,
    string? DateCreationUniteLegale,
    string? CategorieJuridiqueUniteLegale,
    string? DenominationUniteLegale,
    string? NomUniteLegale,
    string? PrenomUsuelUniteLegale,
    string? ActivitePrincipaleUniteLegale,
    string? NicSiegeUniteLegale,
    string? EconomieSocialeSolidaireUniteLegale);

public sealed record SireneAddress(
    string? ComplementAdresseEtablissement,
    [property: JsonConverter(typeof(Http.FlexibleStringConverter))] string? NumeroVoieEtablissement,
    string? IndiceRepetitionEtablissement,
    string? TypeVoieEtablissement,
    string? LibelleVoieEtablissement,
    string? CodePostalEtablissement,
    string? LibelleCommuneEtablissement);

public sealed record SirenePeriod(
    string? DateFin,
    string? DateDebut,
    string? EtatAdministratifEtablissement,
    string? ActivitePrincipaleEtablissement);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SireneSiretResponse))]
public sealed partial class SireneJson : JsonSerializerContext;
