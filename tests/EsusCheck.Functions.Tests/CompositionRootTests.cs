using System.Reflection;
using EsusCheck.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EsusCheck.Functions.Tests;

/// <summary>There is no Functions host here: build the app's host (never run it) and resolve every function class,
/// so a DI or options mistake fails this test rather than a deployment.</summary>
public sealed class CompositionRootTests
{
    [Fact]
    public void Every_function_class_resolves_from_the_app_host()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddEsusCheckFunctions(builder.Configuration);
        using var host = builder.Build();

        var functionClasses = typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();

        Assert.NotEmpty(functionClasses);
        foreach (var type in functionClasses)
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
    }
}
