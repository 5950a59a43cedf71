using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>The audit rows of one establishment, newest first.</summary>
public sealed record HistoryResponse(string Siret, int Count, IReadOnlyList<AuditEntry> Entries);

/// <summary><c>GET /v1/eligibility/{siret}/history?max=</c>. History is kept per establishment: a SIREN is refused with
/// the parser's explanation rather than guessed. Every caller sees every check of the establishment, but only their
/// own client id: the others' (another buyer's connector, a bulk job id) are blanked.</summary>
public sealed class HistoryEndpoint(ICheckAuditLog audit, IOptions<HttpApiOptions> options)
{
    public const int MaxRows = 500;

    public async Task<ApiResponse> ListAsync(string? identifier, string? max, string? caller, string instance, CancellationToken cancellationToken)
    {
        var parsed = IdentifierParser.ParseSiret(identifier);
        // A SIRET whose key fails may still have been checked (a registry knew it), so its history is served.
        if (parsed.Value is not { } siret || (parsed.Error is not null && !parsed.HasOnlyChecksumError))
            return ApiResponse.Problem(ApiProblems.InvalidInput(parsed.Error!), instance);
        if (!QueryParameters.TryParseInt("max", max, Math.Clamp(options.Value.HistoryDefaultMax, 1, MaxRows), 1, MaxRows, out var count, out var problem))
            return ApiResponse.Problem(problem, instance);

        var entries = (await audit.ListAsync(siret, count, cancellationToken))
            .OrderByDescending(e => e.CheckedAt).Take(count)
            .Select(e => caller is not null && e.ClientId == caller ? e : e with { ClientId = null })
            .ToList();
        return ApiResponse.Ok(new HistoryResponse(siret.Value, entries.Count, entries));
    }
}
