using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EsusCheck.Chat.Mcp;
using EsusCheck.Chat.Tests.Support;
using EsusCheck.Functions.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Chat.Tests;

/// <summary>Bodies are bounded before they are read (413 problem+json), MCP batches are capped in length and in time.</summary>
public sealed class BoundedRequestTests : IDisposable
{
    private readonly ChatHarness _harness = new(new Dictionary<string, string?> { ["Chat:MaxRequestBytes"] = "4096" });

    /// <summary>A body that says nothing of its length and never ends: only a bounded read returns.</summary>
    private sealed class EndlessBody : Stream
    {
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Served += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task<(int Status, string ContentType, string Body)> RunAsync(Func<HttpRequest, Task<IActionResult>> function, Stream body, long? length = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.Body = body;
        context.Request.ContentLength = length;
        context.Request.Headers.Accept = "application/json";
        context.Request.Headers.Authorization = "HMAC AAAA";
        var response = new MemoryStream();
        context.Response.Body = response;
        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.ContentType ?? "", Encoding.UTF8.GetString(response.ToArray()));
    }

    public static TheoryData<string> Endpoints => ["chat", "teams", "mcp"];

    private Func<HttpRequest, Task<IActionResult>> Function(string endpoint) => endpoint switch
    {
        "chat" => r => new ChatFunction(_harness.ChatHttp, new EsusCheck.Functions.Http.ClientRateLimiter(Microsoft.Extensions.Options.Options.Create(new EsusCheck.Functions.Http.HttpApiOptions())), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChatFunction>.Instance).Run(r, CancellationToken.None),
        "teams" => r => new TeamsWebhookFunction(_harness.Teams, Microsoft.Extensions.Logging.Abstractions.NullLogger<TeamsWebhookFunction>.Instance).Run(r, CancellationToken.None),
        _ => r => new McpFunction(_harness.Mcp, new EsusCheck.Functions.Http.ClientRateLimiter(Microsoft.Extensions.Options.Options.Create(new EsusCheck.Functions.Http.HttpApiOptions()))).Run(r, CancellationToken.None),
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_that_never_ends_is_refused_413_after_reading_no_more_than_the_limit(string endpoint)
    {
        var body = new EndlessBody();

        var (status, contentType, problem) = await RunAsync(Function(endpoint), body);

        Assert.Equal(413, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"body_too_large\"", problem, StringComparison.Ordinal);
        Assert.InRange(body.Served, 1, 4096 + 128 * 1024);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading(string endpoint)
    {
        var body = new EndlessBody();

        var (status, _, _) = await RunAsync(Function(endpoint), body, length: 10_000_000);

        Assert.Equal(413, status);
        Assert.Equal(0, body.Served);
    }

    [Fact]
    public async Task An_mcp_batch_longer_than_the_cap_is_refused_as_a_whole()
    {
        using var harness = new ChatHarness(new Dictionary<string, string?> { ["Chat:McpMaxBatch"] = "3" });
        var batch = new JsonArray(Enumerable.Range(1, 4).Select(i => (JsonNode)new JsonObject { ["jsonrpc"] = "2.0", ["id"] = i, ["method"] = "ping" }).ToArray());

        var reply = await harness.Mcp.HandleAsync(new McpHttpRequest("POST", batch.ToJsonString(), "application/json", null), CancellationToken.None);

        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Contains("au plus 3 messages par requête", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0, harness.Registry.Calls);
    }

    [Fact]
    public async Task An_mcp_batch_past_its_deadline_answers_the_rest_with_an_error_instead_of_running_on()
    {
        using var harness = new ChatHarness(new Dictionary<string, string?> { ["Chat:McpBatchTimeout"] = "00:00:00" });
        var call = (int id) => (JsonNode)new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = "check_supplier", ["arguments"] = new JsonObject { ["siret"] = TestCompanies.JardinsSiret } },
        };

        var reply = await harness.Mcp.HandleAsync(
            new McpHttpRequest("POST", new JsonArray(call(1), call(2)).ToJsonString(), "application/json", null), CancellationToken.None);

        Assert.Equal(200, reply.Status);
        var answers = JsonNode.Parse(reply.Body!)!.AsArray();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Contains("Délai", a!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(0, harness.Registry.Calls);
    }

    public void Dispose() => _harness.Dispose();
}
