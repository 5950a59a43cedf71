using EsusCheck.Core.Application;
using EsusCheck.Registries.Http;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Registries.Tests;

/// <summary>Run alone, after the parallel tests: the property is measured on a shared machine, and this process's own
/// other tests would only add noise to the server's timestamps.</summary>
[CollectionDefinition(nameof(PacingTests), DisableParallelization = true)]
public sealed class PacingCollection;

[Collection(nameof(PacingTests))]
public sealed class PacingTests : StubbedRegistriesTest
{
    /// <summary>Recherche d'entreprises allows 7 requests per second. Twenty checks at once, a quarter of them
    /// answered 429 first (so retries compete with first attempts), must never put 8 requests in any sliding second,
    /// as the registry itself records them.</summary>
    [Fact]
    public async Task Concurrent_checks_with_retries_never_exceed_seven_requests_in_any_sliding_second()
    {
        const int published = 7;
        var sirets = Enumerable.Range(0, 20).Select(_ => TestSirets.Next()).ToList();
        for (var i = 0; i < sirets.Count; i++)
        {
            if (i % 4 == 0) Stubs.FailsThen(Registry.RechercheEntreprises, sirets[i], 429, 1, Stubs.Found(Registry.RechercheEntreprises, sirets[i]), retryAfterSeconds: 0);
            else Stubs.RechercheFound(sirets[i]);
        }
        await using var services = RegistryTestServices.Build(Stubs, overrides: new Dictionary<string, string?>
        {
            // The production limits (the defaults), which the test kit otherwise turns off.
            ["Registries:RechercheEntreprises:MinInterval"] = new RechercheEntreprises.RechercheEntreprisesOptions().MinInterval.ToString(),
            ["Registries:RechercheEntreprises:RequestsPerWindow"] = new RechercheEntreprises.RechercheEntreprisesOptions().RequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registries:RechercheEntreprises:Window"] = new RechercheEntreprises.RechercheEntreprisesOptions().Window.ToString(),
            ["Registries:RechercheEntreprises:TotalTimeout"] = "00:01:00",
        });
        var checker = services.GetRequiredService<EligibilityService>();
        // Warm the stub server and the client pipeline first: WireMock stamps a request when it handles it, and its
        // very first request (JIT) can hold the next ones back and stamp them together — a bunching made by the
        // measuring instrument, not by the client.
        var warmUp = TestSirets.Next();
        Stubs.RechercheFound(warmUp);
        Assert.True((await checker.CheckAsync(new CheckRequest(warmUp))).Succeeded);

        var outcomes = await Task.WhenAll(sirets.Select(s => checker.CheckAsync(new CheckRequest(s))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Failure?.Detail));
        var times = sirets.SelectMany(s => Stubs.Requests(Registry.RechercheEntreprises, s)).Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(sirets.Count + 5, times.Count);
        var gaps = string.Join(", ", times.Zip(times.Skip(1), (a, b) => (int)(b - a).TotalMilliseconds));
        // Eight requests within one second would be times[i + 7] - times[i] < 1 s for some i.
        for (var i = 0; i + published < times.Count; i++)
            Assert.True(times[i + published] - times[i] >= TimeSpan.FromSeconds(1),
                $"requests {i}..{i + published} arrived within {(times[i + published] - times[i]).TotalMilliseconds} ms (gaps in ms: {gaps})");
    }

    /// <summary>A request holds its place until its answer is read, then for a whole window: an eighth request never
    /// leaves before the first one was answered a full window ago, however long the first one took.</summary>
    [Fact]
    public async Task The_response_window_counts_each_request_from_its_answer()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var limiter = new ResponseWindowLimiter(7, TimeSpan.FromSeconds(1), clock);
        var leases = new List<IDisposable>();
        for (var i = 0; i < 7; i++) leases.Add(await limiter.AcquireAsync(CancellationToken.None));

        var eighth = limiter.AcquireAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(5)); // the first seven are still in flight: no place frees with time alone
        await Task.Delay(50);
        Assert.False(eighth.IsCompleted);

        leases[0].Dispose(); // answered now: its place frees one window later
        clock.Advance(TimeSpan.FromMilliseconds(990));
        await Task.Delay(50);
        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        (await eighth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task The_pacer_spaces_turns_by_its_interval_even_after_an_idle_spell()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var pacer = new Pacer(TimeSpan.FromMilliseconds(170), clock);

        var first = pacer.WaitTurnAsync(CancellationToken.None).AsTask();
        var second = pacer.WaitTurnAsync(CancellationToken.None).AsTask();
        var third = pacer.WaitTurnAsync(CancellationToken.None).AsTask();

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(169));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(2));
        await second;
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(171));
        await third;

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(pacer.WaitTurnAsync(CancellationToken.None).IsCompleted);
        Assert.False(pacer.WaitTurnAsync(CancellationToken.None).IsCompleted); // no burst after idling
    }
}
