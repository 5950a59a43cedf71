using System.Reflection;
using EsusCheck.Core.Application;
using EsusCheck.Functions;
using EsusCheck.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EsusCheck.Functions.Tests;

/// <summary>There is no Functions host here: build the app's host (never run it) and resolve every function class,
/// so a DI or options mistake fails this test rather than a deployment.</summary>
public sealed class CompositionRootTests
{
    private static IHost BuildHost(IDictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddEsusCheckFunctions(builder.Configuration);
        return builder.Build();
    }

    private static List<Type> FunctionClasses() => typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToList();

    [Fact]
    public void Every_function_class_resolves_from_the_app_host()
    {
        using var host = BuildHost();

        var functionClasses = FunctionClasses();

        Assert.NotEmpty(functionClasses);
        foreach (var type in functionClasses)
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
    }

    [Fact]
    public void Every_function_class_resolves_with_storage_configured_to_azurite()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:Tables:FactsCache"] = Azurite.UniqueName("cache"),
            ["Storage:Tables:EsusList"] = Azurite.UniqueName("esus"),
            ["Storage:Tables:Audit"] = Azurite.UniqueName("audit"),
        });

        foreach (var type in FunctionClasses())
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        Assert.IsNotType<InMemoryCheckAuditLog>(host.Services.GetRequiredService<ICheckAuditLog>());
        Assert.IsNotType<NoFactsCache>(host.Services.GetRequiredService<IFactsCache>());
        Assert.IsNotType<InMemoryEsusListStore>(host.Services.GetRequiredService<IEsusListStore>());
    }
}
