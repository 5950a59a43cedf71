using EsusCheck.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>The application wired as the function app wires it — core, Table Storage on Azurite with tables unique to
/// this test, and the given in-process registry sources (<see cref="FakeRegistrySource"/>) — with a fake clock and a
/// log collector.</summary>
public sealed class StorageHost : AppOnAzurite
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public StorageHost(
        IEnumerable<IRegistrySource> sources, IDictionary<string, string?>? settings = null, string? connectionString = null,
        Action<IServiceCollection>? configure = null) : base(StorageSettings.For())
    {
        if (connectionString is not null) Settings["Storage:ConnectionString"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) Settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)));
        foreach (var source in sources) services.AddSingleton(source);
        services.AddEsusCheckCore(configuration);
        Build(services, configure);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public FakeLogCollector Logs { get; } = new();

    public TableClient Table(string name) => Azurite.Tables().GetTableClient(name);
}
