using System.Net;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;
using Refit;

namespace EsusCheck.Registries.Http;

/// <summary>A registry's answer to one call: a body, or a failure (with the HTTP status when there was one).</summary>
internal sealed record RegistryAnswer<T>(T? Content, RegistryFailure? Failure, HttpStatusCode? Status = null);

/// <summary>The one way a source calls its registry: every upstream failure (timeout, network, 429 past retries, 5xx,
/// 401, open circuit, unreadable body) becomes a <see cref="RegistryFailure"/>; only the caller's own cancellation
/// propagates. Logs carry the source, a hash of the number asked and a reason, never a secret.</summary>
/// <param name="credentialKey">The configuration key of the secret this registry needs, named (never its value) when
/// the registry refuses it.</param>
internal sealed class RegistryCall(string source, TimeProvider clock, ILogger logger, string? credentialKey = null)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<RegistryAnswer<T>> SendAsync<T>(
        string number, Func<CancellationToken, Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        RegistryAnswer<T> answer;
        try
        {
            using var response = await call(cancellationToken);
            answer = Read(response, credentialKey, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && RegistryFailure.FromException(exception) is { } known)
        {
            answer = new(null, known);
        }
        catch (RegistryBusyException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up while queued: its cancellation, not a busy registry.
            throw new OperationCanceledException(cancellationToken);
        }
        if (answer.Failure is { } failure && answer.Status is not HttpStatusCode.NotFound)
            logger.LogWarning("{Source} gave no usable answer for {NumberHash}: {Reason}", source, LogPrivacy.Hash(number), failure.LogReason);
        return answer;
    }

    /// <summary>Asks about one SIRET and maps the answer into facts; a failure becomes an unavailable source.</summary>
    /// <param name="map">Turns a successful body into facts.</param>
    /// <param name="onStatus">Handles the error statuses that mean something for this registry (INSEE 404 = unknown);
    /// returns null for the others, which stay failures.</param>
    public async Task<SourceFacts> FetchAsync<T>(
        Siret siret,
        Func<CancellationToken, Task<IApiResponse<T>>> call,
        Func<T, DateTimeOffset, SourceFacts> map,
        CancellationToken cancellationToken,
        Func<HttpStatusCode, DateTimeOffset, SourceFacts?>? onStatus = null)
        where T : class
    {
        var at = Now;
        var answer = await SendAsync(siret.Value, call, cancellationToken);
        var facts = answer switch
        {
            { Content: { } content } => map(content, at),
            { Status: { } status } when onStatus?.Invoke(status, at) is { } special => special,
            _ => SourceFacts.Unavailable(source, at, answer.Failure!.Detail, answer.Failure.RetryAfter, answer.Failure.Busy),
        };
        logger.LogDebug("{Source} answered {Outcome} for SIRET {SiretHash}", source, facts.Outcome, LogPrivacy.Hash(siret.Value));
        return facts;
    }

    private static RegistryAnswer<T> Read<T>(IApiResponse<T> response, string? credentialKey, CancellationToken cancellationToken)
        where T : class
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new(null, RegistryFailure.FromException(requestError) ?? RegistryFailure.Unreachable(requestError));
        }
        if (!response.IsSuccessStatusCode && response.StatusCode is { } status)
            return new(null, RegistryFailure.FromStatus(status, RetryAfter.Of(response.Headers), credentialKey), status);
        if (response.Error is { } error)
            return new(null, RegistryFailure.FromException(error) ?? RegistryFailure.Malformed(error.GetType().Name));
        return response.Content is { } content ? new(content, null) : new(null, RegistryFailure.Malformed("empty body"));
    }
}
