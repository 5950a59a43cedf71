using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EsusCheck.Functions.Tests;

/// <summary>One key holder cannot spend everyone's registry budget: per-client token buckets at the HTTP edge.</summary>
public sealed class RateLimitTests : IAsyncDisposable
{
    private readonly string _known = TestSirets.Next();
    private readonly ApiHarness _api = new(settings: new Dictionary<string, string?>
    {
        ["HttpApi:ClientChecksPerMinute"] = "3",
        ["HttpApi:RefreshCost"] = "2",
    });

    private static Dictionary<string, string> As(string client) => new() { [ClientIdentity.ClientIdHeader] = client };

    [Fact]
    public async Task A_client_past_its_checks_per_minute_gets_429_with_retry_after_and_others_are_still_served()
    {
        _api.Stubs.RechercheFound(_known);
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await CheckEligibilityFunctionTests.Check(_api, _known, headers: As("gourmand"))).Status);

        var refused = await CheckEligibilityFunctionTests.Check(_api, _known, headers: As("gourmand"));
        var other = await CheckEligibilityFunctionTests.Check(_api, _known, headers: As("mairie"));

        Contract.AssertProblem(refused, 429, ClientRateLimiter.Code, ApiOperations.CheckEligibility);
        Assert.True(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task Refresh_loops_cost_more_and_are_stopped_sooner()
    {
        _api.Stubs.RechercheFound(_known);
        Assert.Equal(200, (await CheckEligibilityFunctionTests.Check(_api, _known, "refresh=true", As("boucle"))).Status);

        var second = await CheckEligibilityFunctionTests.Check(_api, _known, "refresh=true", As("boucle"));

        Assert.Equal(429, second.Status);
        Assert.Equal(1, _api.RechercheCalls(_known));
    }

    [Fact]
    public async Task Chat_messages_count_against_the_same_limit_and_are_refused_before_their_body_is_read()
    {
        _api.Stubs.RechercheFound(_known);
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await Chat(As("bavard"), $$"""{ "message": "{{_known}} est-elle ESS ?" }""")).Status);

        var refused = await Chat(As("bavard"), $$"""{ "message": "{{_known}} est-elle ESS ?" }""");
        var other = await Chat(As("mairie"), $$"""{ "message": "{{_known}} est-elle ESS ?" }""");

        Contract.AssertProblem(refused, 429, ClientRateLimiter.Code, ApiOperations.Chat);
        Assert.True(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task Mcp_posts_count_against_the_same_limit()
    {
        _api.Stubs.RechercheFound(_known);
        const string list = """{ "jsonrpc": "2.0", "id": 1, "method": "tools/list" }""";
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await Mcp(As("agent"), list)).Status);

        var refused = await Mcp(As("agent"), list);

        Contract.AssertProblem(refused, 429, ClientRateLimiter.Code, ApiOperations.Mcp);
        Assert.Equal(200, (await Mcp(As("autre-agent"), list)).Status);
    }

    [Fact]
    public async Task Teams_messages_take_from_their_channel_budget_once_signed_and_the_refusal_is_logged_without_secret_or_siret()
    {
        const string secret = "c2VjcmV0LXBhcnRhZ2UtZGUtdGVzdC1wb3VyLXRlYW1zLTAxMjM0NTY3ODk=";
        var unasked = TestSirets.Next();
        await using var api = new ApiHarness(
            services => services.AddLogging(logging => logging.AddFakeLogging()),
            new Dictionary<string, string?> { ["HttpApi:ClientChecksPerMinute"] = "3", ["Chat:TeamsSecret"] = secret });
        api.Stubs.RechercheFound(_known);
        api.Stubs.RechercheFound(unasked);
        for (var i = 0; i < 3; i++) Assert.Equal(401, (await Teams(api, _known, "HMAC " + Convert.ToBase64String(new byte[32]))).Status);
        for (var i = 0; i < 3; i++) Assert.DoesNotContain("Trop de questions", (await Teams(api, _known, secret)).Json["text"]!.GetValue<string>());

        var refused = await Teams(api, unasked, secret);

        Assert.Equal(200, refused.Status);
        Assert.Equal("message", refused.Json["type"]!.GetValue<string>());
        Assert.StartsWith("Trop de questions en peu de temps : réessayez dans ", refused.Json["text"]!.GetValue<string>());
        Assert.Equal(0, api.RechercheCalls(unasked));
        var log = Assert.Single(api.Get<FakeLogCollector>().GetSnapshot(), r => r.Message.StartsWith("Teams message refused", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.DoesNotContain(unasked, log.Message);
        Assert.DoesNotContain(secret, log.Message);
    }

    /// <summary>A Teams activity naming <paramref name="siret"/>, signed with the base64 <paramref name="secret"/>, or
    /// sent with <paramref name="secret"/> as its Authorization header when that is already one (« HMAC … »).</summary>
    private static async Task<HttpCall.Response> Teams(ApiHarness api, string siret, string secret)
    {
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "message",
            ["timestamp"] = ApiHarness.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "<at>EsusCheck</at> " + siret,
            ["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "19:canal@thread.tacv2;messageid=1" },
        }.ToJsonString();
        var authorization = secret.StartsWith("HMAC ", StringComparison.Ordinal)
            ? secret
            : "HMAC " + EsusCheck.Chat.Teams.TeamsSignature.Sign(System.Text.Encoding.UTF8.GetBytes(body), Convert.FromBase64String(secret));
        var request = HttpCall.Request("POST", "/api/v1/teams", body: body, headers: new Dictionary<string, string> { ["Authorization"] = authorization });
        return await (await api.Function<EsusCheck.Functions.Chat.TeamsWebhookFunction>().Run(request, default)).ExecuteAsync(request);
    }

    private async Task<HttpCall.Response> Chat(Dictionary<string, string> headers, string body)
    {
        var request = HttpCall.Request("POST", "/api/v1/chat", body: body, headers: headers);
        return await (await _api.Function<EsusCheck.Functions.Chat.ChatFunction>().Run(request, default)).ExecuteAsync(request);
    }

    private async Task<HttpCall.Response> Mcp(Dictionary<string, string> headers, string body)
    {
        headers["Accept"] = "application/json, text/event-stream";
        var request = HttpCall.Request("POST", "/api/v1/mcp", body: body, headers: headers);
        return await (await _api.Function<EsusCheck.Functions.Chat.McpFunction>().Run(request, default)).ExecuteAsync(request);
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
