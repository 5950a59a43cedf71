using System.Threading.Channels;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace EsusCheck.Bulk.Output;

/// <summary>Writes the result rows to an XLSX stream while they are produced: rows go through a bounded channel to
/// MiniExcel, which writes them as it enumerates, so memory stays flat. Every cell is text: the input cells are
/// written back as they were read.</summary>
internal sealed class XlsxOutputWriter : IAsyncDisposable
{
    /// <summary>Excel's limits: rows per sheet, characters per cell.</summary>
    public const int MaxRows = 1_048_576;
    private const int MaxCellLength = 32_000;

    private readonly Channel<Dictionary<string, object>> _rows = Channel.CreateBounded<Dictionary<string, object>>(512);
    private readonly Task _writer;
    private readonly string[] _keys;

    public XlsxOutputWriter(Stream output, int width, string sheetName)
    {
        _keys = Enumerable.Range(0, width).Select(i => "c" + i).ToArray();
        var configuration = new OpenXmlConfiguration { FastMode = false, AutoFilter = false, TableStyles = TableStyles.None };
        _writer = Task.Run(() => MiniExcel.SaveAs(output, _rows.Reader.ReadAllAsync().ToBlockingEnumerable(),
            printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration));
        // A writer that fails must unblock a producer waiting on a full channel.
        _writer.ContinueWith(t => _rows.Writer.TryComplete(t.Exception), TaskScheduler.Default);
    }

    public async Task WriteRowAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        var row = new Dictionary<string, object>(_keys.Length);
        for (var i = 0; i < _keys.Length; i++)
        {
            var value = i < cells.Count ? cells[i] : "";
            row[_keys[i]] = value.Length > MaxCellLength ? value[..(MaxCellLength - 1)] + "…" : value;
        }
        if (_writer.IsCompleted) await _writer;
        await _rows.Writer.WriteAsync(row, cancellationToken);
    }

    public async Task CompleteAsync()
    {
        _rows.Writer.TryComplete();
        await _writer;
    }

    public async ValueTask DisposeAsync()
    {
        _rows.Writer.TryComplete();
        try
        {
            await _writer;
        }
        catch (Exception)
        {
            // Already reported by CompleteAsync or superseded by the error that interrupted the writing.
        }
    }
}
