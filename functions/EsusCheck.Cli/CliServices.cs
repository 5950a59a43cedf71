using EsusCheck.Bulk;
using EsusCheck.Cli.Output;
using EsusCheck.Cli.Storage;
using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Registries;
using EsusCheck.Registries.Esus;
using EsusCheck.Registries.Reference;
using EsusCheck.Spaser;
using EsusCheck.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Cli;

/// <summary>The composition root of the CLI: the same core and registries as the function app, the ESUS list kept in
/// a local file (or in Table Storage when <c>Storage:ConnectionString</c> is set); the commands themselves are
/// registered by Spectre.Console.Cli (<see cref="Commands.CliCommands"/>).</summary>
public static class CliServices
{
    public static IServiceCollection AddEsusCheckCli(this IServiceCollection services, IConfiguration configuration, CliConsole console)
    {
        services.AddLogging();
        services.AddSingleton(console);
        services.AddSingleton(configuration);
        return services.AddEsusCheckLocal(configuration);
    }

    /// <summary>The application services of a process on a laptop (every command, and <c>esuscheck serve</c>).</summary>
    public static IServiceCollection AddEsusCheckLocal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CliOptions>().Bind(configuration.GetSection(CliOptions.Section));
        services.AddEsusCheckCore(configuration);
        services.AddRegistries(configuration);
        services.AddReferenceRefresh(configuration);
        // The reference copies are remembered in the data folder between runs.
        services.AddSingleton<IMarcheCopyStore, FileMarcheCopyStore>();
        services.AddSingleton<IFinessCopyStore, FileFinessCopyStore>();
        services.AddBulk(configuration);
        services.AddSpaser(configuration);

        if (HasStorage(configuration))
            services.AddTableStorage(configuration);
        // Without storage, answers are kept for the run: a bulk file's batched prefetch fills what its checks read.
        if (services.LastOrDefault(d => d.ServiceType == typeof(IFactsCache))?.ImplementationType == typeof(NoFactsCache))
            services.AddSingleton<IFactsCache, InMemoryFactsCache>();
        // Without a storage adapter for the list, the in-memory default would forget an import as soon as the
        // process ends: the CLI remembers it in a file instead.
        if (services.LastOrDefault(d => d.ServiceType == typeof(IEsusListStore))?.ImplementationType == typeof(InMemoryEsusListStore))
            services.AddSingleton<IEsusListStore, FileEsusListStore>();
        return services;
    }

    public static bool HasStorage(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"]);
}
