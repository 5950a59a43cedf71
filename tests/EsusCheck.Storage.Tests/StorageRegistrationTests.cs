using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using EsusCheck.Core;
using EsusCheck.Storage.Audit;
using EsusCheck.Storage.Esus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Tests;

public sealed class StorageRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, bool storageFirst = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (storageFirst) services.AddTableStorage(configuration);
        services.AddEsusCheckCore(configuration);
        if (!storageFirst) services.AddTableStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public void Without_storage_configuration_the_core_defaults_stay()
    {
        using var provider = Build([]);

        Assert.IsType<NoFactsCache>(provider.GetRequiredService<IFactsCache>());
        Assert.IsType<InMemoryEsusListStore>(provider.GetRequiredService<IEsusListStore>());
        Assert.IsType<InMemoryCheckAuditLog>(provider.GetRequiredService<ICheckAuditLog>());
        Assert.Null(provider.GetService<TableServiceClient>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_connection_string_registers_the_table_adapters_whatever_the_order(bool storageFirst)
    {
        using var provider = Build(StorageSettings.For(), storageFirst);

        Assert.IsType<TableFactsCache>(provider.GetRequiredService<IFactsCache>());
        Assert.IsType<TableEsusListStore>(provider.GetRequiredService<IEsusListStore>());
        Assert.IsType<TableCheckAuditLog>(provider.GetRequiredService<ICheckAuditLog>());
        Assert.NotNull(provider.GetRequiredService<BlobServiceClient>());
        Assert.NotNull(provider.GetRequiredService<QueueServiceClient>());
        Assert.NotNull(provider.GetRequiredService<EligibilityService>());
    }

    [Fact]
    public void An_account_name_uses_the_account_endpoints_with_a_managed_identity()
    {
        using var provider = Build(new() { ["Storage:AccountName"] = "stesuscheck", ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001" });

        Assert.Equal(new Uri("https://stesuscheck.table.core.windows.net/"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://stesuscheck.blob.core.windows.net/"), provider.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://stesuscheck.queue.core.windows.net/"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.IsType<TableFactsCache>(provider.GetRequiredService<IFactsCache>());
    }

    [Theory]
    [InlineData("Storage:Tables:FactsCache", "registry-cache")]
    [InlineData("Storage:Tables:Audit", "1audit")]
    [InlineData("Storage:Tables:EsusList", "es")]
    public void An_invalid_table_name_fails_at_start(string key, string name)
    {
        var settings = StorageSettings.For();
        settings[key] = name;
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:Tables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_are_created_on_first_use()
    {
        var recherche = new FakeRegistrySource(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Answers.Identity(TimeProvider.System));
        using var host = new StorageHost([recherche]);
        var names = new[] { host.FactsTable, host.EsusTable, host.AuditTable };
        Assert.Empty(await ExistingAsync(names));

        await host.ReportAsync();

        Assert.Equal(names.Order(), (await ExistingAsync(names)).Order());
    }

    private static async Task<List<string>> ExistingAsync(string[] names)
    {
        var found = new List<string>();
        await foreach (var table in Azurite.Tables().QueryAsync()) if (names.Contains(table.Name)) found.Add(table.Name);
        return found;
    }
}
