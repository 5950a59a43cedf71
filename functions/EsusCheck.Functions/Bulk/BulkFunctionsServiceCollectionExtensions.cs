using EsusCheck.Storage.Bulk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Functions.Bulk;

public static class BulkFunctionsServiceCollectionExtensions
{
    /// <summary>What the bulk functions need beyond <c>AddBulk</c>: the Azure adapters and the HTTP endpoint.</summary>
    public static IServiceCollection AddBulkFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBulkStorage(configuration);
        services.AddSingleton<BulkEndpoint>();
        return services;
    }
}
