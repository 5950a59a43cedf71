using System.Net.Http.Headers;
using EsusCheck.Core.Application;
using EsusCheck.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace EsusCheck.Registries.Http;

internal static class RegistryHttpClientBuilderExtensions
{
    /// <summary>Base address, User-Agent, resilience (total timeout → retries honouring Retry-After → circuit
    /// breaker) and, innermost, the paced attempt with its own timeout. The default HTTP logging is removed: it would
    /// write SIRETs in clear (sources log a hash instead); header values were never logged.</summary>
    public static IHttpClientBuilder AddRegistryPipeline<TOptions>(
        this IHttpClientBuilder builder, string sourceName, Action<HttpClient, TOptions>? configure = null)
        where TOptions : RegistrySourceOptions
    {
        builder.Services.AddEsusCheckTelemetry();
        builder.Services.AddKeyedSingleton<IRequestLimiter>(sourceName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            var limiters = new List<IRequestLimiter>();
            if (options.MinInterval > TimeSpan.Zero) limiters.Add(new Pacer(options.MinInterval, clock));
            if (options.RequestsPerWindow > 0)
                limiters.Add(options.SharedQuota
                    ? new SlidingWindowLimiter(sourceName, options.RequestsPerWindow, options.Window, sp.GetRequiredService<IRequestLog>(), clock)
                    : new ResponseWindowLimiter(options.RequestsPerWindow, options.Window, clock));
            return limiters.Count == 1 ? limiters[0] : new CombinedLimiter(limiters);
        });

        builder
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                client.BaseAddress = new Uri(WithTrailingSlash(options.BaseUrl));
                // The pipeline's total timeout is the real bound; this one only backs it up.
                client.Timeout = options.TotalTimeout + TimeSpan.FromSeconds(5);
                client.DefaultRequestHeaders.UserAgent.Clear();
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent",
                    sp.GetRequiredService<IOptions<RegistriesOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                configure?.Invoke(client, options);
            })
            .RemoveAllLoggers()
            // The sources live as long as the app (the facts gatherer is a singleton): connections are recycled
            // instead of handlers, so DNS changes are still picked up.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(sourceName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0) pipeline.AddRetry(RegistryResilience.Retry(options));
                var breaker = RegistryResilience.CircuitBreaker(options);
                var metrics = context.ServiceProvider.GetRequiredService<EsusCheckMetrics>();
                breaker.OnOpened = _ =>
                {
                    metrics.CircuitOpened(sourceName);
                    return ValueTask.CompletedTask;
                };
                pipeline.AddCircuitBreaker(breaker);
            });

        return builder.AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                return new PacedAttemptHandler(sp.GetRequiredKeyedService<IRequestLimiter>(sourceName), options.AttemptTimeout,
                    options.MaxQueueWait, options.MaxResponseBytes, sp.GetRequiredService<TimeProvider>());
            })
            // Innermost: measures each attempt on the wire (latency, status, 429s), not the wait for the pace.
            .AddHttpMessageHandler(sp => new RegistryMetricsHandler(sp.GetRequiredService<EsusCheckMetrics>(), sourceName));
    }

    private static string WithTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
