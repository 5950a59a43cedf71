using Polly.Timeout;

namespace EsusCheck.Registries.Http;

/// <summary>The innermost handler of every registry client, below retries and the circuit breaker, so that each
/// attempt (retries included) waits for the registry's <see cref="IRequestLimiter"/>. The attempt timeout starts once the turn
/// has come: time spent queueing behind the pace is not an upstream timeout and never trips the breaker.</summary>
public sealed class PacedAttemptHandler(IRequestLimiter limiter, TimeSpan attemptTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(cancellationToken);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(attemptTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token);
            // Read the body within the attempt, so that a stalled body is a timed-out attempt that may be retried.
            await response.Content.LoadIntoBufferAsync(attempt.Token);
            return response;
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutRejectedException("The registry did not answer within the attempt timeout.", attemptTimeout);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
