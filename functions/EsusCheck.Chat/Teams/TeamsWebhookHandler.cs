using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsusCheck.Chat.Cards;
using EsusCheck.Chat.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Chat.Teams;

/// <summary>A Teams outgoing webhook: verifies the HMAC signature over the raw body, reads the Activity, removes the
/// bot mention, answers synchronously with a message activity carrying the reply text and its Adaptive Card.</summary>
public sealed partial class TeamsWebhookHandler(ChatService chat, IOptions<ChatOptions> options, ILogger<TeamsWebhookHandler> logger)
{
    public const string ClientId = "teams";

    private static readonly IReadOnlyDictionary<string, string> Challenge = new Dictionary<string, string> { ["WWW-Authenticate"] = TeamsSignature.Scheme };

    public async Task<HttpReply> HandleAsync(byte[] body, string? authorization, CancellationToken cancellationToken)
    {
        if (TeamsSignature.Key(options.Value.TeamsSecret) is not { } key)
        {
            logger.LogError("Teams webhook called but Chat:TeamsSecret is missing or not base64");
            return HttpReply.Problem(503, "teams_not_configured", "Webhook Teams non configuré",
                "Le secret partagé du webhook Teams n'est pas configuré sur le serveur : contactez l'administrateur d'EsusCheck.");
        }
        if (string.IsNullOrWhiteSpace(authorization))
            return HttpReply.Problem(401, "teams_signature_missing", "Signature absente",
                "La requête ne porte pas d'en-tête Authorization « HMAC … » : seul le webhook sortant Teams configuré peut appeler ce point d'accès.",
                Challenge);
        if (!TeamsSignature.IsValid(authorization, body, key))
            return HttpReply.Problem(401, "teams_signature_invalid", "Signature invalide",
                "La signature HMAC de la requête ne correspond pas au secret partagé configuré.", Challenge);

        JsonNode? activity;
        try
        {
            activity = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is not JsonObject)
            return HttpReply.Problem(400, "activity_invalid", "Requête invalide", "Le corps de la requête n'est pas une activité Teams au format JSON.");

        var text = CleanText(activity["text"]?.GetValue<string>() ?? "");
        var conversationId = activity["conversation"]?["id"]?.GetValue<string>() is { Length: > 0 } conversation ? "teams:" + conversation : null;
        var answer = await chat.AnswerAsync(text.Length == 0 ? "aide" : text, conversationId, ClientId, cancellationToken);

        return HttpReply.OkJson(new JsonObject
        {
            ["type"] = "message",
            ["text"] = answer.Reply,
            ["textFormat"] = "markdown",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardRenderer.ContentType,
                ["content"] = answer.Card.DeepClone(),
            }),
        });
    }

    /// <summary>Removes the mention (« &lt;at&gt;EsusCheck&lt;/at&gt; »), any HTML Teams added, and entities such as &amp;nbsp;.</summary>
    public static string CleanText(string text)
    {
        var withoutMention = Mention().Replace(text, " ");
        var withoutTags = Tag().Replace(withoutMention, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ');
        return Spaces().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
