using EsusCheck.Core.Facts;

namespace EsusCheck.Core.Application;

/// <summary>One structure of Le Marché de l'inclusion, as the local copy keeps it: the kind is per establishment
/// (SIRET), unlike <c>type_siae</c> of Recherche d'entreprises, which is per legal unit.</summary>
public sealed record MarcheCopyEntry(
    long Id,
    string Siret,
    InclusionKind Kind,
    string? Name,
    bool IsActive,
    string? Department = null,
    DateTimeOffset? UpdatedAt = null);
