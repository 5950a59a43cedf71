namespace EsusCheck.Core.Application;

/// <summary>Where the requests sent to a rate-limited registry are counted: in memory for one process, or in shared
/// storage when the limit belongs to a key that every instance spends (INSEE's 30 requests a minute).</summary>
public interface IRequestLog
{
    /// <summary>Counts one request to <paramref name="registry"/> now when fewer than <paramref name="permits"/> were
    /// counted over the last <paramref name="window"/>, and returns zero; otherwise counts nothing and returns how long
    /// until one may be.</summary>
    Task<TimeSpan> TryTakeAsync(string registry, int permits, TimeSpan window, CancellationToken cancellationToken);
}
