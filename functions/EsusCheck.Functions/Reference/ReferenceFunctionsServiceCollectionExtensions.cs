using Azure.Data.Tables;
using Azure.Identity;
using EsusCheck.Core.Application;
using EsusCheck.Registries.Reference;
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
        var storage = configuration.GetSection("Storage");
        var connectionString = storage["ConnectionString"];
        var accountName = storage["AccountName"];
        if (string.IsNullOrWhiteSpace(connectionString) && string.IsNullOrWhiteSpace(accountName)) return services;

        // The storage adapters' client when they registered one; otherwise the same two ways they use.
        TableServiceClient Tables(IServiceProvider sp) => sp.GetService<TableServiceClient>() ?? (!string.IsNullOrWhiteSpace(connectionString)
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"),
                new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage["ManagedIdentityClientId"] })));

        // Registered after AddReferenceRefresh's TryAdd defaults, so these win.
        services.AddSingleton<IMarcheCopyStore>(sp => new TableMarcheCopyStore(
            Tables(sp).GetTableClient(sp.GetRequiredService<IOptions<ReferenceOptions>>().Value.MarcheCopyTable),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TableMarcheCopyStore>>()));
        services.AddSingleton<IFinessCopyStore>(sp => new TableFinessCopyStore(
            Tables(sp).GetTableClient(sp.GetRequiredService<IOptions<ReferenceOptions>>().Value.FinessCopyTable),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
