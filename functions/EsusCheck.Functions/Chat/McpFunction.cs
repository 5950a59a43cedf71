using System.Text;
using EsusCheck.Functions.Http;
using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Chat;

/// <summary><c>/api/v1/mcp</c>: the stateless MCP server (streamable HTTP), answered by the official SDK's handler through
/// <see cref="McpGateway"/>. GET and DELETE reach the gateway so that it answers 405 as the transport expects. Each POST
/// counts one check against the caller's per-minute limit, taken before the body is read (the batch length is capped
/// by the gateway).</summary>
public sealed class McpFunction(McpGateway gateway, McpTransport transport, ClientRateLimiter limits, ILogger<McpFunction> logger)
{
    /// <summary>The trigger has no endpoint routing: the SDK's handler comes from <see cref="McpTransport"/>.</summary>
    [Function(ApiOperations.Mcp)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", "get", "delete", Route = ApiRoutes.Mcp)] HttpRequest request, CancellationToken cancellationToken) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.Mcp, _ => AnswerAsync(request, transport.Post, cancellationToken));

    /// <summary>The same, in front of <paramref name="sdkEndpoint"/>: the request delegate of the endpoint <c>MapMcp</c>
    /// mapped in <c>esuscheck serve</c>.</summary>
    public async Task<IActionResult> HandleAsync(HttpRequest request, RequestDelegate sdkEndpoint, CancellationToken cancellationToken) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.Mcp, _ => AnswerAsync(request, sdkEndpoint, cancellationToken));

    private async Task<ApiResponse> AnswerAsync(HttpRequest request, RequestDelegate sdkEndpoint, CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method) && limits.TryAcquire(request, 1) is { } limited
            ? ApiResponse.Problem(limited, HttpGuard.Instance(request))
            : (await BoundedBody.ReadAsync(request, gateway.MaxRequestBytes, cancellationToken) is { } body
                ? await gateway.HandleAsync(request, Encoding.UTF8.GetString(body), sdkEndpoint, cancellationToken)
                : HttpReply.TooLarge(gateway.MaxRequestBytes)).ToApiResponse();
}
