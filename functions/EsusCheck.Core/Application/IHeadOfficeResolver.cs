using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>Resolves a SIREN to its head-office SIRET (a SIREN typed by a person means its head office).</summary>
public interface IHeadOfficeResolver
{
    /// <returns>The head office SIRET, null when the registry does not know the SIREN; throws
    /// <see cref="RegistryUnavailableException"/> when no registry answered.</returns>
    Task<Siret?> FindHeadOfficeAsync(Siren siren, CancellationToken cancellationToken);
}
