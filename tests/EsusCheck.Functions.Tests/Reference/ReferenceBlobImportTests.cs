using Azure.Storage.Blobs;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using EsusCheck.Functions.Reference;
using EsusCheck.Storage.Reference;
using EsusCheck.Registries.Reference;
using EsusCheck.Testing;
using WireMock.Server;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The DG Trésor file dropped into the reference container: a real XLSX written by MiniExcel, uploaded to
/// Azurite and read back through a blob client, as the Event Grid blob trigger hands it to the function.</summary>
public sealed class ReferenceBlobImportTests : IDisposable
{
    private static readonly DateTimeOffset March2025 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly BlobContainerClient _container = Azurite.Blobs().GetBlobContainerClient(Azurite.UniqueName("reference"));

    private async Task<Stream> DropAsync(string name, byte[] content)
    {
        await _container.CreateIfNotExistsAsync();
        var blob = _container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return await blob.OpenReadAsync();
    }

    [Fact]
    public async Task A_dropped_xlsx_becomes_the_esus_list()
    {
        using var host = new ReferenceTestHost(_server, March2025, esusListPath: null, marcheToken: false);
        await using var content = await DropAsync("liste-esus-2025-02-01.xlsx", ReferenceTestHost.EsusWorkbook("533744991", "880878145", "552 032 534"));

        var result = await host.Get<ReferenceBlobImportFunction>().Run(content, "liste-esus-2025-02-01.xlsx", default);

        Assert.Equal(RefreshOutcome.Succeeded, result.Outcome);
        Assert.IsType<EsusCheck.Storage.Esus.TableEsusListStore>(host.EsusList); // on Azurite
        Assert.IsType<TableMarcheCopyStore>(host.MarcheCopy);
        var info = await host.EsusList.GetInfoAsync(default);
        Assert.Equal(new DateOnly(2025, 2, 1), info!.PublishedOn);
        Assert.Equal(3, info.RowCount);
        Assert.Equal("reference/liste-esus-2025-02-01.xlsx", info.Source);
        Assert.NotNull((await host.EsusList.LookupAsync(IdentifierParser.ParseSiren("552032534").Value!.Value, default)).Entry);
        Assert.Equal(1, host.Refreshes(Lists.Esus, RefreshOutcome.Succeeded));
    }

    [Theory]
    [InlineData("notes.pdf")]
    [InlineData("liste-sans-siren.xlsx")]
    public async Task A_dropped_file_that_is_not_the_list_leaves_the_list_in_place(string name)
    {
        using var host = new ReferenceTestHost(_server, March2025, esusListPath: null, marcheToken: false);
        var function = host.Get<ReferenceBlobImportFunction>();
        await using (var good = await DropAsync("liste-esus-2025-02-01.xlsx", ReferenceTestHost.EsusWorkbook("533744991")))
            await function.Run(good, "liste-esus-2025-02-01.xlsx", default);
        var before = await host.EsusList.GetInfoAsync(default);

        var bad = name.EndsWith(".pdf", StringComparison.Ordinal) ? "%PDF-1.4 pas une liste"u8.ToArray() : NoSirenWorkbook();
        await using var content = await DropAsync(name, bad);
        var result = await function.Run(content, name, default);

        Assert.Equal(RefreshOutcome.Failed, result.Outcome);
        Assert.Equal(Codes.Rejected, result.Code);
        Assert.EndsWith("La liste précédente reste utilisée.", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.EsusList.GetInfoAsync(default));
        Assert.Equal(1, host.Refreshes(Lists.Esus, RefreshOutcome.Failed));
        Assert.Contains(host.Errors, e => e.Message.Contains("previous list stays active", StringComparison.Ordinal));
    }

    private static byte[] NoSirenWorkbook()
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["Nom"] = "Entreprise", ["Ville"] = "Lyon" } });
        return stream.ToArray();
    }

    public void Dispose()
    {
        _server.Dispose();
        _container.DeleteIfExists();
    }
}
