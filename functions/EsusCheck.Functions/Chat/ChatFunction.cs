using System.Text;
using EsusCheck.Functions.Http;
using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Chat;

/// <summary><c>POST /api/v1/chat</c>: one French message in, the reply, reports, Adaptive Card and follow-ups out. Each
/// message counts one check against the caller's per-minute limit, taken before the body is read.</summary>
public sealed class ChatFunction(ChatHttpHandler handler, ClientRateLimiter limits, ILogger<ChatFunction> logger)
{
    public const string ClientId = "chat";

    [Function(ApiOperations.Chat)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Chat)] HttpRequest request, CancellationToken cancellationToken) =>
        await HttpGuard.RunLimitedAsync(request, logger, ApiOperations.Chat, limits, 1, async _ =>
            (await BoundedBody.ReadAsync(request, handler.MaxRequestBytes, cancellationToken) is { } body
                ? await handler.HandleAsync(Encoding.UTF8.GetString(body), ClientId, cancellationToken)
                : HttpReply.TooLarge(handler.MaxRequestBytes)).ToApiResponse());
}
