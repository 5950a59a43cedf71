using EsusCheck.Registries.Http;
using EsusCheck.Storage.Quota;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Tests.Quota;

/// <summary>INSEE's 30 requests a minute belong to the key: every instance must spend one budget. Two limiters, each
/// with its own table client (as two instances would have), share the request log on Azurite; the clock is fake, so
/// the property is checked on the times the limiters granted, without any timing assertion.</summary>
public sealed class TableRequestLogTests
{
    private const int Permits = 30;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(61);

    [Fact]
    public async Task Two_instances_sharing_one_table_budget_never_exceed_thirty_requests_in_any_minute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var storage = Options.Create(new StorageOptions { Tables = new StorageTableNames { RequestLog = Azurite.UniqueName("quota") } });
        var gate = new ClockGate(clock);
        var granted = new List<(int Instance, DateTimeOffset At)>();
        var instances = Enumerable.Range(0, 2)
            .Select(n => new SlidingWindowLimiter("insee-sirene", Permits, Window,
                new RecordingLog(new TableRequestLog(Azurite.Tables(), storage, clock), gate, at => { lock (granted) granted.Add((n, at)); }), clock))
            .ToList();

        var requests = Enumerable.Range(0, 100).Select(i => instances[i % 2].AcquireAsync(CancellationToken.None).AsTask()).ToList();
        for (var step = 0; step < 2000 && requests.Any(r => !r.IsCompleted); step++)
        {
            await Task.Delay(20);
            await gate.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
        await Task.WhenAll(requests);

        Assert.Equal(100, granted.Count);
        Assert.Contains(granted, g => g.Instance == 0);
        Assert.Contains(granted, g => g.Instance == 1);
        var times = granted.Select(g => g.At).Order().ToList();
        for (var i = 0; i + Permits < times.Count; i++)
            Assert.True(times[i + Permits] - times[i] >= TimeSpan.FromMinutes(1),
                $"requests {i}..{i + Permits} were granted within {times[i + Permits] - times[i]}");
    }

    /// <summary>Time moves only between two reads of the log, never during one, so that the time a grant is recorded at
    /// is the time the log decided it at.</summary>
    private sealed class ClockGate(FakeTimeProvider clock)
    {
        private int _inFlight;
        private volatile bool _advancing;

        public DateTimeOffset Now => clock.GetUtcNow();

        public async Task EnterAsync()
        {
            while (true)
            {
                while (_advancing) await Task.Delay(1);
                Interlocked.Increment(ref _inFlight);
                if (!_advancing) return;
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public void Leave() => Interlocked.Decrement(ref _inFlight);

        public async Task AdvanceAsync(TimeSpan by)
        {
            _advancing = true;
            while (Volatile.Read(ref _inFlight) > 0) await Task.Delay(1);
            clock.Advance(by);
            _advancing = false;
        }
    }

    private sealed class RecordingLog(IRequestLog inner, ClockGate gate, Action<DateTimeOffset> granted) : IRequestLog
    {
        public async Task<TimeSpan> TryTakeAsync(string registry, int permits, TimeSpan window, CancellationToken cancellationToken)
        {
            await gate.EnterAsync();
            try
            {
                var wait = await inner.TryTakeAsync(registry, permits, window, cancellationToken);
                if (wait == TimeSpan.Zero) granted(gate.Now);
                return wait;
            }
            finally
            {
                gate.Leave();
            }
        }
    }

    [Fact]
    public async Task A_full_window_says_how_long_until_the_oldest_request_leaves_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var storage = Options.Create(new StorageOptions { Tables = new StorageTableNames { RequestLog = Azurite.UniqueName("quota") } });
        var log = new TableRequestLog(Azurite.Tables(), storage, clock);

        Assert.Equal(TimeSpan.Zero, await log.TryTakeAsync("insee-sirene", 2, Window, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, await log.TryTakeAsync("insee-sirene", 2, Window, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(Window - TimeSpan.FromSeconds(15), await log.TryTakeAsync("insee-sirene", 2, Window, CancellationToken.None));
        // Another registry has its own budget.
        Assert.Equal(TimeSpan.Zero, await log.TryTakeAsync("other", 2, Window, CancellationToken.None));
    }
}
