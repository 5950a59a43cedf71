using EsusCheck.Core.Reports;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>The harness base of this project: the application with Table Storage on Azurite (<see cref="StorageSettings"/>:
/// tables unique to one test) over the registries a derived host registers, checked as the function app checks.</summary>
public abstract class AppOnAzurite : IDisposable
{
    private ServiceProvider? _provider;

    protected AppOnAzurite(Dictionary<string, string?> settings)
    {
        Settings = settings;
        FactsTable = settings["Storage:Tables:FactsCache"]!;
        EsusTable = settings["Storage:Tables:EsusList"]!;
        AuditTable = settings["Storage:Tables:Audit"]!;
    }

    protected Dictionary<string, string?> Settings { get; }
    public string FactsTable { get; }
    public string EsusTable { get; }
    public string AuditTable { get; }

    private ServiceProvider Provider => _provider ?? throw new InvalidOperationException("Call Build() in the constructor.");

    public EligibilityService Service => Provider.GetRequiredService<EligibilityService>();
    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Adds Table Storage from <see cref="Settings"/> (last, so it wins over the core's defaults), then the test's
    /// own replacements, and builds with scope and build validation.</summary>
    protected void Build(IServiceCollection services, Action<IServiceCollection>? configure)
    {
        services.AddTableStorage(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public Task<CheckOutcome> CheckAsync(string siret = Answers.KnownSiret, bool refresh = false, string? clientId = null) =>
        Service.CheckAsync(new CheckRequest(siret, Refresh: refresh, ClientId: clientId));

    public async Task<EligibilityReport> ReportAsync(string siret = Answers.KnownSiret, bool refresh = false, string? clientId = null)
    {
        var outcome = await CheckAsync(siret, refresh, clientId);
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Report!;
    }

    public virtual void Dispose()
    {
        _provider?.Dispose();
        GC.SuppressFinalize(this);
    }
}
