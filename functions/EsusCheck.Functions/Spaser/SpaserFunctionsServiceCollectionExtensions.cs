using EsusCheck.Spaser;
using EsusCheck.Storage.Spaser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Functions.Spaser;

public static class SpaserFunctionsServiceCollectionExtensions
{
    /// <summary>SPASER jobs in the function app: the pipeline (<c>AddSpaser</c>), its blob input store and the HTTP endpoint.</summary>
    public static IServiceCollection AddSpaserFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSpaser(configuration);
        services.AddSpaserStorage(configuration);
        services.AddSingleton<SpaserEndpoint>();
        return services;
    }
}
