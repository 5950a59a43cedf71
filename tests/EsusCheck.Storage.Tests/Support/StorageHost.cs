using Azure.Data.Tables;
using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>The application wired as the function app wires it — core, Table Storage on Azurite with tables unique to
/// this test, and the given registry sources — with a fake clock and a log collector.</summary>
public sealed class StorageHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public StorageHost(
        IEnumerable<IRegistrySource> sources, IDictionary<string, string?>? settings = null, string? connectionString = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = StorageSettings.For();
        if (connectionString is not null) values["Storage:ConnectionString"] = connectionString;
        FactsTable = values["Storage:Tables:FactsCache"]!;
        EsusTable = values["Storage:Tables:EsusList"]!;
        AuditTable = values["Storage:Tables:Audit"]!;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)));
        foreach (var source in sources) services.AddSingleton(source);
        services.AddEsusCheckCore(configuration);
        services.AddTableStorage(configuration);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public FakeLogCollector Logs { get; } = new();
    public string FactsTable { get; }
    public string EsusTable { get; }
    public string AuditTable { get; }

    public EligibilityService Service => _provider.GetRequiredService<EligibilityService>();
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();
    public TableClient Table(string name) => Azurite.Tables().GetTableClient(name);

    public Task<CheckOutcome> CheckAsync(string siret = Answers.KnownSiret, bool refresh = false, string? clientId = null) =>
        Service.CheckAsync(new CheckRequest(siret, Refresh: refresh, ClientId: clientId));

    public async Task<EligibilityReport> ReportAsync(string siret = Answers.KnownSiret, bool refresh = false, string? clientId = null)
    {
        var outcome = await CheckAsync(siret, refresh, clientId);
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Report!;
    }

    public void Dispose() => _provider.Dispose();
}
