using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Registries.Reference;
using EsusCheck.Storage;
using EsusCheck.Storage.Reference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Reference;

public static class ReferenceFunctionsServiceCollectionExtensions
{
    /// <summary>The reference refresh, with the Marché and FINESS copies in Table Storage when <c>Storage</c> is configured (a
    /// connection string locally, the account name with the managed identity on Azure); in memory otherwise.</summary>
    public static IServiceCollection AddReferenceFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReferenceRefresh(configuration);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!storage.IsConfigured) return services;
        services.AddStorageClients(configuration);

        // Registered after AddReferenceRefresh's TryAdd defaults, so these win.
        services.AddSingleton<IMarcheCopyStore>(sp => new TableMarcheCopyStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<ReferenceOptions>>().Value.MarcheCopyTable),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TableMarcheCopyStore>>()));
        services.AddSingleton<IFinessCopyStore>(sp => new TableFinessCopyStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<ReferenceOptions>>().Value.FinessCopyTable),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
