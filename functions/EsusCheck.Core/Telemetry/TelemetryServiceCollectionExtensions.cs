using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The <see cref="EsusCheckMetrics"/> instruments, created from the container's meter factory (the host's
    /// when it registered one).</summary>
    public static IServiceCollection AddEsusCheckTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<EsusCheckMetrics>();
        return services;
    }
}
