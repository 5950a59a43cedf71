using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

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
