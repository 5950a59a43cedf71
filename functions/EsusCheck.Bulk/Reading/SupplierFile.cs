namespace EsusCheck.Bulk.Reading;

/// <summary>An opened supplier file: its layout, and its rows streamed once, in order (preamble, header, data).
/// Blank lines are skipped and counted.</summary>
public sealed class SupplierFile(FileLayout layout, Func<SupplierFile, IAsyncEnumerable<SourceRow>> rows, IAsyncDisposable resources)
    : IAsyncDisposable
{
    public FileLayout Layout { get; } = layout;

    public IAsyncEnumerable<SourceRow> Rows => rows(this);

    /// <summary>Blank lines met so far (complete once <see cref="Rows"/> has been enumerated).</summary>
    public long BlankLines { get; internal set; }

    public ValueTask DisposeAsync() => resources.DisposeAsync();
}
