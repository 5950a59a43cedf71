using System.Text;
using EsusCheck.Functions.Http;
using EsusCheck.Chat.Http;
using EsusCheck.Chat.Mcp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Chat;

/// <summary><c>/api/v1/mcp</c>: the stateless MCP server (streamable HTTP). GET and DELETE reach the handler so that it
/// answers 405 as the transport expects. Each POST counts one check against the caller's per-minute limit, taken before
/// the body is read (the batch tool's length is capped by the handler).</summary>
public sealed class McpFunction(McpHandler handler, ClientRateLimiter limits)
{
    [Function("Mcp")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", "get", "delete", Route = ApiRoutes.Mcp)] HttpRequest request, CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method) && limits.TryAcquire(request, 1) is { } limited
            ? ApiResponse.Problem(limited, HttpGuard.Instance(request))
            : ApiActionResult.From(await BoundedBody.ReadAsync(request, handler.MaxRequestBytes, cancellationToken) is { } body
                ? await handler.HandleAsync(new McpHttpRequest(
                    request.Method,
                    Encoding.UTF8.GetString(body),
                    request.Headers.Accept.ToString(),
                    request.Headers["MCP-Protocol-Version"].ToString()), cancellationToken)
                : HttpReply.TooLarge(handler.MaxRequestBytes));
}
