using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The French conversation, the Teams webhook and the MCP tools.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
