using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EsusCheck.Chat;
using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace EsusCheck.Functions.Chat;

/// <summary>What the MCP endpoint promises beyond the official SDK's streamable HTTP handler, which answers each request
/// itself: POST only (GET and DELETE get 405, there is no session), <c>application/json</c> or a single event-stream
/// event as the client accepts, the <c>MCP-Protocol-Version</c> header checked, JSON-RPC batches (capped in length and
/// time), envelope and parameter errors with their JSON-RPC codes and French messages, and an unsupported
/// <c>initialize</c> version answered with the latest one. Each request of a message or batch is handed to the SDK as
/// a request of its own; its event-stream answer is unwrapped.</summary>
public sealed class McpGateway(IOptions<ChatOptions> options, IServiceProvider services, ILogger<McpGateway> logger)
{
    public int MaxRequestBytes => options.Value.MaxRequestBytes;

    public const string LatestProtocolVersion = "2025-11-25";

    /// <summary>Versions this server speaks; without the header, the transport says to assume 2025-03-26.</summary>
    public static readonly IReadOnlyList<string> SupportedProtocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

    private const string ProtocolVersionHeader = "MCP-Protocol-Version";

    private static readonly IReadOnlyDictionary<string, string> AllowPost = new Dictionary<string, string> { ["Allow"] = "POST" };

    public async Task<HttpReply> HandleAsync(HttpRequest request, string body, RequestDelegate sdkEndpoint, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
            return new HttpReply(405, HttpReply.Json, Serialize(Error(null, McpErrorCode.InvalidRequest,
                "Ce serveur MCP est sans état : seules les requêtes POST sont acceptées (pas de flux SSE ni de session).")), AllowPost);

        if (!Accepts(request.Headers.Accept.ToString(), out var asEventStream))
            return new HttpReply(406, HttpReply.Json, Serialize(Error(null, McpErrorCode.InvalidRequest,
                "Le client doit accepter application/json (ou text/event-stream).")));

        var version = request.Headers[ProtocolVersionHeader].ToString();
        if (version is { Length: > 0 } && !SupportedProtocolVersions.Contains(version.Trim()))
            return new HttpReply(400, HttpReply.Json, Serialize(Error(null, McpErrorCode.InvalidRequest,
                $"Version du protocole MCP non prise en charge : « {version} ». Versions acceptées : {string.Join(", ", SupportedProtocolVersions)}.")));

        JsonNode? message;
        try
        {
            message = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return new HttpReply(400, HttpReply.Json, Serialize(Error(null, McpErrorCode.ParseError, "Erreur d'analyse : le corps n'est pas un JSON valide.")));
        }

        var sdk = new SdkCall(request, sdkEndpoint, services, version.Trim());
        JsonNode? answer;
        var status = 200;
        if (message is JsonArray batch)
        {
            if (batch.Count == 0)
                return new HttpReply(400, HttpReply.Json, Serialize(Error(null, McpErrorCode.InvalidRequest, "Requête invalide : lot vide.")));
            if (batch.Count > options.Value.McpMaxBatch)
                return new HttpReply(413, HttpReply.Json, Serialize(Error(null, McpErrorCode.InvalidRequest,
                    $"Lot trop volumineux : {batch.Count} messages, envoyez au plus {options.Value.McpMaxBatch} messages par requête.")));
            answer = await HandleBatchAsync(batch, sdk, cancellationToken);
        }
        else
        {
            answer = await HandleMessageAsync(message, sdk, cancellationToken);
            if (answer?["error"]?["code"]?.GetValue<int>() is (int)McpErrorCode.InvalidRequest) status = 400;
        }

        if (answer is null) return new HttpReply(202);
        var json = Serialize(answer);
        return asEventStream
            ? new HttpReply(status, "text/event-stream", $"event: message\ndata: {json}\n\n", new Dictionary<string, string> { ["Cache-Control"] = "no-cache" })
            : new HttpReply(status, HttpReply.Json, json);
    }

