using System.Diagnostics;
using EsusCheck.Core.Telemetry;

namespace EsusCheck.Registries.Http;

/// <summary>Measures every HTTP attempt to one registry (duration, status, 429s). Add it as the innermost handler of
/// the registry's HttpClient (after the resilience handler) so that each retry is measured on its own.</summary>
public sealed class RegistryMetricsHandler(EsusCheckMetrics metrics, string source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            metrics.RegistryAttempt(source, Stopwatch.GetElapsedTime(started), status);
        }
    }
}
