using EsusCheck.Core.Application;
using EsusCheck.Core.Telemetry;
using EsusCheck.Storage.Audit;
using EsusCheck.Storage.Cache;
using EsusCheck.Storage.Chat;
using EsusCheck.Storage.Esus;
using EsusCheck.Storage.Quota;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Table Storage cache, ESUS list table and audit history, plus the Table/Blob/Queue service clients, when
    /// <c>Storage</c> is configured (connection string or account name). Otherwise nothing is registered and the core's
    /// in-memory defaults stay (CLI on a laptop). Tables are created on first use.</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.Section);
        services.AddOptions<StorageOptions>().Bind(section)
            .Validate(o => StorageTableNameRules.AreValid(o.Tables), StorageTableNameRules.Message)
            .ValidateOnStart();
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        if (!options.IsConfigured) return services;

        services.AddOptions<FactsCacheOptions>().Bind(configuration.GetSection(FactsCacheOptions.Section));
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.MaxRowsPerSiret > 0 && o.Retention > TimeSpan.Zero, "Audit:MaxRowsPerSiret and Audit:Retention must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddEsusCheckTelemetry();

        services.AddStorageClients(configuration);

        // Last registration wins over the core's TryAdd defaults, whatever the order of the AddXxx calls.
        services.AddSingleton<IFactsCache, TableFactsCache>();
        services.AddSingleton<IEsusListStore, TableEsusListStore>();
        services.AddSingleton<ICheckAuditLog, TableCheckAuditLog>();
        services.AddSingleton<IRequestLog, TableRequestLog>();

        services.AddChatContextStorage(configuration);
        return services;
    }
}
