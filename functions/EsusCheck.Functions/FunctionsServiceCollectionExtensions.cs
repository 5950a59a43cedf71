using EsusCheck.Bulk;
using EsusCheck.Chat;
using EsusCheck.Core;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Chat;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Reference;
using EsusCheck.Functions.Spaser;
using EsusCheck.Functions.Telemetry;
using EsusCheck.Functions.Web;
using EsusCheck.Registries;
using EsusCheck.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The composition root of the function app, also called by the test that resolves every function.</summary>
    public static IServiceCollection AddEsusCheckFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.AddEsusCheckCore(configuration);
        services.AddRegistries(configuration);
        services.AddTableStorage(configuration);
        services.AddBulk(configuration);
        services.AddBulkFunctions(configuration);
        services.AddSpaserFunctions(configuration);
        services.AddChat(configuration);
        services.AddMcpHttp();
        services.AddHttpApi(configuration);
        services.AddWebPage(configuration);
        services.AddEsusCheckFunctionsTelemetry();
        services.AddReferenceFunctions(configuration);
        return services;
    }
}
