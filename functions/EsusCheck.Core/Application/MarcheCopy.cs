using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

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

/// <summary>Which copy is active: when it was made, how many structures, from where.</summary>
public sealed record MarcheCopyInfo(DateTimeOffset CopiedAt, int StructureCount, string Source);

/// <summary>One consistent read of the copy: the structures of a SIRET (often none) and the copy they come from.</summary>
public sealed record MarcheCopyLookup(MarcheCopyInfo? Copy, IReadOnlyList<MarcheCopyEntry> Structures)
{
    public static readonly MarcheCopyLookup NoCopy = new(null, []);
}

/// <summary>The local copy of Le Marché's list. The Marché registry source consults it first: with a copy younger
/// than <c>Reference:MarcheCopyMaxAge</c>, its answer (structures, or none: not a structure of the
/// Marché) stands for the API's; without one it asks the API.</summary>
public interface IMarcheCopyStore
{
    Task<MarcheCopyLookup> FindAsync(Siret siret, CancellationToken cancellationToken);
    Task<MarcheCopyInfo?> GetInfoAsync(CancellationToken cancellationToken);
    /// <summary>Replaces the copy as a whole: a reader sees the old copy or the new one, never a mix.</summary>
    Task ReplaceAsync(MarcheCopyInfo info, IReadOnlyCollection<MarcheCopyEntry> structures, CancellationToken cancellationToken);
}