    /// <summary>The messages in order, within <see cref="ChatOptions.McpBatchTimeout"/> in all: those not answered by
    /// then get an error rather than keeping the request (and the registries) busy.</summary>
    private async Task<JsonNode?> HandleBatchAsync(JsonArray batch, SdkCall sdk, CancellationToken cancellationToken)
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
                one = await HandleMessageAsync(item, sdk, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                one = ValidId(item as JsonObject) is { } id
                    ? Error(id, McpErrorCode.InternalError,
                        $"Délai du lot dépassé ({options.Value.McpBatchTimeout.TotalSeconds:0} s) : ce message n'a pas été traité, renvoyez-le seul.")
                    : null;
            }
            if (one is not null) answers.Add(one);
        }
        return answers.Count == 0 ? null : answers;
    }

    /// <returns>The response to send, or null for a notification or a client's response.</returns>
    private async Task<JsonNode?> HandleMessageAsync(JsonNode? message, SdkCall sdk, CancellationToken cancellationToken)
    {
        if (message is not JsonObject body || body["jsonrpc"]?.GetValueKind() != JsonValueKind.String || body["jsonrpc"]!.GetValue<string>() != "2.0")
            return Error(ValidId(message as JsonObject), McpErrorCode.InvalidRequest, "Requête invalide : « jsonrpc » doit valoir « 2.0 ».");

        if (!body.ContainsKey("method"))
            return body.ContainsKey("result") || body.ContainsKey("error")
                ? null
                : Error(ValidId(body), McpErrorCode.InvalidRequest, "Requête invalide : « method » est absent.");
        if (body["method"]?.GetValueKind() != JsonValueKind.String)
            return Error(ValidId(body), McpErrorCode.InvalidRequest, "Requête invalide : « method » doit être une chaîne.");
        var method = body["method"]!.GetValue<string>();

        if (!body.ContainsKey("id")) return null; // A notification (notifications/initialized, notifications/cancelled…): nothing to answer.
        var id = body["id"];
        if (id is null || id.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            return Error(null, McpErrorCode.InvalidRequest, "Requête invalide : « id » doit être une chaîne ou un nombre.");

        if (body["params"] is { } parameters and not JsonObject)
            return Error(id, McpErrorCode.InvalidParams, "Paramètres invalides : « params » doit être un objet.");
        if (InvalidParams(method, body["params"] as JsonObject) is { } problem)
            return Error(id, McpErrorCode.InvalidParams, problem);
        if (method == "initialize" && !SupportedProtocolVersions.Contains(body["params"]!["protocolVersion"]!.GetValue<string>()))
        {
            body = (JsonObject)body.DeepClone();
            body["params"]!["protocolVersion"] = LatestProtocolVersion; // The server offers the version it speaks.
        }

        JsonNode? answer;
        try
        {
            answer = await sdk.SendAsync(body, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "MCP method {Method} failed", method);
            return Error(id, McpErrorCode.InternalError, "Erreur interne du serveur EsusCheck.");
        }
        return (McpErrorCode?)answer?["error"]?["code"]?.GetValue<int>() switch
        {
            null => answer,
            McpErrorCode.MethodNotFound => Error(id, McpErrorCode.MethodNotFound, $"Méthode inconnue : « {method} »."),
            McpErrorCode.InternalError => Error(id, McpErrorCode.InternalError, "Erreur interne du serveur EsusCheck."),
            _ => answer,
        };
    }

    /// <summary>What the SDK would not answer as invalid params (it fails on them, or answers an internal error).</summary>
    private static string? InvalidParams(string method, JsonObject? parameters) => method switch
    {
        "initialize" when parameters?["protocolVersion"] is not JsonValue requested || requested.GetValueKind() != JsonValueKind.String =>
            "Paramètres invalides : « protocolVersion » est obligatoire.",
        "tools/call" when parameters?["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String =>
            "Paramètres invalides : « name » (le nom de l'outil) est obligatoire.",
        "tools/call" when parameters["arguments"] is not (null or JsonObject) =>
            "Paramètres invalides : « arguments » doit être un objet.",
        _ => null,
    };

    /// <summary>One JSON-RPC request handed to the SDK's handler as a POST of its own, accepting both media types as
    /// the transport requires, over the application's services (a stateless SDK server resolves the tools from the
    /// request's); the SDK answers with one event, whose data is the JSON-RPC response.</summary>
    private sealed class SdkCall(HttpRequest request, RequestDelegate endpoint, IServiceProvider services, string protocolVersion)
    {
        public async Task<JsonNode?> SendAsync(JsonObject message, CancellationToken cancellationToken)
        {
            var context = new DefaultHttpContext { RequestServices = services, User = request.HttpContext.User, RequestAborted = cancellationToken };
            context.Request.Method = HttpMethods.Post;
            context.Request.Scheme = request.Scheme;
            context.Request.Host = request.Host;
            context.Request.Path = request.Path;
            context.Request.ContentType = "application/json";
            context.Request.Headers.Accept = "application/json, text/event-stream";
            if (protocolVersion.Length > 0) context.Request.Headers[ProtocolVersionHeader] = protocolVersion;
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(message.ToJsonString()));
            using var output = new MemoryStream();
            context.Response.Body = output;

            await endpoint(context);

            var text = Encoding.UTF8.GetString(output.ToArray());
            if (text.Length == 0) return null;
            if (context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
                text = text.Split('\n').Last(line => line.StartsWith("data:", StringComparison.Ordinal))["data:".Length..];
            return JsonNode.Parse(text);
        }
    }

    private static JsonObject Error(JsonNode? id, McpErrorCode code, string message) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id?.DeepClone(),
        ["error"] = new JsonObject { ["code"] = (int)code, ["message"] = message },
    };

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
