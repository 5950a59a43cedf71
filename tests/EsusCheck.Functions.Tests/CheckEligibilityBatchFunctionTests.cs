using System.Text.Json.Nodes;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Functions.Tests;

/// <summary><c>POST /api/v1/eligibility</c> invoked with a real HttpRequest and body, the registries played by WireMock.</summary>
public sealed class CheckEligibilityBatchFunctionTests : IAsyncLifetime
{
    private readonly string _known = TestSirets.Next();
    private readonly string _alsoKnown = TestSirets.Next();
    private readonly ApiHarness _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<HttpCall.Response> Post(ApiHarness api, string body)
    {
        var request = HttpCall.Request("POST", "/api/v1/eligibility", body: body);
        return await (await api.Function<EligibilityFunctions>().CheckBatch(request)).ExecuteAsync(request);
    }

    private Task<HttpCall.Response> Post(string body) => Post(_api, body);

    private static string Body(IEnumerable<string> sirets) =>
        new JsonObject { ["sirets"] = new JsonArray(sirets.Select(s => (JsonNode)s).ToArray()) }.ToJsonString();

    [Fact]
    public async Task Every_input_gets_its_result_in_order_and_duplicates_are_checked_once()
    {
        var unknown = TestSirets.Next();
        _api.Stubs.RechercheFound(_known, new StubCompany { LegalForm = "9220", EstEss = true }).RechercheFound(_alsoKnown).RechercheUnknown(unknown);
        var spaced = $"{_known[..3]} {_known[3..6]} {_known[6..9]} {_known[9..]}";

        var response = await Post($$"""
            { "sirets": ["{{_known}}", "12345", "{{spaced}}", "{{unknown}}", "{{_alsoKnown}}", "{{_known}}"], "cpv": "85311000-2" }
            """);

        Assert.Equal(200, response.Status);
        Contract.AssertDocumented(response, ApiOperations.CheckEligibilityBatch);
        var results = response.Json["results"]!.AsArray();
        Assert.Equal(6, (int?)response.Json["count"]);
        Assert.Equal(new string?[] { _known, "12345", spaced, unknown, _alsoKnown, _known }, results.Select(r => (string?)r!["input"]).ToArray());
        Assert.Equal(_known, (string?)results[0]!["report"]!["siret"]);
        Assert.Equal("85311000-2", (string?)results[0]!["report"]!["cpv"]);
        Assert.Equal("to_verify", (string?)results[0]!["report"]!["reservedContracts"]![3]!["status"]);
        Assert.Equal(3, results[0]!["report"]!["reservedContracts"]![3]!["conditions"]!.AsArray().Count);
        Assert.Equal(IdentifierError.Codes.WrongLength, (string?)results[1]!["error"]!["code"]);
        Assert.Equal(400, (int?)results[1]!["error"]!["status"]);
        Assert.Null(results[1]!["report"]);
        Assert.Equal(_known, (string?)results[2]!["report"]!["siret"]);
        Assert.Equal(CheckFailure.Codes.UnknownSiret, (string?)results[3]!["error"]!["code"]);
        Assert.Equal(404, (int?)results[3]!["error"]!["status"]);
        Assert.Equal(_alsoKnown, (string?)results[4]!["report"]!["siret"]);
        Assert.Equal(_known, (string?)results[5]!["report"]!["siret"]);
        Assert.Null(results[5]!["error"]);

        Assert.Equal(1, _api.RechercheCalls(_known));
        Assert.Equal(1, _api.RechercheCalls(_alsoKnown));
        Assert.Equal(3, _api.Stubs.RequestCount(Registry.RechercheEntreprises));
        Assert.Single(await _api.Get<ICheckAuditLog>().ListAsync(IdentifierParser.FromRegistry(_known)!.Value, 10, default));
    }

    [Fact]
    public async Task Distinct_numbers_are_checked_with_bounded_concurrency()
    {
        // One complement call per check, held a little so that checks overlap: the peak in flight is the checks at once.
        var probe = new FakeRegistrySource("probe", SourceRole.Complement, _ => SourceFacts.NotFound("probe", DateTimeOffset.UnixEpoch))
        {
            Hold = TimeSpan.FromMilliseconds(40),
        };
        await using var api = new ApiHarness(services => services.AddSingleton<IRegistrySource>(probe),
            new Dictionary<string, string?> { ["HttpApi:BatchConcurrency"] = "2" });
        var sirets = Enumerable.Range(0, 8).Select(_ => TestSirets.Next()).ToList();
        foreach (var siret in sirets) api.Stubs.RechercheFound(siret);

        var response = await Post(api, Body(sirets));

        Assert.Equal(200, response.Status);
        Assert.All(response.Json["results"]!.AsArray(), r => Assert.NotNull(r!["report"]));
        Assert.Equal(8, probe.Calls);
        Assert.InRange(probe.Peak, 1, 2);
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
    public async Task Registries_down_give_the_input_its_503_error_and_the_batch_still_answers_the_others()
    {
        _api.Stubs.RechercheFound(_known).Fails(Registry.RechercheEntreprises, _alsoKnown, 500);

        var response = await Post(Body([_alsoKnown, _known]));

        Assert.Equal(200, response.Status);
        var results = response.Json["results"]!.AsArray();
        Assert.Equal(CheckFailure.Codes.RegistriesUnavailable, (string?)results[0]!["error"]!["code"]);
        Assert.Equal(503, (int?)results[0]!["error"]!["status"]);
        Assert.Equal(_known, (string?)results[1]!["report"]!["siret"]);
    }

    [Fact]
    public async Task More_than_100_numbers_answer_413_batch_too_large()
    {
        var response = await Post(Body(Enumerable.Repeat(_known, 101)));

        Contract.AssertProblem(response, 413, ApiProblems.Codes.BatchTooLarge, ApiOperations.CheckEligibilityBatch);
        Assert.Contains("101", (string?)response.Json["detail"]);
        Assert.Contains("100", (string?)response.Json["detail"]);
        Assert.Empty(_api.Stubs.Server.LogEntries);
    }

    [Fact]
    public async Task Exactly_100_numbers_are_accepted()
    {
        _api.Stubs.RechercheFound(_known);

        var response = await Post(Body(Enumerable.Repeat(_known, 100)));

        Assert.Equal(200, response.Status);
        Assert.Equal(100, response.Json["results"]!.AsArray().Count);
        Assert.Equal(1, _api.RechercheCalls(_known));
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
        Assert.Empty(_api.Stubs.Server.LogEntries);
    }

    [Fact]
    public async Task A_malformed_cpv_answers_400_cpv_invalid_for_the_whole_batch()
    {
        var response = await Post($$"""{ "sirets": ["{{_known}}"], "cpv": "social" }""");

        Contract.AssertProblem(response, 400, CpvCode.InvalidCode, ApiOperations.CheckEligibilityBatch);
        Assert.Empty(_api.Stubs.Server.LogEntries);
    }
}
