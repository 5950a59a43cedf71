using System.Text.Json.Serialization;

namespace EsusCheck.Registries.RechercheEntreprises;

// The fields EsusCheck reads from GET /search (registries.md §1); every other field is ignored.

public sealed record RechercheSearchResponse(IReadOnlyList<RechercheResult>? Results, int? TotalResults);

public sealed record RechercheResult(
    string? Siren,
    string? NomComplet,
    string? NomRaisonSociale,
    string? NatureJuridique,
    string? ActivitePrincipale,
    string? EtatAdministratif,
    string? DateCreation,
    string? DateFermeture,
    string? StatutDiffusion,
    RechercheEtablissement? Siege,
    IReadOnlyList<RechercheEtablissement>? MatchingEtablissements,
    RechercheComplements? Complements);

public sealed record RechercheEtablissement(
    string? Siret,
    string? Adresse,
    bool? EstSiege,
    string? EtatAdministratif,
    string? DateFermeture,
    string? ActivitePrincipale,
    string? StatutDiffusionEtablissement);

public sealed record RechercheComplements(bool? EstEss, bool? EstSiae, string? TypeSiae);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RechercheSearchResponse))]
public sealed partial class RechercheEntreprisesJson : JsonSerializerContext;
