using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;

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

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
