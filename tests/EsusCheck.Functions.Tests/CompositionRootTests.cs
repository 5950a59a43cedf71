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
        using var host = BuildHost(StorageSettings.For());

        foreach (var type in FunctionClasses())
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        Assert.IsNotType<InMemoryCheckAuditLog>(host.Services.GetRequiredService<ICheckAuditLog>());
        Assert.IsNotType<NoFactsCache>(host.Services.GetRequiredService<IFactsCache>());
        Assert.IsNotType<InMemoryEsusListStore>(host.Services.GetRequiredService<IEsusListStore>());
    }

    /// <summary>local.settings.sample.json is what a newcomer copies: every value in it must bind and every options
    /// class the app validates must accept it.</summary>
    [Fact]
    public void The_sample_settings_bind_and_every_function_resolves_with_them()
    {
        var settings = SampleSettings();
        settings["Storage:ConnectionString"] = Azurite.ConnectionString; // « UseDevelopmentStorage=true » means port 10000
        using var host = BuildHost(settings);

        foreach (var type in FunctionClasses())
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        var optionTypes = typeof(EsusOptions).Assembly.GetTypes()
            .Concat(typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes())
            .Concat(typeof(Registries.RegistriesOptions).Assembly.GetTypes())
            .Concat(typeof(Storage.StorageOptions).Assembly.GetTypes())
            .Concat(typeof(EsusCheck.Bulk.BulkOptions).Assembly.GetTypes())
            .Concat(typeof(EsusCheck.Chat.ChatOptions).Assembly.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in optionTypes)
        {
            var accessor = host.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<>).MakeGenericType(type));
            if (accessor is null) continue;
            Assert.NotNull(accessor.GetType().GetProperty("Value")!.GetValue(accessor));
        }
    }

    private static Dictionary<string, string?> SampleSettings()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "local.settings.sample.json"))) dir = dir.Parent;
        Assert.NotNull(dir);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "local.settings.sample.json")));
        return json.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
    }
}
