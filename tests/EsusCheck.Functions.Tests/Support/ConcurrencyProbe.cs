using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>A complement source between our own classes that holds each call a little and records the peak number of
/// calls in flight: one call per check, so the peak is the number of checks running at once.</summary>
public sealed class ConcurrencyProbe(TimeSpan hold) : IRegistrySource
{
    private int _inFlight;
    private int _peak;
    private int _calls;

    public string Name => "probe";
    public SourceRole Role => SourceRole.Complement;
    public int Peak => _peak;
    public int Calls => _calls;

    public async Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var inFlight = Interlocked.Increment(ref _inFlight);
        int peak;
        while (inFlight > (peak = _peak) && Interlocked.CompareExchange(ref _peak, inFlight, peak) != peak) { }
        try
        {
            await Task.Delay(hold, cancellationToken);
            return SourceFacts.NotFound(Name, DateTimeOffset.UnixEpoch);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
