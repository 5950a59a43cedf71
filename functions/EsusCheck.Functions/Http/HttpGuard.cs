using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Http;

/// <summary>The one place an unexpected exception becomes the generic French 500 problem: the caller never sees a
/// stack trace, the operator finds it in the logs. A cancelled request stays cancelled.</summary>
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
            logger.LogError(ex, "Unhandled error in {Operation}", operation);
            return ApiResponse.Problem(ApiProblems.InternalError, Instance(request));
        }
    }

    /// <summary>The problem's <c>instance</c>: the path only, since the query may carry the function key (<c>code</c>).
    /// Logs name the operation instead, so that no SIRET reaches them.</summary>
    public static string Instance(HttpRequest request) => request.Path.HasValue ? request.Path.Value! : "";
}
