using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Functions.Chat;

public static class McpServiceCollectionExtensions
{
    /// <summary>The MCP server registered by <c>AddChat</c>, on the SDK's streamable HTTP transport in stateless mode
    /// (no session to keep between instances), behind <see cref="McpGateway"/>.</summary>
    public static IServiceCollection AddMcpHttp(this IServiceCollection services)
    {
        services.AddMcpServer().WithHttpTransport(transport => transport.Stateless = true);
        services.TryAddSingleton<McpTransport>();
        services.TryAddSingleton<McpGateway>();
        return services;
    }
}
