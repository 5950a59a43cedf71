using EsusCheck.Chat.Mcp;
using EsusCheck.Cli.Serve;
using EsusCheck.Testing.Registries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace EsusCheck.Cli.Tests;

/// <summary><c>esuscheck serve</c> maps MCP with the SDK's <c>MapMcp</c> at the function's route, behind the same key:
/// the official client, over real HTTP on Kestrel, lists the tools and calls them.</summary>
public sealed class ServeMcpTests : StubbedCliTest, IAsyncLifetime
{
    private const string Key = "cle-mcp";
    private readonly string _siret = TestSirets.Next();
    private WebApplication _serve = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        Stubs.RechercheFound(_siret, new StubCompany { Name = "RÉGIE DES LILAS", LegalForm = "9220", EstEss = true, TypeSiae = "EI" });
        var settings = RegistryTestServices.Configuration(Stubs);
        settings["Cli:DataDirectory"] = Cli.DataDirectory;
        settings["Serve:ApiKey"] = Key;
        _serve = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), ["http://127.0.0.1:0"]);
        await _serve.StartAsync();
        _endpoint = new Uri(new Uri(ServeHost.Addresses(_serve)[0]), "/api/v1/mcp");
    }

    [Fact]
    public void The_post_route_is_the_sdk_endpoint_mapped_by_MapMcp()
    {
        var endpoints = _serve.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimEnd('/') == "/api/v1/mcp")
            .ToList();

        Assert.Contains(endpoints, e => e.DisplayName?.StartsWith("MCP Streamable HTTP", StringComparison.Ordinal) == true
                                        && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.SequenceEqual(["POST"]));
    }

    [Fact]
    public async Task The_official_client_lists_and_calls_the_tools_with_the_key()
    {
        await using var client = await ConnectAsync(Key);

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync(McpTools.CheckSupplier, new Dictionary<string, object?> { ["siret"] = _siret });
        var missing = await client.CallToolAsync(McpTools.ExplainRule, new Dictionary<string, object?>());

        Assert.Equal([McpTools.CheckSupplier, McpTools.ExplainRule], tools.Select(t => t.Name).ToArray());
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("RÉGIE DES LILAS", Assert.IsType<TextContentBlock>(result.Content[0]).Text, StringComparison.Ordinal);
        Assert.True(missing.IsError);
        Assert.Contains("« article » est obligatoire", Assert.IsType<TextContentBlock>(missing.Content[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_key_the_mcp_route_answers_401()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Accept", "application/json, text/event-stream" } },
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    private async Task<McpClient> ConnectAsync(string key)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = _endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "serve-tests",
            AdditionalHeaders = new Dictionary<string, string> { ["x-functions-key"] = key },
        }, NullLoggerFactory.Instance);
        return await McpClient.CreateAsync(transport, new McpClientOptions(), NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync() => await _serve.DisposeAsync();
}
