using Azure.Data.Tables;
using Azure.Identity;
using EsusCheck.Chat.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Storage.Chat;

public static class ChatStorageServiceCollectionExtensions
{
    /// <summary>Keeps chat conversation contexts in Table Storage when <c>Storage</c> is configured (connection string or
    /// account name); otherwise the chat's in-memory default stays.</summary>
    public static IServiceCollection AddChatContextStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(storage.ConnectionString) && string.IsNullOrWhiteSpace(storage.AccountName)) return services;

        services.TryAddSingleton(_ => string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new TableServiceClient(new Uri($"https://{storage.AccountName}.table.core.windows.net"), new DefaultAzureCredential())
            : new TableServiceClient(storage.ConnectionString));
        services.AddSingleton<IChatContextStore, TableChatContextStore>();
        return services;
    }
}
