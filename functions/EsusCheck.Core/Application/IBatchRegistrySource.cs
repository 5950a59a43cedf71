using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>A registry that answers for many SIRETs in one call (INSEE <c>POST /siret</c>), through the same mapping
/// as its single lookups, so a batched answer is the very <see cref="SourceFacts"/> a single lookup would give.</summary>
public interface IBatchRegistrySource
{
    /// <summary>The <see cref="IRegistrySource.Name"/> of the single-lookup source whose cache entries it fills.</summary>
    string Name { get; }

    /// <summary>False without credentials: the bulk pipeline then runs per SIRET, as without batching.</summary>
    bool IsConfigured { get; }

    /// <summary>SIRETs per call.</summary>
    int BatchSize { get; }

    /// <summary>One or more calls (a batch the registry refuses as too long is split). SIRETs absent from
    /// <see cref="BatchAnswer.Found"/> were not in the answer: they take the per-SIRET path.</summary>
    Task<BatchAnswer> FetchManyAsync(IReadOnlyList<Siret> sirets, CancellationToken cancellationToken);
}
