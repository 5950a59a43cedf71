using System.Text;
using EsusCheck.Functions.Http;
using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Chat;

/// <summary><c>POST /api/v1/chat</c>: one French message in, the reply, reports, Adaptive Card and follow-ups out.</summary>
public sealed class ChatFunction(ChatHttpHandler handler)
{
    public const string ClientId = "chat";

    [Function("Chat")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Chat)] HttpRequest request, CancellationToken cancellationToken) =>
        ApiActionResult.From(await BoundedBody.ReadAsync(request, handler.MaxRequestBytes, cancellationToken) is { } body
            ? await handler.HandleAsync(Encoding.UTF8.GetString(body), ClientId, cancellationToken)
            : HttpReply.TooLarge(handler.MaxRequestBytes));
}
