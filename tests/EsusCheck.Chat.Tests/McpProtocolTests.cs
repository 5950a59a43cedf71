using System.Text.Json.Nodes;
using EsusCheck.Functions.Chat;
using ModelContextProtocol;

namespace EsusCheck.Chat.Tests;

/// <summary>JSON-RPC 2.0 and the streamable HTTP transport as the MCP specification states them, message by message.</summary>
public sealed class McpProtocolTests : IDisposable
{
    private const string BothTypes = "application/json, text/event-stream";
    private readonly ChatHarness _harness = new();

    private Task<Http.HttpReply> PostAsync(string body, string? accept = BothTypes, string? version = null) =>
        _harness.McpAsync("POST", body, accept, version);

    private static JsonNode Json(Http.HttpReply reply) => JsonNode.Parse(reply.Body!)!;

    [Fact]
    public async Task Initialize_echoes_a_supported_version_and_offers_the_latest_otherwise()
    {
        var known = Json(await PostAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"""));
        var future = Json(await PostAsync("""{"jsonrpc":"2.0","id":"a","method":"initialize","params":{"protocolVersion":"2099-01-01","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"""));

        Assert.Equal("2025-06-18", known["result"]!["protocolVersion"]!.GetValue<string>());
        Assert.Equal(1, known["id"]!.GetValue<int>());
        Assert.NotNull(known["result"]!["capabilities"]!["tools"]);
        Assert.Equal(McpGateway.LatestProtocolVersion, future["result"]!["protocolVersion"]!.GetValue<string>());
        Assert.Equal("a", future["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_parse_error()
    {
        var reply = await PostAsync("{\"jsonrpc\":\"2.0\",");

        Assert.Equal(400, reply.Status);
        Assert.Equal((int)McpErrorCode.ParseError, Json(reply)["error"]!["code"]!.GetValue<int>());
        Assert.Null(Json(reply)["id"]);
    }

    [Theory]
    [InlineData("""{"id":1,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":42}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    [InlineData("""[]""")]
    [InlineData("""42""")]
    public async Task A_message_that_is_not_a_request_is_an_invalid_request(string body)
    {
        var reply = await PostAsync(body);

        Assert.Equal(400, reply.Status);
        Assert.Equal((int)McpErrorCode.InvalidRequest, Json(reply)["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found()
    {
        var reply = await PostAsync("""{"jsonrpc":"2.0","id":7,"method":"resources/list"}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal((int)McpErrorCode.MethodNotFound, Json(reply)["error"]!["code"]!.GetValue<int>());
        Assert.Equal(7, Json(reply)["id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"inconnu"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"check_supplier","arguments":[1]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[1]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""")]
    public async Task Malformed_params_are_invalid_params(string body) =>
        Assert.Equal((int)McpErrorCode.InvalidParams, Json(await PostAsync(body))["error"]!["code"]!.GetValue<int>());

    [Fact]
    public async Task A_failing_tool_is_a_result_with_is_error()
    {
        var reply = Json(await PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"check_supplier","arguments":{"siret":"123"}}}"""));

        Assert.Null(reply["error"]);
        Assert.True(reply["result"]!["isError"]!.GetValue<bool>());
        Assert.Contains("SIRET", reply["result"]!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":9,"result":{}}""")]
    [InlineData("""[{"jsonrpc":"2.0","method":"notifications/initialized"}]""")]
    public async Task Notifications_and_responses_are_accepted_without_a_body(string body)
    {
        var reply = await PostAsync(body);

        Assert.Equal(202, reply.Status);
        Assert.Null(reply.Body);
    }

    [Fact]
    public async Task A_batch_gets_one_answer_per_request()
    {
        var reply = Json(await PostAsync("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":2,"method":"tools/list"}]"""));

        var answers = reply.AsArray();
        Assert.Equal([1, 2], answers.Select(a => a!["id"]!.GetValue<int>()));
        Assert.Equal(2, answers[1]!["result"]!["tools"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Get_and_delete_are_not_allowed_on_a_stateless_server(string method)
    {
        var reply = await _harness.McpAsync(method, null, "text/event-stream");

        Assert.Equal(405, reply.Status);
        Assert.Equal("POST", reply.Headers!["Allow"]);
    }

    [Fact]
    public async Task An_unsupported_protocol_version_header_is_a_bad_request()
    {
        var reply = await PostAsync("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", version: "1999-01-01");
        var supported = await PostAsync("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", version: "2025-03-26");

        Assert.Equal(400, reply.Status);
        Assert.Equal(200, supported.Status);
    }

    [Fact]
    public async Task The_accept_header_chooses_json_or_an_event_stream_and_refuses_the_rest()
    {
        const string ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

        var json = await PostAsync(ping, accept: BothTypes);
        var none = await PostAsync(ping, accept: null);
        var stream = await PostAsync(ping, accept: "text/event-stream");
        var html = await PostAsync(ping, accept: "text/html");

        Assert.StartsWith("application/json", json.ContentType);
        Assert.StartsWith("application/json", none.ContentType);
        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.StartsWith("event: message\ndata: {", stream.Body);
        Assert.Equal(406, html.Status);
    }

    public void Dispose() => _harness.Dispose();
}
