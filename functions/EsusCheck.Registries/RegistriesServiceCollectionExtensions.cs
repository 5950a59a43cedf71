using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Registries;

public static class RegistriesServiceCollectionExtensions
{
    /// <summary>The public registries as <c>IRegistrySource</c>s, with their resilience and pacing.</summary>
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
