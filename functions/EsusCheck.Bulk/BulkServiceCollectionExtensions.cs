using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Bulk;

public static class BulkServiceCollectionExtensions
{
    /// <summary>The bulk supplier-file pipeline.</summary>
    public static IServiceCollection AddBulk(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
