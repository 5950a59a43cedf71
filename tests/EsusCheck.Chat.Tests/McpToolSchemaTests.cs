using System.Text.Json.Nodes;
using EsusCheck.Chat.Mcp;

namespace EsusCheck.Chat.Tests;

/// <summary>The input schemas <c>tools/list</c> publishes are, key for key, the ones agents were given before the move to
/// the official SDK: no <c>default</c>, no property beyond those declared — and a call that sends one anyway is answered
/// as before.</summary>
public sealed class McpToolSchemaTests : IDisposable
{
    private const string BothTypes = "application/json, text/event-stream";
    private readonly ChatHarness _harness = new();

    public static TheoryData<string, string> PublishedSchemas => new()
    {
        {
            McpTools.CheckSupplier,
            """
            {
              "type": "object",
              "properties": {
                "siret": {
                  "type": "string",
                  "description": "Numéro SIRET de l'établissement (14 chiffres) ou SIREN de l'entreprise (9 chiffres, pour son siège). Espaces et points acceptés, par exemple « 418 166 096 00069 »."
                },
                "cpv": {
                  "type": "string",
                  "description": "Facultatif : code CPV de l'objet du marché (8 chiffres, éventuellement suivis d'un tiret et du chiffre de contrôle, par exemple « 85311000-2 »). Nécessaire pour juger un marché réservé de services sociaux (article L2113-15)."
                }
              },
              "required": ["siret"],
              "additionalProperties": false
            }
            """
        },
        {
            McpTools.ExplainRule,
            """
            {
              "type": "object",
              "properties": {
                "article": {
                  "type": "string",
                  "description": "L'article, la notion, le type de structure ou le code CPV à expliquer, par exemple « L2113-13 », « ESUS », « GEIQ » ou « 85312110 »."
                }
              },
              "required": ["article"],
              "additionalProperties": false
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(PublishedSchemas))]
    public async Task Each_tool_publishes_the_input_schema_agents_were_given(string tool, string expected)
    {
        var reply = JsonNode.Parse((await _harness.McpAsync("POST", """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", BothTypes)).Body!)!;

        var schema = reply["result"]!["tools"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == tool)!["inputSchema"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), schema), $"{tool} publishes {schema.ToJsonString()}");
    }

    [Fact]
    public async Task An_argument_beyond_the_schema_is_ignored_as_before()
    {
        var reply = JsonNode.Parse((await _harness.McpAsync("POST",
            $$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"check_supplier","arguments":{"siret":"{{TestCompanies.JardinsSiret}}","langue":"fr"} } }""",
            BothTypes)).Body!)!;

        Assert.False(reply["result"]!["isError"]!.GetValue<bool>());
        Assert.Equal(TestCompanies.JardinsSiret, reply["result"]!["structuredContent"]!["siret"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
