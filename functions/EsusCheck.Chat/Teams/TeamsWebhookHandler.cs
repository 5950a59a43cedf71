using System.Globalization;
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
/// bot mention, takes one message from the channel's per-minute budget, answers synchronously with a message activity
/// carrying the reply text and its Adaptive Card.</summary>
public sealed partial class TeamsWebhookHandler(
    ChatService chat, IClientBudget budget, IOptions<ChatOptions> options, TimeProvider clock, ILogger<TeamsWebhookHandler> logger)
{
    public const string ClientId = "teams";

    /// <summary>The budget channel: Teams clients never share a bucket with HTTP API clients.</summary>
    public const string BudgetChannel = "teams";

    private static readonly IReadOnlyDictionary<string, string> Challenge = new Dictionary<string, string> { ["WWW-Authenticate"] = TeamsSignature.Scheme };

    public int MaxRequestBytes => options.Value.MaxRequestBytes;

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
        if (activity is not JsonObject message
            || !TryString(message, "text", required: false, out var rawText)
            || message["conversation"] is not (null or JsonObject)
            || !TryString(message["conversation"] as JsonObject, "id", required: false, out var conversation)
            || !TryString(message, "timestamp", required: true, out var timestampText)
            || !DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            return HttpReply.Problem(400, "activity_invalid", "Requête invalide",
                "Le corps de la requête n'est pas une activité Teams valide (JSON avec « text », « timestamp » et « conversation.id »).");

        // A signed activity stays valid forever: only a recent one is answered, so a captured request cannot be replayed.
        if ((clock.GetUtcNow() - timestamp).Duration() > options.Value.TeamsReplayWindow)
            return HttpReply.Problem(401, "teams_activity_expired", "Activité expirée",
                "L'horodatage de l'activité Teams est trop éloigné de l'heure du serveur : la requête n'est pas acceptée (rejeu ?).", Challenge);

        // Only now, the request authenticated and fresh: an unsigned or replayed request must not spend a channel's budget.
        if (budget.TryTake(BudgetChannel, BudgetKey(message, conversation), 1) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            logger.LogWarning("Teams message refused: its channel asked more than {PerMinute} per minute; retry in {Seconds} s", budget.PerMinute, seconds);
            return Message($"Trop de questions en peu de temps : réessayez dans {seconds} seconde{(seconds > 1 ? "s" : "")}. " +
                           $"La limite ({budget.PerMinute} questions par minute et par canal) préserve le quota des registres publics, partagé par tous les acheteurs.");
        }

        var text = CleanText(rawText ?? "");
        if (text.Length > options.Value.MaxMessageLength)
            return Message($"Votre message compte {text.Length} caractères ; la limite est de {options.Value.MaxMessageLength}. " +
                           "Raccourcissez-le (un numéro SIRET et une question suffisent).");
        var conversationId = conversation is { Length: > 0 } ? "teams:" + conversation : null;
        var answer = await chat.AnswerAsync(text.Length == 0 ? "aide" : text, conversationId, ClientId, cancellationToken);
        return Message(answer.Reply, answer.Card);
    }

    /// <summary>Whose budget a message spends: its channel (the conversation id without the thread's « ;messageid=… », so
    /// that opening threads gives no fresh budget), else its tenant, else one bucket shared by all of Teams.</summary>
    private static string BudgetKey(JsonObject activity, string? conversation)
    {
        if (conversation is { Length: > 0 })
            return "conversation:" + (conversation.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase) is var thread and >= 0
                ? conversation[..thread]
                : conversation);
        var tenant = (activity["conversation"] as JsonObject)?["tenantId"] ?? ((activity["channelData"] as JsonObject)?["tenant"] as JsonObject)?["id"];
        return tenant is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? "tenant:" + id : "shared";
    }

    /// <summary>A property that is a string, or absent when not required; anything else makes the activity malformed.</summary>
    private static bool TryString(JsonObject? node, string name, bool required, out string? value)
    {
        value = null;
        if (node is null || node[name] is null) return !required;
        if (node[name] is not JsonValue json || !json.TryGetValue(out value)) return false;
        return true;
    }

    private static HttpReply Message(string text, JsonNode? card = null)
    {
        var reply = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "markdown",
        };
        if (card is not null)
            reply["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardRenderer.ContentType,
                ["content"] = card.DeepClone(),
            });
        return HttpReply.OkJson(reply);
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
