using System.Text;
using System.Text.Json.Nodes;
using EsusCheck.Chat.Teams;
using EsusCheck.Chat.Tests.Support;
using EsusCheck.Functions.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Chat.Tests;

/// <summary>The Teams outgoing webhook, through the Azure Function with a real ASP.NET Core request: signed with the
/// shared secret, signed with another secret, and not signed.</summary>
public sealed class TeamsWebhookTests : IDisposable
{
    private readonly ChatHarness _harness = new();

    /// <summary>Two messages per channel and minute (the HTTP API's per-client budget, <c>HttpApi:ClientChecksPerMinute</c>).</summary>
    private readonly ChatHarness _limited = new(new Dictionary<string, string?> { ["HttpApi:ClientChecksPerMinute"] = "2" });

    private static string Activity(string text, string conversation = "19:canal@thread.tacv2;messageid=1700000000000") => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["timestamp"] = "2026-03-12T10:00:00.000Z",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1abc", ["name"] = "Claire Acheteuse", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["isGroup"] = true, ["conversationType"] = "channel" },
        ["recipient"] = new JsonObject { ["id"] = "28:esuscheck", ["name"] = "EsusCheck" },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>EsusCheck</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:esuscheck", ["name"] = "EsusCheck" },
        }),
        ["channelData"] = new JsonObject { ["teamsChannelId"] = "19:canal@thread.tacv2", ["tenant"] = new JsonObject { ["id"] = "tenant" } },
    }.ToJsonString();

    private static string Sign(byte[] body, string secret) => "HMAC " + TeamsSignature.Sign(body, Convert.FromBase64String(secret));

    private Task<(int Status, string ContentType, string Body)> PostAsync(byte[] body, string? authorization) =>
        PostAsync(_harness, body, authorization);

    private static async Task<(int Status, string ContentType, string Body)> PostAsync(ChatHarness harness, byte[] body, string? authorization)
    {
        var function = new TeamsWebhookFunction(harness.Teams, Microsoft.Extensions.Logging.Abstractions.NullLogger<TeamsWebhookFunction>.Instance);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json; charset=utf-8";
        context.Request.Body = new MemoryStream(body);
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var result = await function.Run(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.ContentType ?? "", Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    [Fact]
    public async Task A_correctly_signed_activity_gets_a_message_with_the_text_and_the_card()
    {
        var body = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at>&nbsp;418 166 096 00069 est-elle agréée ESUS ?"));

        var (status, contentType, json) = await PostAsync(body, Sign(body, ChatHarness.TeamsSecret));

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        var reply = JsonNode.Parse(json)!;
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Contains("**Agrément ESUS : agréée.**", reply["text"]!.GetValue<string>());
        Assert.DoesNotContain("<at>", reply["text"]!.GetValue<string>());
        var attachment = Assert.Single(reply["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", attachment["content"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_thread_keeps_its_context_between_two_signed_messages()
    {
        var first = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> 41816609600069"));
        var second = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> et pour un marché de crèche ?"));

        await PostAsync(first, Sign(first, ChatHarness.TeamsSecret));
        var (status, _, json) = await PostAsync(second, Sign(second, ChatHarness.TeamsSecret));

        Assert.Equal(200, status);
        Assert.Contains("(L2113-15) : à vérifier", JsonNode.Parse(json)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_rejected_in_french()
    {
        var body = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> 41816609600069"));
        var otherSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes("un-autre-secret-qui-n-est-pas-le-bon-000"));

        var (status, contentType, json) = await PostAsync(body, Sign(body, otherSecret));

        Assert.Equal(401, status);
        Assert.StartsWith("application/problem+json", contentType);
        var problem = JsonNode.Parse(json)!;
        Assert.Equal("teams_signature_invalid", problem["code"]!.GetValue<string>());
        Assert.Equal("Signature invalide", problem["title"]!.GetValue<string>());
        Assert.Equal(0, _harness.Registry.Calls);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_rejected()
    {
        var signed = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> 41816609600069"));
        var tampered = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> 73282932000074"));

        var (status, _, _) = await PostAsync(tampered, Sign(signed, ChatHarness.TeamsSecret));

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("HMAC pas-du-base64!")]
    public async Task An_unsigned_or_malformed_authorization_is_rejected(string? authorization)
    {
        var body = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> 41816609600069"));

        var (status, _, json) = await PostAsync(body, authorization);

        Assert.Equal(401, status);
        Assert.Contains(JsonNode.Parse(json)!["code"]!.GetValue<string>(), new[] { "teams_signature_missing", "teams_signature_invalid" });
        Assert.Equal(0, _harness.Registry.Calls);
    }

    [Fact]
    public async Task Without_a_configured_secret_every_request_is_refused()
    {
        using var harness = new ChatHarness(new Dictionary<string, string?> { ["Chat:TeamsSecret"] = "" });
        var body = Encoding.UTF8.GetBytes(Activity("41816609600069"));

        var reply = await harness.Teams.HandleAsync(body, Sign(body, ChatHarness.TeamsSecret), CancellationToken.None);

        Assert.Equal(503, reply.Status);
        Assert.Contains("teams_not_configured", reply.Body);
        Assert.DoesNotContain(ChatHarness.TeamsSecret, reply.Body);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_activity_is_a_bad_request()
    {
        var body = Encoding.UTF8.GetBytes("pas du json");

        var reply = await _harness.Teams.HandleAsync(body, Sign(body, ChatHarness.TeamsSecret), CancellationToken.None);

        Assert.Equal(400, reply.Status);
        Assert.Contains("activity_invalid", reply.Body);
    }

    [Theory]
    [InlineData("<at>EsusCheck</at> 418 166 096 00069", "418 166 096 00069")]
    [InlineData("<at>Esus Check</at>&nbsp;aide", "aide")]
    [InlineData("<p><at>EsusCheck</at> c&#39;est quoi l&#39;ESUS ?</p>", "c'est quoi l'ESUS ?")]
    [InlineData("Bonjour <at>EsusCheck</at>, SIREN 418166096", "Bonjour , SIREN 418166096")]
    public void The_mention_and_html_are_removed(string text, string expected) =>
        Assert.Equal(expected, TeamsWebhookHandler.CleanText(text));

    [Theory]
    [InlineData("2026-03-12T09:00:00.000Z")]
    [InlineData("2026-03-12T11:00:00.000Z")]
    public async Task A_signed_activity_outside_the_replay_window_is_refused_and_checks_nothing(string timestamp)
    {
        var activity = JsonNode.Parse(Activity("<at>EsusCheck</at> 41816609600069"))!;
        activity["timestamp"] = timestamp;
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());

        var reply = await _harness.Teams.HandleAsync(body, Sign(body, ChatHarness.TeamsSecret), CancellationToken.None);

        Assert.Equal(401, reply.Status);
        Assert.Contains("teams_activity_expired", reply.Body);
        Assert.Equal(0, _harness.Registry.Calls);
    }

    [Theory]
    [InlineData("text", "42")]
    [InlineData("text", "{\"a\":1}")]
    [InlineData("conversation", "\"19:canal\"")]
    [InlineData("conversation", "[1,2]")]
    [InlineData("timestamp", "null")]
    [InlineData("timestamp", "\"hier\"")]
    [InlineData("timestamp", "12")]
    public async Task A_malformed_signed_activity_is_a_bad_request_never_a_server_error(string property, string json)
    {
        var activity = JsonNode.Parse(Activity("<at>EsusCheck</at> 41816609600069"))!;
        activity[property] = JsonNode.Parse(json);
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());

        var reply = await _harness.Teams.HandleAsync(body, Sign(body, ChatHarness.TeamsSecret), CancellationToken.None);

        Assert.Equal(400, reply.Status);
        Assert.Contains("activity_invalid", reply.Body);
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_answered_in_french_without_any_check()
    {
        var body = Encoding.UTF8.GetBytes(Activity("<at>EsusCheck</at> 41816609600069 " + new string('x', 3000)));

        var reply = await _harness.Teams.HandleAsync(body, Sign(body, ChatHarness.TeamsSecret), CancellationToken.None);

        Assert.Equal(200, reply.Status);
        Assert.Contains("la limite est de 2000", JsonNode.Parse(reply.Body!)!["text"]!.GetValue<string>());
        Assert.Equal(0, _harness.Registry.Calls);
    }

    private const string Channel = "19:canal@thread.tacv2;messageid=1700000000000";

    private static async Task<string> SignedReplyAsync(ChatHarness harness, string text, string conversation = Channel)
    {
        var body = Encoding.UTF8.GetBytes(Activity(text, conversation));
        var (status, _, json) = await PostAsync(harness, body, Sign(body, ChatHarness.TeamsSecret));
        Assert.Equal(200, status);
        var reply = JsonNode.Parse(json)!;
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        return reply["text"]!.GetValue<string>();
    }

    [Fact]
    public async Task Past_its_budget_a_channel_gets_a_french_message_and_nothing_is_checked()
    {
        Assert.Contains("ESUS", await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"));
        Assert.Contains("ESUS", await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.InsertionSiret}"));
        var calls = _limited.Registry.Calls;

        // Another thread of the same channel: same budget.
        var refused = await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.NettoyageSiret}", "19:canal@thread.tacv2;messageid=1700000009999");

        Assert.Matches(@"^Trop de questions en peu de temps : réessayez dans \d+ secondes?\. ", refused);
        Assert.Contains("2 questions par minute", refused);
        Assert.DoesNotContain(TestCompanies.NettoyageSiret, refused);
        Assert.Equal(calls, _limited.Registry.Calls);
    }

    [Fact]
    public async Task Another_channel_keeps_its_own_budget()
    {
        for (var i = 0; i < 2; i++) await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.JardinsSiret}");
        Assert.StartsWith("Trop de questions", await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"));

        var other = await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.NettoyageSiret}", "19:autre-canal@thread.tacv2;messageid=1700000000000");

        Assert.DoesNotContain("Trop de questions", other);
        Assert.Contains("SOCIETE GENERALE DE NETTOYAGE", other);
    }

    [Fact]
    public async Task Requests_without_a_valid_signature_or_replayed_spend_nothing_and_keep_their_401()
    {
        var unsigned = Encoding.UTF8.GetBytes(Activity($"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"));
        var otherSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes("un-autre-secret-qui-n-est-pas-le-bon-000"));
        var expired = JsonNode.Parse(Activity($"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"))!;
        expired["timestamp"] = "2026-03-12T09:00:00.000Z";
        var expiredBody = Encoding.UTF8.GetBytes(expired.ToJsonString());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, (await PostAsync(_limited, unsigned, null)).Status);
            Assert.Equal(401, (await PostAsync(_limited, unsigned, Sign(unsigned, otherSecret))).Status);
            Assert.Equal(401, (await PostAsync(_limited, expiredBody, Sign(expiredBody, ChatHarness.TeamsSecret))).Status);
        }

        Assert.DoesNotContain("Trop de questions", await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"));
        Assert.DoesNotContain("Trop de questions", await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"));
        Assert.Contains("Trop de questions", await SignedReplyAsync(_limited, $"<at>EsusCheck</at> {TestCompanies.JardinsSiret}"));

        // The budget spent, a bad signature is still refused as such, not answered.
        var (status, _, json) = await PostAsync(_limited, unsigned, Sign(unsigned, otherSecret));
        Assert.Equal(401, status);
        Assert.Equal("teams_signature_invalid", JsonNode.Parse(json)!["code"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _limited.Dispose();
    }
}
