using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace EsusCheck.Cli.Commands;

/// <summary>Spectre.Console.Cli's container is the CLI's own service collection: commands are constructor-injected
/// with the same services as the rest. The provider is built once and disposed by <see cref="CliApp"/> (asynchronously:
/// some services only dispose that way), not by Spectre.</summary>
internal sealed class ServiceTypeRegistrar(IServiceCollection services) : ITypeRegistrar, IAsyncDisposable
{
    private ServiceProvider? _provider;

    /// <summary>The commands as Spectre modelled them (handed over when it registers its model), for the help and the
    /// French usage errors.</summary>
    public ICommandModel? Model { get; private set; }

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation)
    {
        services.AddSingleton(service, implementation);
        if (implementation is not ICommandModel model) return;
        Model = model;
        services.AddSingleton(model);
    }

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());

    public ITypeResolver Build() => new Resolver(_provider ??= services.BuildServiceProvider());

    public ValueTask DisposeAsync() => _provider?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class Resolver(IServiceProvider provider) : ITypeResolver
    {
        public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);
    }
}
