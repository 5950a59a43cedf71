using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;
using Moq;

namespace EsusCheck.Functions.Tests;

/// <summary><c>GET /api/v1/eligibility/{siret}/history</c> invoked with a real HttpRequest.</summary>
public sealed class EligibilityHistoryFunctionTests : IAsyncLifetime
{
    private readonly string _known = TestSirets.Next();
    private readonly ApiHarness _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<HttpCall.Response> History(ApiHarness api, string siret, string? query = null, string? caller = null)
    {
        var request = HttpCall.Get($"/api/v1/eligibility/{Uri.EscapeDataString(siret)}/history", query,
            headers: caller is null ? null : new Dictionary<string, string> { [ClientIdentity.ClientIdHeader] = caller },
            route: new Dictionary<string, string> { ["siret"] = siret });
        return await (await api.Function<EligibilityFunctions>().History(request, siret)).ExecuteAsync(request);
    }

    private async Task CheckAt(TimeSpan after, string? cpv, string clientId)
    {
        _api.Clock.Advance(after);
        var query = cpv is null ? null : "cpv=" + cpv;
        var response = await CheckEligibilityFunctionTests.Check(_api, _known, query,
            new Dictionary<string, string> { [ClientIdentity.ClientIdHeader] = clientId });
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task The_history_lists_every_check_newest_first_with_what_was_answered_and_for_whom()
    {
        _api.Stubs.RechercheFound(_known, new StubCompany { LegalForm = "9220", EstEss = true });
        await CheckAt(TimeSpan.Zero, null, "mairie-a");
        await CheckAt(TimeSpan.FromHours(1), "85311000-2", "mairie-b");

        var response = await History(_api, _known, caller: "mairie-b");

        Assert.Equal(200, response.Status);
        Contract.AssertDocumented(response, ApiOperations.GetEligibilityHistory);
        Assert.Equal(_known, (string?)response.Json["siret"]);
        Assert.Equal(2, (int?)response.Json["count"]);
        var entries = response.Json["entries"]!.AsArray();
        // Every check is listed, but only the caller's own client id is shown.
        Assert.Equal(new string?[] { "mairie-b", null }, entries.Select(e => (string?)e!["clientId"]).ToArray());
        Assert.Equal("85311000-2", (string?)entries[0]!["cpv"]);
        Assert.Equal("yes", (string?)entries[0]!["ess"]);
        Assert.Equal("to_verify", (string?)entries[0]!["reservedContracts"]!["L2113-15"]);
        Assert.True(DateTimeOffset.Parse((string)entries[0]!["checkedAt"]!) > DateTimeOffset.Parse((string)entries[1]!["checkedAt"]!));
    }

    [Fact]
    public async Task Max_bounds_the_rows_returned()
    {
        _api.Stubs.RechercheFound(_known);
        for (var i = 0; i < 3; i++) await CheckAt(TimeSpan.FromMinutes(1), null, $"client-{i}");

        var response = await History(_api, $"{_known[..9]} {_known[9..]}", "max=2", caller: "client-1");

        Assert.Equal(2, (int?)response.Json["count"]);
        Assert.Equal(new string?[] { null, "client-1" }, response.Json["entries"]!.AsArray().Select(e => (string?)e!["clientId"]).ToArray());
    }

    [Fact]
    public async Task A_siret_never_checked_has_an_empty_history()
    {
        var response = await History(_api, _known);

        Assert.Equal(200, response.Status);
        Assert.Equal(0, (int?)response.Json["count"]);
        Assert.Empty(response.Json["entries"]!.AsArray());
    }

    [Theory]
    [InlineData("732829320", IdentifierError.Codes.WrongLength)]
    [InlineData("abc", IdentifierError.Codes.InvalidCharacters)]
    public async Task A_malformed_siret_answers_400(string siret, string code)
    {
        var response = await History(_api, siret);

        Contract.AssertProblem(response, 400, code, ApiOperations.GetEligibilityHistory);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("dix")]
    public async Task A_max_out_of_range_answers_400_parameter_invalid(string max)
    {
        var response = await History(_api, _known, "max=" + max);

        Contract.AssertProblem(response, 400, ApiProblems.Codes.ParameterInvalid, ApiOperations.GetEligibilityHistory);
        Assert.Contains("entre 1 et 500", (string?)response.Json["detail"]);
    }

    [Fact]
    public async Task A_history_store_failure_answers_the_generic_500()
    {
        var audit = new Mock<ICheckAuditLog>();
        audit.Setup(a => a.ListAsync(It.IsAny<Siret>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("table unreachable"));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, audit.Object));

        var response = await History(api, _known);

        Contract.AssertProblem(response, 500, ApiProblems.Codes.InternalError, ApiOperations.GetEligibilityHistory);
        Assert.DoesNotContain("unreachable", response.Body);
    }
}
