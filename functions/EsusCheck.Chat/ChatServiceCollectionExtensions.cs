using EsusCheck.Chat.Conversation;
using EsusCheck.Chat.Http;
using EsusCheck.Chat.Mcp;
using EsusCheck.Chat.Teams;
using EsusCheck.Core.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;

namespace EsusCheck.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The French conversation, the Teams webhook and the MCP server (the official SDK with our tools; each host
    /// adds its transport). Conversation contexts live in memory unless storage registers its Table Storage store.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChatContextStore, InMemoryChatContextStore>();
        services.TryAddSingleton<ChatService>();
        services.TryAddSingleton<ChatHttpHandler>();
        services.TryAddSingleton<TeamsWebhookHandler>();
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "esuscheck", Title = "EsusCheck", Version = RulesVersion.Current };
                options.ServerInstructions = McpTools.Instructions;
            })
            .WithTools<McpTools>(McpToolRegistration.SchemaOptions)
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpToolCalls.Filter));
        return services;
    }
}
