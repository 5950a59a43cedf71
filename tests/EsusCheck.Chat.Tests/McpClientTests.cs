using System.Text.Json;
using EsusCheck.Chat.Mcp;
using EsusCheck.Functions.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace EsusCheck.Chat.Tests;

/// <summary>The official MCP C# client (ModelContextProtocol) against our handler mounted in an in-process server, the
/// registries played by WireMock with their real shapes: it connects, lists the tools and calls them.</summary>
public sealed class McpClientTests : IAsyncLifetime
{
    private readonly RegistryStubs _stubs = new();
    private readonly string _siret = TestSirets.Next();
    private readonly string _unknown = TestSirets.Next();
    private ServiceProvider _services = null!;
    private McpTestServer _server = null!;
    private HttpClient _http = null!;
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stubs.RechercheFound(_siret, new StubCompany { Name = "ENTREPRISE D'INSERTION DU LEVANT", LegalForm = "9220", EstEss = true, TypeSiae = "EI" })
            .RechercheUnknown(_unknown)
            .MarcheFound(_siret, ("EI", true));
        var services = RegistryTestServices.Create(_stubs, marcheToken: true);
        services.AddChat(new ConfigurationBuilder().Build());
        services.AddMcpHttp();
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        _services = services.BuildServiceProvider();
        _server = await McpTestServer.StartAsync(_services);
        _http = _server.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = _server.Endpoint, TransportMode = HttpTransportMode.StreamableHttp, Name = "tests" },
            _http, NullLoggerFactory.Instance, ownsHttpClient: false);
        _client = await McpClient.CreateAsync(transport, new McpClientOptions(), NullLoggerFactory.Instance);
    }

    [Fact]
    public void The_client_negotiates_a_protocol_version_and_reads_the_server_info()
    {
        Assert.Contains(_client.NegotiatedProtocolVersion ?? "", McpGateway.SupportedProtocolVersions);
        Assert.Equal("esuscheck", _client.ServerInfo?.Name);
    }

    [Fact]
    public async Task The_client_lists_the_tools_with_french_descriptions_and_schemas()
    {
        var tools = await _client.ListToolsAsync();

        Assert.Equal([McpTools.CheckSupplier, McpTools.ExplainRule], tools.Select(t => t.Name).ToArray());
        var check = tools.Single(t => t.Name == McpTools.CheckSupplier);
        Assert.Contains("SIRET", check.Description);
        Assert.Contains("marché réservé", check.Description);
        Assert.Contains("conditions", check.Description);
        var schema = check.ProtocolTool.InputSchema;
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal(["siret"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
        Assert.True(schema.GetProperty("properties").TryGetProperty("cpv", out _));
        Assert.True(check.ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task Check_supplier_returns_the_french_summary_and_the_report()
    {
        var result = await _client.CallToolAsync(McpTools.CheckSupplier,
            new Dictionary<string, object?> { ["siret"] = Spaced(_siret), ["cpv"] = "85312110" });

        Assert.NotEqual(true, result.IsError);
        var summary = Assert.IsType<TextContentBlock>(result.Content[0]).Text;
        Assert.Contains("ENTREPRISE D'INSERTION DU LEVANT", summary);
        Assert.Contains("**Marché de services sociaux réservé aux entreprises de l'ESS et aux structures équivalentes (L2113-15) : à vérifier.**", summary);
        Assert.Contains("https://www.legifrance.gouv.fr/search/code?query=L2113-15", summary);
        var report = result.StructuredContent!.Value;
        Assert.Equal(_siret, report.GetProperty("siret").GetString());
        Assert.Equal("85312110", report.GetProperty("cpv").GetString());
        var l2113_13 = report.GetProperty("reservedContracts").EnumerateArray().Single(c => c.GetProperty("article").GetString() == "L2113-13");
        Assert.Equal("eligible", l2113_13.GetProperty("status").GetString());
        // The conditions left to the buyer, in the Markdown summary and in the structured report.
        Assert.Contains("À confirmer par l'acheteur (L2113-15) :", summary);
        Assert.Contains("- Les statuts de l'opérateur lui donnent pour objectif d'assumer une mission de service public", summary);
        var l2113_15 = report.GetProperty("reservedContracts").EnumerateArray().Single(c => c.GetProperty("article").GetString() == "L2113-15");
        Assert.Equal(["public_service_mission", "no_award_in_last_three_years", "duration_at_most_three_years"],
            l2113_15.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("code").GetString() ?? "").ToArray());
        Assert.Equal(["reservation_in_notice"],
            l2113_13.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("code").GetString() ?? "").ToArray());
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(Assert.IsType<TextContentBlock>(result.Content[1]).Text).RootElement.ValueKind);
    }

    [Fact]
    public async Task Check_supplier_reports_an_unknown_or_invalid_number_as_a_tool_error_in_french()
    {
        var unknown = await _client.CallToolAsync(McpTools.CheckSupplier, new Dictionary<string, object?> { ["siret"] = _unknown });
        var invalid = await _client.CallToolAsync(McpTools.CheckSupplier, new Dictionary<string, object?> { ["siret"] = "4,18166E+13" });
        var missing = await _client.CallToolAsync(McpTools.CheckSupplier, new Dictionary<string, object?>());

        Assert.True(unknown.IsError);
        Assert.Contains("Entreprise inconnue", Assert.IsType<TextContentBlock>(unknown.Content[0]).Text);
        Assert.True(invalid.IsError);
        Assert.Contains("notation scientifique", Assert.IsType<TextContentBlock>(invalid.Content[0]).Text);
        Assert.True(missing.IsError);
        Assert.Contains("« siret » est obligatoire", Assert.IsType<TextContentBlock>(missing.Content[0]).Text);
    }

    [Fact]
    public async Task Explain_rule_explains_an_article_from_the_rule_tables()
    {
        var result = await _client.CallToolAsync(McpTools.ExplainRule, new Dictionary<string, object?> { ["article"] = "L2113-13" });
        var geiq = await _client.CallToolAsync(McpTools.ExplainRule, new Dictionary<string, object?> { ["article"] = "geiq" });
        var unknown = await _client.CallToolAsync(McpTools.ExplainRule, new Dictionary<string, object?> { ["article"] = "L1111-1" });

        var text = Assert.IsType<TextContentBlock>(result.Content[0]).Text;
        Assert.Contains("structures d'insertion par l'activité économique", text);
        Assert.Contains("L5132-4", text);
        Assert.Equal("https://www.legifrance.gouv.fr/search/code?query=L2113-13",
            result.StructuredContent!.Value.GetProperty("legalBasis")[0].GetProperty("url").GetString());
        Assert.Contains("n'est pas une SIAE", Assert.IsType<TextContentBlock>(geiq.Content[0]).Text);
        Assert.True(unknown.IsError);
    }

    [Fact]
    public async Task An_unknown_tool_is_a_protocol_error()
    {
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() =>
            _client.CallToolAsync("delete_everything", new Dictionary<string, object?>()).AsTask());

        Assert.Contains("Outil inconnu", error.Message);
    }

    [Fact]
    public async Task Ping_answers() => await _client.PingAsync();

    private static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _http.Dispose();
        await _server.DisposeAsync();
        await _services.DisposeAsync();
        _stubs.Dispose();
    }
}
