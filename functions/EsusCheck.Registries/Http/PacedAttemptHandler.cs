using Polly.Timeout;

namespace EsusCheck.Registries.Http;

/// <summary>The innermost handler of every registry client, below retries and the circuit breaker, so that each
/// attempt (retries included) waits for the registry's <see cref="IRequestLimiter"/>. The wait for the turn is bounded
/// by <paramref name="maxQueueWait"/> and ends in a <see cref="RegistryBusyException"/>, never in a timeout; the attempt
/// timeout starts once the turn has come, and the answer is read up to <paramref name="maxResponseBytes"/>.</summary>
public sealed class PacedAttemptHandler(
    IRequestLimiter limiter, TimeSpan attemptTimeout, TimeSpan maxQueueWait, long maxResponseBytes, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await TurnAsync(cancellationToken);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(attemptTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token);
            // Read the body within the attempt, so that a stalled body is a timed-out attempt that may be retried.
            await BoundedBody.BufferAsync(response, maxResponseBytes, attempt.Token);
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

    /// <summary>The call's own budget (the total timeout) running out while queued is busy too: the registry was never
    /// asked, so it did not time out.</summary>
    private async Task<IDisposable> TurnAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(maxQueueWait, clock);
        using var queue = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await limiter.AcquireAsync(queue.Token);
        }
        catch (OperationCanceledException) when (queue.IsCancellationRequested)
        {
            throw new RegistryBusyException(maxQueueWait == Timeout.InfiniteTimeSpan ? null : maxQueueWait);
        }
    }
}

/// <summary>An attempt that waited too long for its turn behind the registry's limiter: the registry was not asked.</summary>
public sealed class RegistryBusyException(TimeSpan? waited)
    : Exception("The registry's request budget is spent for now: the attempt waited too long for its turn.")
{
    public TimeSpan? Waited { get; } = waited;
}

/// <summary>A registry answer larger than the configured cap.</summary>
public sealed class RegistryResponseTooLargeException(long maxBytes)
    : Exception($"The registry answered more than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
