using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The <see cref="EsusCheckMetrics"/> instruments, created from the host's meter factory when there is one.</summary>
    public static IServiceCollection AddEsusCheckTelemetry(this IServiceCollection services)
    {
        services.TryAddSingleton<EsusCheckMetrics>();
        return services;
    }
}
