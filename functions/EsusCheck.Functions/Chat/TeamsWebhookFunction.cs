using EsusCheck.Functions.Http;
using EsusCheck.Chat.Http;
using EsusCheck.Chat.Teams;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Chat;

/// <summary><c>POST /api/v1/teams</c>: the Teams outgoing webhook. Anonymous at the Functions level because Teams cannot
/// send a function key; the HMAC signature over the raw body is the authentication.</summary>
public sealed class TeamsWebhookFunction(TeamsWebhookHandler handler, ILogger<TeamsWebhookFunction> logger)
{
    [Function(ApiOperations.TeamsWebhook)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Teams)] HttpRequest request, CancellationToken cancellationToken) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.TeamsWebhook, async _ =>
            // Anonymous: the size is checked before anything is buffered. The signature covers the exact bytes sent: read
            // them as they are, never through a string.
            (await BoundedBody.ReadAsync(request, handler.MaxRequestBytes, cancellationToken) is { } body
                ? await handler.HandleAsync(body, request.Headers.Authorization.ToString(), cancellationToken)
                : HttpReply.TooLarge(handler.MaxRequestBytes)).ToApiResponse());
}
