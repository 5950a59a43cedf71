using EsusCheck.Core.Telemetry;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Telemetry;

public static class TelemetryFunctionsServiceCollectionExtensions
{
    /// <summary>The EsusCheck metrics, forwarded to Application Insights; SIRETs hashed in dependency telemetry; the
    /// worker's Information logs kept.</summary>
    public static IServiceCollection AddEsusCheckFunctionsTelemetry(this IServiceCollection services)
    {
        services.AddEsusCheckTelemetry();
        services.AddHostedService<MeterToApplicationInsights>();
        services.AddSingleton<ITelemetryInitializer, SiretScrubbingTelemetryInitializer>();
        // The worker's Application Insights logger keeps only warnings by default: the refresh outcomes and check
        // summaries are Information. host.json's logLevel still governs what the Functions host itself logs.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r =>
                r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (rule is not null) options.Rules.Remove(rule);
            // Request-by-request client logs would drown the rest (and a URL may carry a SIRET): warnings only.
            options.Rules.Add(new LoggerFilterRule(null, "System.Net.Http.HttpClient", LogLevel.Warning, null));
            options.Rules.Add(new LoggerFilterRule(null, "Azure.Core", LogLevel.Warning, null));
        });
        return services;
    }
}
