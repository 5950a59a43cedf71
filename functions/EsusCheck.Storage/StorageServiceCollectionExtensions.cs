using EsusCheck.Storage.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Table Storage cache, ESUS list table and audit history, when <c>Storage</c> is configured.</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddChatContextStorage(configuration);
        return services;
    }
}
