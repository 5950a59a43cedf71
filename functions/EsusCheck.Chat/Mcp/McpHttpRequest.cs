namespace EsusCheck.Chat.Mcp;

/// <summary>An HTTP request to the MCP endpoint, as any host hands it over: the method, the raw body and the two
/// headers the streamable HTTP transport defines.</summary>
public sealed record McpHttpRequest(string Method, string? Body, string? Accept = null, string? ProtocolVersion = null);
