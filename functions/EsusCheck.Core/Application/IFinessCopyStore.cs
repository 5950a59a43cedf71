namespace EsusCheck.Core.Application;

/// <summary>The local copy of FINESS's ESAT and EA establishments. The FINESS source consults it first: with a copy
/// younger than <c>Reference:FinessCopyMaxAge</c>, its answer stands for the per-SIRET API's.</summary>
public interface IFinessCopyStore
{
    Task<FinessCopyLookup> FindAsync(Identifiers.Siret siret, CancellationToken cancellationToken);
    Task<FinessCopyInfo?> GetInfoAsync(CancellationToken cancellationToken);
    /// <summary>Replaces the copy as a whole: a reader sees the old copy or the new one, never a mix.</summary>
    Task ReplaceAsync(FinessCopyInfo info, IReadOnlyCollection<FinessCopyEntry> establishments, CancellationToken cancellationToken);
}
