using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace EsusCheck.Chat.Mcp;

/// <summary>The <c>tools/call</c> filter: an unknown tool is refused in French (invalid params), and the arguments are
/// made bindable the way agents send them — a number where the schema says string (a SIRET typed as a number) becomes
/// its text, and a declared argument left out becomes null so that the tool itself says, in French, what is missing.</summary>
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
            if (tool.ProtocolTool.InputSchema.TryGetProperty("properties", out var properties))
                foreach (var property in properties.EnumerateObject())
                {
                    if (!arguments.TryGetValue(property.Name, out var value)) arguments[property.Name] = Null;
                    else if (value.ValueKind == JsonValueKind.Number) arguments[property.Name] = JsonSerializer.SerializeToElement(value.GetRawText());
                }
            return next(context, cancellationToken);
        };

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;
}
