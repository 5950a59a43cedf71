using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace EsusCheck.Chat.Mcp;

/// <summary>The <c>tools/call</c> filter: an unknown tool is refused in French (invalid params), and the arguments are
/// made bindable the way agents send them — a number (a SIRET typed as a number; every argument of our tools is text)
/// becomes its text, and a required argument left out becomes null so that the tool itself says, in French, what is missing.</summary>
public static class McpToolCalls
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
        {
            var name = context.Params?.Name;
            if (name is null || context.Server.ServerOptions.ToolCollection is not { } tools || !tools.TryGetPrimitive(name, out var tool))
                throw new McpProtocolException(
                    $"Outil inconnu : « {name} ». Outils disponibles : {McpTools.CheckSupplier}, {McpTools.ExplainRule}.", McpErrorCode.InvalidParams);

            var arguments = context.Params!.Arguments ??= new Dictionary<string, JsonElement>();
            foreach (var (argument, value) in arguments.Where(a => a.Value.ValueKind == JsonValueKind.Number).ToList())
                arguments[argument] = JsonSerializer.SerializeToElement(value.GetRawText());
            if (tool.ProtocolTool.InputSchema.TryGetProperty("required", out var required))
                foreach (var property in required.EnumerateArray().Select(p => p.GetString()!))
                    arguments.TryAdd(property, Null);
            return next(context, cancellationToken);
        };

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;
}
