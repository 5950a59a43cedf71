using System.Text.Json;
using EsusCheck.Core.Reports;
using Microsoft.Extensions.Options;

namespace EsusCheck.Chat.Http;

/// <summary><c>POST /api/v1/chat</c>: validates the JSON body and answers with <see cref="ChatAnswer"/>.</summary>
public sealed class ChatHttpHandler(ChatService chat, IOptions<ChatOptions> options)
{
    public int MaxRequestBytes => options.Value.MaxRequestBytes;

    public async Task<HttpReply> HandleAsync(string body, string? clientId, CancellationToken cancellationToken)
    {
        ChatRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ChatRequest>(body, ReportJson.Options);
        }
        catch (JsonException)
        {
            return HttpReply.Problem(400, "body_invalid_json", "Requête invalide",
                "Le corps de la requête n'est pas un JSON valide. Attendu : { \"message\": \"…\", \"conversationId\": \"…\" }.");
        }
        if (request?.Message is not { } message || string.IsNullOrWhiteSpace(message))
            return HttpReply.Problem(400, "message_required", "Requête invalide", "Le champ « message » est obligatoire et ne doit pas être vide.");
        if (message.Length > options.Value.MaxMessageLength)
            return HttpReply.Problem(400, "message_too_long", "Requête invalide",
                $"Le message compte {message.Length} caractères ; la limite est de {options.Value.MaxMessageLength}.");
        if (request.ConversationId is { Length: > 200 })
            return HttpReply.Problem(400, "conversation_id_too_long", "Requête invalide", "L'identifiant de conversation dépasse 200 caractères.");

        var answer = await chat.AnswerAsync(message, request.ConversationId, clientId, cancellationToken);
        return HttpReply.OkJson(answer);
    }
}
