using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>One public registry, adapted to facts. Implementations never throw for an upstream failure: they return
/// <see cref="SourceFacts"/> with <see cref="SourceOutcome.Unavailable"/> and a detail free of secrets.</summary>
public interface IRegistrySource
{
    string Name { get; }
    SourceRole Role { get; }
    Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken);
}
