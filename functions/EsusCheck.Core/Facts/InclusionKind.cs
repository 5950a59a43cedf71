using System.Text.Json.Serialization;

namespace EsusCheck.Core.Facts;

/// <summary>The kinds of inclusion and disability structures Le Marché de l'inclusion knows (registries.md §2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InclusionKind>))]
public enum InclusionKind
{
    EI, AI, ACI, ETTI, EITI, GEIQ, SEP, EA, EATT, ESAT,
}

/// <summary>Whether a fact was established for the establishment (SIRET) or only for the legal unit (SIREN).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FactLevel>))]
public enum FactLevel { Establishment, LegalUnit }

/// <summary>One source saying that the company runs a structure of this kind.</summary>
public sealed record InclusionKindFact(InclusionKind Kind, FactLevel Level, string Source, bool? IsActive = null);

/// <summary>A FINESS establishment category for this SIRET (246 = ESAT, 247 = entreprise adaptée).</summary>
public sealed record FinessCategoryFact(string Code, string? Label, string? FinessNumber = null);
