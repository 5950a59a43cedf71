using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EsusCheck.Functions.Tests;

/// <summary><c>GET /api/v1/eligibility/{siret}</c> invoked with a real HttpRequest, for every status it answers.</summary>
public sealed class CheckEligibilityFunctionTests : IAsyncLifetime
{
    private const string Known = "73282932000074";
    private readonly ApiHarness _api = new();

    public CheckEligibilityFunctionTests() => _api.Registry.Knows(Known, b => b.WithLegalForm("9220", "Association déclarée"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<HttpCall.Response> Check(string siret, string? query = null, IDictionary<string, string>? headers = null, ApiHarness? api = null)
    {
        var request = HttpCall.Get($"/api/v1/eligibility/{Uri.EscapeDataString(siret)}", query, headers, new Dictionary<string, string> { ["siret"] = siret });
        return Run((api ?? _api).Function<CheckEligibilityFunction>(), request, siret);
    }

    private static async Task<HttpCall.Response> Run(CheckEligibilityFunction function, Microsoft.AspNetCore.Http.HttpRequest request, string siret) =>
        await (await function.Run(request, siret)).ExecuteAsync(request);

    [Fact]
    public async Task A_known_siret_answers_200_with_the_report_of_the_public_contract()
    {
        var response = await Check("732 829 320 00074", "cpv=85311000-2");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        var report = ReportJson.Deserialize(response.Body)!;
        Assert.Equal(Known, report.Siret);
        Assert.Equal("85311000-2", report.Cpv);
        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        Assert.Equal(ReportJson.Serialize(report), response.Body);
        Assert.Equal(1, _api.Registry.CallsFor(Known));
        Contract.AssertDocumented(response, ApiOperations.CheckEligibility);
    }

    [Fact]
    public async Task A_report_carries_a_strong_etag_and_a_private_max_age()
    {
        var response = await Check(Known);

        var etag = response.Header("ETag");
        Assert.Matches("^\"[A-Za-z0-9_-]{24}\"$", etag);
        Assert.Equal("private, max-age=3600", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task The_etag_ignores_when_the_check_ran_but_follows_what_the_report_says()
    {
        var first = await Check(Known);
        _api.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await Check(Known);
        var withCpv = await Check(Known, "cpv=85311000");

        Assert.NotEqual(first.Json["checkedAt"]!.ToString(), later.Json["checkedAt"]!.ToString());
        Assert.Equal(first.Header("ETag"), later.Header("ETag"));
        Assert.NotEqual(first.Header("ETag"), withCpv.Header("ETag"));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"autre\", {0}")]
    [InlineData("*")]
    public async Task If_none_match_with_the_current_etag_answers_304_without_a_body(string ifNoneMatch)
    {
        var etag = (await Check(Known)).Header("ETag")!;

        var response = await Check(Known, headers: new Dictionary<string, string> { ["If-None-Match"] = string.Format(ifNoneMatch, etag) });

        Assert.Equal(304, response.Status);
        Assert.Equal("", response.Body);
        Assert.Equal(etag, response.Header("ETag"));
        Assert.Equal("private, max-age=3600", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task If_none_match_with_an_old_etag_answers_200()
    {
        var response = await Check(Known, headers: new Dictionary<string, string> { ["If-None-Match"] = "\"ancien-etag\"" });

        Assert.Equal(200, response.Status);
        Assert.NotEqual("", response.Body);
    }

    [Theory]
    [InlineData("12345", IdentifierError.Codes.WrongLength)]
    [InlineData("7328293200007A", IdentifierError.Codes.InvalidCharacters)]
    [InlineData("7,32829E+13", IdentifierError.Codes.ExcelScientificNotation)]
    [InlineData("3282932000074", IdentifierError.Codes.LeadingZeroLost)]
    public async Task A_malformed_siret_answers_400_saying_what_is_wrong_without_asking_the_registry(string siret, string code)
    {
        var response = await Check(siret);

        Contract.AssertProblem(response, 400, code, ApiOperations.CheckEligibility);
        Assert.Equal("Saisie invalide", (string?)response.Json["title"]);
        Assert.Contains(siret, (string?)response.Json["detail"]);
        Assert.Equal(0, _api.Registry.TotalCalls);
    }

    [Fact]
    public async Task A_siret_with_a_wrong_key_that_no_registry_knows_answers_400_checksum()
    {
        var response = await Check("73282932000075");

        Contract.AssertProblem(response, 400, IdentifierError.Codes.InvalidChecksum, ApiOperations.CheckEligibility);
        Assert.Contains("clé de contrôle", (string?)response.Json["detail"]);
    }

    [Fact]
    public async Task A_malformed_cpv_answers_400_cpv_invalid()
    {
        var response = await Check(Known, "cpv=services%20sociaux");

        Contract.AssertProblem(response, 400, CpvCode.InvalidCode, ApiOperations.CheckEligibility);
        Assert.Contains("8 chiffres", (string?)response.Json["detail"]);
    }

    [Fact]
    public async Task A_refresh_value_that_is_not_a_boolean_answers_400_naming_the_parameter()
    {
        var response = await Check(Known, "refresh=oui");

        Contract.AssertProblem(response, 400, ApiProblems.Codes.ParameterInvalid, ApiOperations.CheckEligibility);
        Assert.Contains("« refresh »", (string?)response.Json["detail"]);
    }

    [Fact]
    public async Task A_valid_siret_no_registry_knows_answers_404_siret_unknown()
    {
        var response = await Check("88087814500015");

        Contract.AssertProblem(response, 404, CheckFailure.Codes.UnknownSiret, ApiOperations.CheckEligibility);
        Assert.Equal("Entreprise inconnue", (string?)response.Json["title"]);
        Assert.Contains("880 878 145 00015", (string?)response.Json["detail"]);
        Assert.Equal("/api/v1/eligibility/88087814500015", (string?)response.Json["instance"]);
    }

    [Fact]
    public async Task Registries_down_with_nothing_cached_answer_503_with_the_registry_retry_after()
    {
        _api.Registry.Outage = (true, TimeSpan.FromSeconds(120));

        var response = await Check(Known);

        Contract.AssertProblem(response, 503, CheckFailure.Codes.RegistriesUnavailable, ApiOperations.CheckEligibility);
        Assert.Equal("120", response.Header("Retry-After"));
        Assert.Equal(120, (int?)response.Json["retryAfter"]);
    }

    [Fact]
    public async Task Registries_down_without_a_retry_after_still_say_when_to_retry()
    {
        _api.Registry.Outage = (true, null);

        var response = await Check(Known);

        Assert.Equal(503, response.Status);
        Assert.Equal("30", response.Header("Retry-After"));
    }

    [Fact]
    public async Task A_siren_means_its_head_office()
    {
        _api.HeadOffices.Knows("732829320", Known);

        var response = await Check("732829320");

        Assert.Equal(200, response.Status);
        Assert.Equal(Known, (string?)response.Json["siret"]);
    }

    [Fact]
    public async Task A_siren_without_a_company_answers_404_siren_unknown()
    {
        var response = await Check("418166096");

        Contract.AssertProblem(response, 404, CheckFailure.Codes.UnknownSiren, ApiOperations.CheckEligibility);
    }

    [Fact]
    public async Task Refresh_is_passed_to_the_cache()
    {
        var cache = new Mock<IFactsCache>();
        cache.Setup(c => c.GetOrFetchAsync(It.IsAny<IRegistrySource>(), It.IsAny<Siret>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((IRegistrySource source, Siret siret, bool _, CancellationToken token) => source.FetchAsync(siret, token));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, cache.Object));
        api.Registry.Knows(Known);

        Assert.Equal(200, (await Check(Known, "refresh=true", api: api)).Status);
        Assert.Equal(200, (await Check(Known, api: api)).Status);

        cache.Verify(c => c.GetOrFetchAsync(It.IsAny<IRegistrySource>(), It.IsAny<Siret>(), true, It.IsAny<CancellationToken>()), Times.Once);
        cache.Verify(c => c.GetOrFetchAsync(It.IsAny<IRegistrySource>(), It.IsAny<Siret>(), false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_report_resting_on_an_unavailable_source_must_be_revalidated()
    {
        var marche = new FakeRegistry(SourceNames.MarcheInclusion, SourceRole.Complement) { Outage = (true, null) };
        await using var api = new ApiHarness(services => services.AddSingleton<IRegistrySource>(marche));
        api.Registry.Knows(Known);

        var response = await Check(Known, api: api);

        Assert.Equal(200, response.Status);
        Assert.Equal(ReportCaching.DegradedCacheControl, response.Header("Cache-Control"));
    }

    [Fact]
    public async Task The_max_age_never_outlives_the_server_cache_freshness()
    {
        var freshness = new Mock<ISourceFreshness>();
        freshness.Setup(f => f.FreshnessOf(SourceNames.RechercheEntreprises)).Returns(TimeSpan.FromMinutes(30));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, freshness.Object));
        api.Registry.Knows(Known);

        var response = await Check(Known, api: api);

        // Retrieved 5 minutes before now, kept 30 minutes by the server: 25 minutes left.
        Assert.Equal("private, max-age=1500", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task An_unexpected_error_answers_a_generic_french_500_without_the_exception()
    {
        var esus = new Mock<IEsusListStore>();
        esus.Setup(s => s.LookupAsync(It.IsAny<Siren>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret connection string=AccountKey=abc"));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, esus.Object));
        api.Registry.Knows(Known);

        var response = await Check(Known, api: api);

        Contract.AssertProblem(response, 500, ApiProblems.Codes.InternalError, ApiOperations.CheckEligibility);
        Assert.DoesNotContain("AccountKey", response.Body);
        Assert.Equal("Erreur interne", (string?)response.Json["title"]);
    }

    [Fact]
    public async Task The_caller_client_id_lands_in_the_audit_history()
    {
        await Check(Known, headers: new Dictionary<string, string> { [ClientIdentity.ClientIdHeader] = "connecteur-achats-lyon" });

        var entry = Assert.Single(await _api.Get<ICheckAuditLog>().ListAsync(IdentifierParser.FromRegistry(Known)!.Value, 10, default));
        Assert.Equal("connecteur-achats-lyon", entry.ClientId);
    }
}
