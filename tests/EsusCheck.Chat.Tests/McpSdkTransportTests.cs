using System.Text.Json.Nodes;
using EsusCheck.Chat.Mcp;
using ModelContextProtocol.Protocol;

namespace EsusCheck.Chat.Tests;

/// <summary>The function's requests are answered by the official SDK's server (a request filter registered on it sees
/// them), in stateless mode (no session, no <c>initialize</c> needed first), each message of a batch on its own.</summary>
public sealed class McpSdkTransportTests : IDisposable
{
    private const string BothTypes = "application/json, text/event-stream";
    private readonly List<(string Method, string? SessionId)> _seen = [];
    private readonly ChatHarness _harness;

    public McpSdkTransportTests() => _harness = new ChatHarness(configure: services => services.AddMcpServer()
        .WithRequestFilters(filters =>
        {
            filters.AddListToolsFilter(next => (context, cancellationToken) =>
            {
                lock (_seen) _seen.Add((context.JsonRpcRequest.Method, context.Server.SessionId));
                return next(context, cancellationToken);
            });
            filters.AddCallToolFilter(next => (context, cancellationToken) =>
            {
                lock (_seen) _seen.Add((context.JsonRpcRequest.Method, context.Server.SessionId));
                return next(context, cancellationToken);
            });
        }));

    [Fact]
    public async Task A_tool_call_without_initialize_reaches_the_sdk_server_without_a_session()
    {
        var reply = await _harness.McpAsync("POST",
            """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"explain_rule","arguments":{"article":"ESUS"}}}""", BothTypes);

        Assert.Equal(200, reply.Status);
        Assert.False(JsonNode.Parse(reply.Body!)!["result"]!["isError"]!.GetValue<bool>());
        Assert.Equal([(RequestMethods.ToolsCall, (string?)null)], _seen);
        Assert.False(reply.Headers!.ContainsKey("Mcp-Session-Id"));
    }

    [Fact]
    public async Task Each_request_of_a_batch_is_a_request_to_the_sdk()
    {
        var reply = await _harness.McpAsync("POST",
            """[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","id":2,"method":"tools/list"}]""", "application/json");

        Assert.Equal(2, JsonNode.Parse(reply.Body!)!.AsArray().Count);
        Assert.Equal([RequestMethods.ToolsList, RequestMethods.ToolsList], _seen.Select(s => s.Method));
    }

    [Fact]
    public async Task The_tools_schemas_are_the_ones_the_sdk_derives_from_the_methods()
    {
        var reply = JsonNode.Parse((await _harness.McpAsync("POST", """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", BothTypes)).Body!)!;

        var check = reply["result"]!["tools"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == McpTools.CheckSupplier)!;
        Assert.Equal(["siret"], check["inputSchema"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var properties = check["inputSchema"]!["properties"]!;
        Assert.Contains("SIRET", properties["siret"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("string", properties["siret"]!["type"]!.GetValue<string>());
        Assert.Equal("string", properties["cpv"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("cancellationToken", properties.AsObject().Select(p => p.Key));
        Assert.Equal("Vérifier un fournisseur (ESS, ESUS, marchés réservés)", check["title"]!.GetValue<string>());
        Assert.True(check["annotations"]!["readOnlyHint"]!.GetValue<bool>());
        Assert.True(check["annotations"]!["openWorldHint"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_siret_sent_as_a_number_is_read_as_its_digits()
    {
        var reply = JsonNode.Parse((await _harness.McpAsync("POST",
            """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"check_supplier","arguments":{"siret":""" + TestCompanies.JardinsSiret + "}}}",
            BothTypes)).Body!)!;

        Assert.False(reply["result"]!["isError"]!.GetValue<bool>());
        Assert.Equal(TestCompanies.JardinsSiret, reply["result"]!["structuredContent"]!["siret"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
