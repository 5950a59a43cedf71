using System.Text.Json;
using System.Text.Json.Nodes;
using EsusCheck.Chat.Http;
using EsusCheck.Core.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Chat.Mcp;

/// <summary>A stateless MCP server over the streamable HTTP transport: each POST carries one JSON-RPC message (or a
/// batch, as 2025-03-26 allowed) and gets a JSON answer; notifications and responses get 202; there is no session and
/// no server-initiated stream, so GET and DELETE get 405.</summary>
public sealed class McpHandler(McpTools tools, IOptions<ChatOptions> options, ILogger<McpHandler> logger)
{
    public int MaxRequestBytes => options.Value.MaxRequestBytes;

    public const string LatestProtocolVersion = "2025-11-25";

    /// <summary>Versions this server speaks; without the header, the transport says to assume 2025-03-26.</summary>
    public static readonly IReadOnlyList<string> SupportedProtocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

    private static readonly IReadOnlyDictionary<string, string> AllowPost = new Dictionary<string, string> { ["Allow"] = "POST" };

    public async Task<HttpReply> HandleAsync(McpHttpRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
            return new HttpReply(405, HttpReply.Json, Serialize(JsonRpc.Error(null, JsonRpc.InvalidRequest,
                "Ce serveur MCP est sans état : seules les requêtes POST sont acceptées (pas de flux SSE ni de session).")), AllowPost);

        if (!Accepts(request.Accept, out var asEventStream))
            return new HttpReply(406, HttpReply.Json, Serialize(JsonRpc.Error(null, JsonRpc.InvalidRequest,
                "Le client doit accepter application/json (ou text/event-stream).")));

        if (request.ProtocolVersion is { Length: > 0 } version && !SupportedProtocolVersions.Contains(version.Trim()))
            return new HttpReply(400, HttpReply.Json, Serialize(JsonRpc.Error(null, JsonRpc.InvalidRequest,
                $"Version du protocole MCP non prise en charge : « {version} ». Versions acceptées : {string.Join(", ", SupportedProtocolVersions)}.")));

        JsonNode? message;
        try
        {
            message = JsonNode.Parse(request.Body ?? "");
        }
        catch (JsonException)
        {
            return new HttpReply(400, HttpReply.Json, Serialize(JsonRpc.Error(null, JsonRpc.ParseError, "Erreur d'analyse : le corps n'est pas un JSON valide.")));
        }

        JsonNode? answer;
        var status = 200;
        if (message is JsonArray batch)
        {
            if (batch.Count == 0)
                return new HttpReply(400, HttpReply.Json, Serialize(JsonRpc.Error(null, JsonRpc.InvalidRequest, "Requête invalide : lot vide.")));
            if (batch.Count > options.Value.McpMaxBatch)
                return new HttpReply(413, HttpReply.Json, Serialize(JsonRpc.Error(null, JsonRpc.InvalidRequest,
                    $"Lot trop volumineux : {batch.Count} messages, envoyez au plus {options.Value.McpMaxBatch} messages par requête.")));
            answer = await HandleBatchAsync(batch, cancellationToken);
        }
        else
        {
            answer = await HandleMessageAsync(message, cancellationToken);
            if (answer?["error"]?["code"]?.GetValue<int>() is JsonRpc.InvalidRequest) status = 400;
        }

        if (answer is null) return new HttpReply(202);
        var json = Serialize(answer);
        return asEventStream
            ? new HttpReply(status, "text/event-stream", $"event: message\ndata: {json}\n\n", new Dictionary<string, string> { ["Cache-Control"] = "no-cache" })
            : new HttpReply(status, HttpReply.Json, json);
    }

    /// <summary>The messages in order, within <see cref="ChatOptions.McpBatchTimeout"/> in all: those not answered by
    /// then get an error rather than keeping the request (and the registries) busy.</summary>
    private async Task<JsonNode?> HandleBatchAsync(JsonArray batch, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Value.McpBatchTimeout > TimeSpan.Zero) deadline.CancelAfter(options.Value.McpBatchTimeout);
        else deadline.Cancel();
        var answers = new JsonArray();
        foreach (var item in batch)
        {
            JsonNode? one;
            try
            {
                deadline.Token.ThrowIfCancellationRequested();
                one = await HandleMessageAsync(item, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                one = ValidId(item as JsonObject) is { } id
                    ? JsonRpc.Error(id, JsonRpc.InternalError,
                        $"Délai du lot dépassé ({options.Value.McpBatchTimeout.TotalSeconds:0} s) : ce message n'a pas été traité, renvoyez-le seul.")
                    : null;
            }
            if (one is not null) answers.Add(one);
        }
        return answers.Count == 0 ? null : answers;
    }

