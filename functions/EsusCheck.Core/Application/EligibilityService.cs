using EsusCheck.Core.Engine;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Core.Application;

/// <summary>The one application service behind HTTP, bulk files, chat and CLI: parse, gather facts, run the engine,
/// record the audit row.</summary>
public sealed class EligibilityService(
    FactsGatherer gatherer,
    IHeadOfficeResolver headOffices,
    ICheckAuditLog audit,
    TimeProvider clock,
    ILogger<EligibilityService> logger)
{
    public async Task<CheckOutcome> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        var parsed = IdentifierParser.ParseSirenOrSiret(request.Identifier);
        if (parsed.Value is not { } identifier || (parsed.Error is not null && !parsed.HasOnlyChecksumError))
            return Invalid(parsed.Error!);

        PurchaseContext context = PurchaseContext.None;
        if (!string.IsNullOrWhiteSpace(request.Cpv))
        {
            if (!CpvCode.TryParse(request.Cpv, out var cpv, out var cpvError)) return Invalid(cpvError!);
            context = new PurchaseContext(cpv);
        }

        Siret siret;
        if (identifier.Siret is { } typed) siret = typed;
        else
        {
            if (parsed.HasOnlyChecksumError) return Invalid(parsed.Error!);
            try
            {
                var headOffice = await headOffices.FindHeadOfficeAsync(identifier.Siren, cancellationToken);
                if (headOffice is null) return Unknown(CheckFailure.Codes.UnknownSiren, $"Aucune entreprise ne porte le SIREN {identifier.Siren.Formatted}.");
                siret = headOffice.Value;
            }
            catch (RegistryUnavailableException ex)
            {
                return Unavailable(ex.RetryAfter);
            }
        }

        return await CheckAsync(siret, context, request.Refresh, request.ClientId, parsed.Error, cancellationToken, request.PreferStored);
    }

    /// <summary>The typed entry point, for callers that parsed already (bulk files deduplicate by SIRET first).</summary>
    public async Task<CheckOutcome> CheckAsync(
        Siret siret, PurchaseContext context, bool refresh = false, string? clientId = null,
        IdentifierError? keyError = null, CancellationToken cancellationToken = default, bool preferStored = false)
    {
        // Every log line of this check, registries and cache included, carries the hashed SIRET (LogScopes).
        using var scope = logger.BeginSiretScope(siret.Value);
        using var activity = LogScopes.StartSiretActivity("esuscheck.check", siret.Value);
        var facts = await gatherer.GatherAsync(siret, refresh, cancellationToken, preferStored);
        var identity = facts.IdentitySource;
        if (identity is null || identity.Outcome == SourceOutcome.Unavailable || identity.Outcome == SourceOutcome.NotConfigured)
            return facts.Sources.Any(s => s.Busy)
                ? Busy(facts.Sources.Select(s => s.RetryAfter).Max())
                : Unavailable(facts.Sources.Select(s => s.RetryAfter).Max());
        if (identity.Outcome == SourceOutcome.NotFound)
            return siret.HasValidKey
                ? Unknown(CheckFailure.Codes.UnknownSiret, $"Aucun établissement ne porte le SIRET {siret.Formatted} dans les registres publics.")
                : Invalid(keyError ?? IdentifierParser.ParseSiret(siret.Value).Error!);

        var report = EligibilityEngine.Evaluate(facts, context, clock.GetUtcNow());
        try
        {
            await audit.RecordAsync(AuditEntry.From(report, clientId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The buyer still gets the answer; the operator sees the gap in the history.
            logger.LogError(ex, "Audit row could not be written for SIRET {SiretHash}", LogPrivacy.Hash(siret.Value));
        }
        return CheckOutcome.Of(report);
    }

    private static CheckOutcome Invalid(IdentifierError error) =>
        CheckOutcome.Failed(new(CheckFailureKind.InvalidInput, error.Code, "Saisie invalide", error.Message));

    private static CheckOutcome Unknown(string code, string detail) =>
        CheckOutcome.Failed(new(CheckFailureKind.Unknown, code, "Entreprise inconnue", detail));

    private static CheckOutcome Unavailable(TimeSpan? retryAfter) =>
        CheckOutcome.Failed(new(CheckFailureKind.RegistriesUnavailable, CheckFailure.Codes.RegistriesUnavailable,
            "Registres indisponibles",
            "Les registres publics ne répondent pas pour le moment et aucune donnée n'est en cache pour ce numéro. Réessayez plus tard.",
            retryAfter ?? TimeSpan.FromSeconds(30)));

    private static CheckOutcome Busy(TimeSpan? retryAfter) =>
        CheckOutcome.Failed(new(CheckFailureKind.RegistriesUnavailable, CheckFailure.Codes.RegistriesBusy,
            "Registres très sollicités",
            "Trop de vérifications sont en attente auprès des registres publics : celle-ci n'a pas pu être envoyée à temps et aucune donnée n'est en cache pour ce numéro. Réessayez dans quelques instants.",
            retryAfter ?? TimeSpan.FromSeconds(30)));
}
