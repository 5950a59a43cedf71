using System.Text.Json.Nodes;
using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;

namespace EsusCheck.Functions.Tests;

/// <summary><c>POST /api/v1/eligibility</c> invoked with a real HttpRequest and body.</summary>
public sealed class CheckEligibilityBatchFunctionTests : IAsyncLifetime
{
    private const string Known = "73282932000074";
    private const string AlsoKnown = "41816609600069";
    private readonly ApiHarness _api = new(settings: new Dictionary<string, string?> { ["HttpApi:BatchConcurrency"] = "2" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<HttpCall.Response> Post(string body)
    {
        var request = HttpCall.Request("POST", "/api/v1/eligibility", body: body);
        return await (await _api.Function<CheckEligibilityBatchFunction>().Run(request)).ExecuteAsync(request);
    }

    [Fact]
    public async Task Every_input_gets_its_result_in_order_and_duplicates_are_checked_once()
    {
        _api.Registry.Knows(Known).Knows(AlsoKnown);

        var response = await Post($$"""
            { "sirets": ["{{Known}}", "12345", "732 829 320 00074", "88087814500015", "{{AlsoKnown}}", "{{Known}}"], "cpv": "85311000-2" }
            """);

        Assert.Equal(200, response.Status);
        Contract.AssertDocumented(response, ApiOperations.CheckEligibilityBatch);
        var results = response.Json["results"]!.AsArray();
        Assert.Equal(6, (int?)response.Json["count"]);
        Assert.Equal(new string?[] { Known, "12345", "732 829 320 00074", "88087814500015", AlsoKnown, Known },
            results.Select(r => (string?)r!["input"]).ToArray());
        Assert.Equal(Known, (string?)results[0]!["report"]!["siret"]);
        Assert.Equal("85311000-2", (string?)results[0]!["report"]!["cpv"]);
        Assert.Equal(IdentifierError.Codes.WrongLength, (string?)results[1]!["error"]!["code"]);
        Assert.Equal(400, (int?)results[1]!["error"]!["status"]);
        Assert.Null(results[1]!["report"]);
        Assert.Equal(Known, (string?)results[2]!["report"]!["siret"]);
        Assert.Equal(CheckFailure.Codes.UnknownSiret, (string?)results[3]!["error"]!["code"]);
        Assert.Equal(404, (int?)results[3]!["error"]!["status"]);
        Assert.Equal(AlsoKnown, (string?)results[4]!["report"]!["siret"]);
        Assert.Equal(Known, (string?)results[5]!["report"]!["siret"]);
        Assert.Null(results[5]!["error"]);

        Assert.Equal(1, _api.Registry.CallsFor(Known));
        Assert.Equal(1, _api.Registry.CallsFor(AlsoKnown));
        Assert.Equal(3, _api.Registry.TotalCalls);
        Assert.Single(await _api.Get<ICheckAuditLog>().ListAsync(IdentifierParser.FromRegistry(Known)!.Value, 10, default));
    }

    [Fact]
    public async Task Distinct_numbers_are_checked_with_bounded_concurrency()
    {
        var sirets = Sirets.Valid(12).ToList();
        foreach (var siret in sirets) _api.Registry.Knows(siret);
        _api.Registry.Latency = TimeSpan.FromMilliseconds(30);

        var response = await Post(new JsonObject { ["sirets"] = new JsonArray(sirets.Select(s => (JsonNode)s).ToArray()) }.ToJsonString());

        Assert.Equal(200, response.Status);
        Assert.All(response.Json["results"]!.AsArray(), r => Assert.NotNull(r!["report"]));
        Assert.Equal(12, _api.Registry.TotalCalls);
        Assert.InRange(_api.Registry.PeakInFlight, 1, 2);
    }

    [Fact]
    public async Task A_number_sent_as_a_json_number_keeps_its_digits_and_gets_its_own_reason()
    {
        var response = await Post("""{ "sirets": [3282932000074, null] }""");

        Assert.Equal(200, response.Status);
        var results = response.Json["results"]!.AsArray();
        Assert.Equal("3282932000074", (string?)results[0]!["input"]);
        Assert.Equal(IdentifierError.Codes.LeadingZeroLost, (string?)results[0]!["error"]!["code"]);
        Assert.Null(results[1]!["input"]);
        Assert.Equal(IdentifierError.Codes.Empty, (string?)results[1]!["error"]!["code"]);
        Contract.AssertDocumented(response, ApiOperations.CheckEligibilityBatch);
    }

    [Fact]
    public async Task Registries_down_give_each_input_its_503_error_and_the_batch_still_answers()
    {
        _api.Registry.Outage = (true, TimeSpan.FromSeconds(60));

        var response = await Post($$"""{ "sirets": ["{{Known}}"] }""");

        Assert.Equal(200, response.Status);
        var error = response.Json["results"]![0]!["error"]!;
        Assert.Equal(CheckFailure.Codes.RegistriesUnavailable, (string?)error["code"]);
        Assert.Equal(503, (int?)error["status"]);
    }

    [Fact]
    public async Task More_than_100_numbers_answer_413_batch_too_large()
    {
        var body = new JsonObject { ["sirets"] = new JsonArray(Enumerable.Repeat(Known, 101).Select(s => (JsonNode)s).ToArray()) };

        var response = await Post(body.ToJsonString());

        Contract.AssertProblem(response, 413, ApiProblems.Codes.BatchTooLarge, ApiOperations.CheckEligibilityBatch);
        Assert.Contains("101", (string?)response.Json["detail"]);
        Assert.Contains("100", (string?)response.Json["detail"]);
        Assert.Equal(0, _api.Registry.TotalCalls);
    }

    [Fact]
    public async Task Exactly_100_numbers_are_accepted()
    {
        _api.Registry.Knows(Known);
        var body = new JsonObject { ["sirets"] = new JsonArray(Enumerable.Repeat(Known, 100).Select(s => (JsonNode)s).ToArray()) };

        var response = await Post(body.ToJsonString());

        Assert.Equal(200, response.Status);
        Assert.Equal(100, response.Json["results"]!.AsArray().Count);
        Assert.Equal(1, _api.Registry.TotalCalls);
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_answers_413_before_parsing()
    {
        var response = await Post("{ \"sirets\": [\"" + new string('1', BatchRequestReader.MaxBodyBytes) + "\"] }");

        Contract.AssertProblem(response, 413, ApiProblems.Codes.BatchTooLarge, ApiOperations.CheckEligibilityBatch);
    }

    [Theory]
    [InlineData("", "vide")]
    [InlineData("{ \"sirets\": [\"73282932000074\" ", "JSON valide")]
    [InlineData("[\"73282932000074\"]", "objet JSON")]
    [InlineData("{ \"siret\": \"73282932000074\" }", "« sirets » est obligatoire")]
    [InlineData("{ \"sirets\": \"73282932000074\" }", "« sirets » est obligatoire")]
    [InlineData("{ \"sirets\": [] }", "vide")]
    [InlineData("{ \"sirets\": [\"73282932000074\", { \"siret\": \"1\" }] }", "n° 2")]
    [InlineData("{ \"sirets\": [\"73282932000074\"], \"cpv\": 85311000 }", "« cpv »")]
    public async Task A_malformed_body_answers_400_body_invalid_saying_what_to_change(string body, string expected)
    {
        var response = await Post(body);

        Contract.AssertProblem(response, 400, ApiProblems.Codes.BodyInvalid, ApiOperations.CheckEligibilityBatch);
        Assert.Contains(expected, (string?)response.Json["detail"]);
        Assert.Equal(0, _api.Registry.TotalCalls);
    }

    [Fact]
    public async Task A_malformed_cpv_answers_400_cpv_invalid_for_the_whole_batch()
    {
        var response = await Post($$"""{ "sirets": ["{{Known}}"], "cpv": "social" }""");

        Contract.AssertProblem(response, 400, CpvCode.InvalidCode, ApiOperations.CheckEligibilityBatch);
        Assert.Equal(0, _api.Registry.TotalCalls);
    }
}
