using EsusCheck.Chat.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Storage.Chat;

public static class ChatStorageServiceCollectionExtensions
{
    /// <summary>Keeps chat conversation contexts in Table Storage when <c>Storage</c> is configured (connection string or
    /// account name); otherwise the chat's in-memory default stays.</summary>
    public static IServiceCollection AddChatContextStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!storage.IsConfigured) return services;

        services.AddStorageClients(configuration);
        services.AddSingleton<IChatContextStore, TableChatContextStore>();
        return services;
    }
}
