using EsusCheck.Functions.Http;
using EsusCheck.Chat.Teams;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Chat;

/// <summary><c>POST /api/v1/teams</c>: the Teams outgoing webhook. Anonymous at the Functions level because Teams cannot
/// send a function key; the HMAC signature over the raw body is the authentication.</summary>
public sealed class TeamsWebhookFunction(TeamsWebhookHandler handler)
{
    [Function("TeamsWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/teams")] HttpRequest request, CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes sent: read them as they are, never through a string.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return ApiActionResult.From(await handler.HandleAsync(body.ToArray(), request.Headers.Authorization.ToString(), cancellationToken));
    }
}
