using EsusCheck.Chat.Conversation;
using EsusCheck.Chat.Http;
using EsusCheck.Chat.Mcp;
using EsusCheck.Chat.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The French conversation, the Teams webhook and the MCP tools. Conversation contexts live in memory
    /// unless storage registers its Table Storage store.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChatContextStore, InMemoryChatContextStore>();
        services.TryAddSingleton<ChatService>();
        services.TryAddSingleton<ChatHttpHandler>();
        services.TryAddSingleton<TeamsWebhookHandler>();
        services.TryAddSingleton<McpTools>();
        services.TryAddSingleton<McpHandler>();
        return services;
    }
}
