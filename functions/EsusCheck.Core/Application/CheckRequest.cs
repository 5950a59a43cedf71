namespace EsusCheck.Core.Application;

/// <summary>A check as every interface asks it: the identifier as typed (SIRET, or SIREN for the head office), an
/// optional CPV code, whether to bypass the cache, and who asks (for the audit history). <see cref="PreferStored"/>:
/// an identity the cache holds fresh, whichever identity registry gave it, is used without asking (bulk files, whose
/// identities were fetched in batches beforehand).</summary>
public sealed record CheckRequest(string? Identifier, string? Cpv = null, bool Refresh = false, string? ClientId = null, bool PreferStored = false);