    /// <returns>The response to send, or null for a notification or a client's response.</returns>
    private async Task<JsonNode?> HandleMessageAsync(JsonNode? message, CancellationToken cancellationToken)
    {
        if (message is not JsonObject body || body["jsonrpc"]?.GetValueKind() != JsonValueKind.String || body["jsonrpc"]!.GetValue<string>() != "2.0")
            return JsonRpc.Error(ValidId(message as JsonObject), JsonRpc.InvalidRequest, "Requête invalide : « jsonrpc » doit valoir « 2.0 ».");

        var hasId = body.ContainsKey("id");
        if (!body.ContainsKey("method"))
            return body.ContainsKey("result") || body.ContainsKey("error")
                ? null
                : JsonRpc.Error(ValidId(body), JsonRpc.InvalidRequest, "Requête invalide : « method » est absent.");
        if (body["method"]?.GetValueKind() != JsonValueKind.String)
            return JsonRpc.Error(ValidId(body), JsonRpc.InvalidRequest, "Requête invalide : « method » doit être une chaîne.");
        var method = body["method"]!.GetValue<string>();

        if (!hasId) return null; // A notification (notifications/initialized, notifications/cancelled…): nothing to answer.
        var id = body["id"];
        if (id is null || id.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            return JsonRpc.Error(null, JsonRpc.InvalidRequest, "Requête invalide : « id » doit être une chaîne ou un nombre.");

        var parameters = body["params"];
        if (parameters is not null and not JsonObject)
            return JsonRpc.Error(id, JsonRpc.InvalidParams, "Paramètres invalides : « params » doit être un objet.");

        try
        {
            return JsonRpc.Result(id, method switch
            {
                "initialize" => Initialize(parameters as JsonObject),
                "ping" => new JsonObject(),
                "tools/list" => new JsonObject { ["tools"] = tools.Definitions() },
                "tools/call" => await tools.CallAsync(parameters as JsonObject, cancellationToken),
                _ => throw new JsonRpcException(JsonRpc.MethodNotFound, $"Méthode inconnue : « {method} »."),
            });
        }
        catch (JsonRpcException ex)
        {
            return JsonRpc.Error(id, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "MCP method {Method} failed", method);
            return JsonRpc.Error(id, JsonRpc.InternalError, "Erreur interne du serveur EsusCheck.");
        }
    }

    private static JsonObject Initialize(JsonObject? parameters)
    {
        if (parameters?["protocolVersion"] is not JsonValue requested || requested.GetValueKind() != JsonValueKind.String)
            throw new JsonRpcException(JsonRpc.InvalidParams, "Paramètres invalides : « protocolVersion » est obligatoire.");
        var version = requested.GetValue<string>();
        return new JsonObject
        {
            ["protocolVersion"] = SupportedProtocolVersions.Contains(version) ? version : LatestProtocolVersion,
            ["capabilities"] = new JsonObject { ["tools"] = new JsonObject { ["listChanged"] = false } },
            ["serverInfo"] = new JsonObject
            {
                ["name"] = "esuscheck",
                ["title"] = "EsusCheck",
                ["version"] = RulesVersion.Current,
            },
            ["instructions"] = McpTools.Instructions,
        };
    }

    private static bool Accepts(string? accept, out bool asEventStream)
    {
        asEventStream = false;
        if (string.IsNullOrWhiteSpace(accept)) return true;
        var types = accept.Split(',').Select(t => t.Split(';')[0].Trim().ToLowerInvariant()).ToList();
        if (types.Any(t => t is "application/json" or "application/*" or "*/*")) return true;
        asEventStream = types.Contains("text/event-stream");
        return asEventStream;
    }

    private static JsonNode? ValidId(JsonObject? body) =>
        body?["id"] is { } id && id.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? id : null;

    private static string Serialize(JsonNode node) => node.ToJsonString(Core.Reports.ReportJson.Options);
}
