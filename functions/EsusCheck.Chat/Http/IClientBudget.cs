namespace EsusCheck.Chat.Http;

/// <summary>The host's per-minute budget of checks per client (the HTTP API's limiter), for an endpoint that learns whose
/// budget a request spends only once it has authenticated it itself (the Teams webhook: the signed activity names the
/// channel).</summary>
public interface IClientBudget
{
    /// <summary>The units granted per client and minute.</summary>
    int PerMinute { get; }

    /// <summary>Takes <paramref name="units"/> from <paramref name="client"/>'s budget within <paramref name="channel"/>
    /// (clients of two channels never share a budget): null when granted, else how long to wait.</summary>
    TimeSpan? TryTake(string channel, string client, int units);
}
