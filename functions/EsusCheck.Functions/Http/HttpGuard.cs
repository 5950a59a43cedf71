using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Http;

/// <summary>What every HTTP function goes through: an unexpected exception becomes the generic French 500 problem (the
/// caller never sees a stack trace, the operator finds it in the logs; a cancelled request stays cancelled), and an
/// operation that spends registry calls takes them from the caller's per-minute budget first. A test reads each HTTP
/// function's code and fails when one answers without passing through here.</summary>
public static class HttpGuard
{
    public static async Task<ApiActionResult> RunAsync(
        HttpRequest request, ILogger logger, string operation, Func<CancellationToken, Task<ApiResponse>> handle)
    {
        try
        {
            return await handle(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Failed(request, logger, operation, ex);
        }
    }

    /// <summary>The same, for an answer computed without waiting (the page, the OpenAPI document, health).</summary>
    public static ApiActionResult Run(HttpRequest request, ILogger logger, string operation, Func<ApiResponse> handle)
    {
        try
        {
            return handle();
        }
        catch (Exception ex)
        {
            return Failed(request, logger, operation, ex);
        }
    }

    /// <summary>Takes <paramref name="checks"/> from the caller's budget before anything is read or checked: the 429
    /// problem when the budget is spent, else the guarded answer.</summary>
    public static Task<ApiActionResult> RunLimitedAsync(
        HttpRequest request, ILogger logger, string operation, ClientRateLimiter limits, int checks,
        Func<CancellationToken, Task<ApiResponse>> handle) =>
        RunAsync(request, logger, operation, cancellationToken => limits.TryAcquire(request, checks) is { } limited
            ? Task.FromResult(ApiResponse.Problem(limited, Instance(request)))
            : handle(cancellationToken));

    /// <summary>The problem's <c>instance</c>: the path only, since the query may carry the function key (<c>code</c>).
    /// Logs name the operation instead, so that no SIRET reaches them.</summary>
    public static string Instance(HttpRequest request) => request.Path.HasValue ? request.Path.Value! : "";

    private static ApiActionResult Failed(HttpRequest request, ILogger logger, string operation, Exception ex)
    {
        logger.LogError(ex, "Unhandled error in {Operation}", operation);
        return ApiResponse.Problem(ApiProblems.InternalError, Instance(request));
    }
}
