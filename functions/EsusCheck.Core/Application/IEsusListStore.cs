using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>The loaded ESUS list. A lookup reads one consistent version, even while an import swaps it.</summary>
public interface IEsusListStore
{
    Task<EsusLookup> LookupAsync(Siren siren, CancellationToken cancellationToken);
    Task<EsusListInfo?> GetInfoAsync(CancellationToken cancellationToken);
    Task ReplaceAsync(EsusListInfo info, IReadOnlyCollection<EsusListEntry> entries, CancellationToken cancellationToken);
}
