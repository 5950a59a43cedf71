using System.Net.Http.Headers;

namespace EsusCheck.Registries.Http;

internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response) => Of(response?.Headers);

    /// <summary>The delay a 429/503 asks for, as a delta or a date; null when absent.</summary>
    public static TimeSpan? Of(HttpResponseHeaders? headers)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
