using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using EsusCheck.Chat;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Chat;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Reference;
using EsusCheck.Functions.Web;
using EsusCheck.Functions.Spaser;
using EsusCheck.Spaser.Processing;
using EsusCheck.Storage.Bulk;
using EsusCheck.Storage.Spaser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Serve;

public static class ServeServices
{
    /// <summary>The composition root of <c>esuscheck serve</c>: the CLI's services (memory cache, or Table Storage when
    /// <c>Storage:ConnectionString</c> is set), the function app's HTTP classes, and the bulk pipeline run in process:
    /// job state in memory (a table with storage), files in the data folder (blobs with storage), the work queue in
    /// memory either way. SPASER uploads (DECP files) run on the same pipeline.</summary>
    public static IServiceCollection AddEsusCheckServe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEsusCheckLocal(configuration);
        services.AddReferenceFunctions(configuration);
        services.AddChat(configuration);
        services.AddMcpHttp();
        services.AddHttpApi(configuration);
        services.AddWebPage(configuration);
        services.AddOptions<ServeOptions>().Bind(configuration.GetSection(ServeOptions.Section));
        // The page shows its key field from the start only when this server asks for a key.
        services.PostConfigure<WebPageOptions>(o => o.KeyRequired = !string.IsNullOrEmpty(configuration[$"{ServeOptions.Section}:{nameof(ServeOptions.ApiKey)}"]));

        services.AddSingleton<BulkEndpoint>();
        if (CliServices.HasStorage(configuration)) services.AddBulkStorage(configuration);
        else services.AddSingleton<IBulkJobStore, InMemoryBulkJobStore>();
        services.AddSingleton<InMemoryBulkWorkQueue>();
        services.AddSingleton<IBulkWorkQueue>(sp => sp.GetRequiredService<InMemoryBulkWorkQueue>());
        services.AddSingleton<BulkInbox>();
        services.AddSingleton<IBulkFileStore>(sp => new InboxBulkFileStore(
            CliServices.HasStorage(configuration)
                ? ActivatorUtilities.CreateInstance<BlobBulkFileStore>(sp)
                : new FolderBulkFileStore(DataFolder(sp, "serve")),
            sp.GetRequiredService<BulkInbox>()));
        services.AddSingleton<SpaserEndpoint>();
        services.AddSingleton<ISpaserInputStore>(sp => new InboxSpaserInputStore(
            CliServices.HasStorage(configuration)
                ? ActivatorUtilities.CreateInstance<BlobSpaserInputStore>(sp)
                : new FolderSpaserInputStore(DataFolder(sp, "serve-spaser")),
            sp.GetRequiredService<BulkInbox>()));
        services.AddHostedService<InProcessBulkWorker>();
        return services;
    }

    private static string DataFolder(IServiceProvider services, string name) =>
        Path.Combine(services.GetRequiredService<IOptions<CliOptions>>().Value.ResolvedDataDirectory, name);
}
