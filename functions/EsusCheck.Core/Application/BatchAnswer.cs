using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>The establishments a batch call returned, and, when a call failed, why (the SIRETs it carried are then
/// simply absent from <see cref="Found"/>).</summary>
public sealed record BatchAnswer(IReadOnlyDictionary<Siret, SourceFacts> Found, int Calls, SourceFacts? Failure = null);
