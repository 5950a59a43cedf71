using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Functions.Web;

public static class WebPageServiceCollectionExtensions
{
    public static IServiceCollection AddWebPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebPageOptions>().Bind(configuration.GetSection(WebPageOptions.Section));
        services.TryAddSingleton<WebPage>();
        return services;
    }
}
