namespace EsusCheck.Registries.Spreadsheets;

/// <summary>A CSV text opened for reading: its delimiter chosen by <see cref="DelimiterDetector"/> on the first
/// characters, an Excel « sep= » first line consumed, then its records streamed forward-only by
/// <see cref="CsvRecordReader"/>. Memory holds the head and one record, never the file. It owns the text: disposing
/// it, or a failure to open it, disposes the text.</summary>
public sealed class CsvTable : IDisposable
{
    private readonly TextReader _text;
    private readonly CsvRecordReader _records;

    private CsvTable(TextReader text, DelimiterChoice delimiter, CsvRecordReader records)
    {
        _text = text;
        Delimiter = delimiter;
        _records = records;
    }

    public DelimiterChoice Delimiter { get; }

    /// <inheritdoc cref="CsvRecordReader.LineEnding"/>
    public string? LineEnding => _records.LineEnding;

    /// <param name="headCharacters">how much text the delimiter is chosen on</param>
    /// <param name="maxRecordCharacters">see <see cref="CsvRecordReader"/></param>
    /// <param name="maxFields">see <see cref="CsvRecordReader"/></param>
    /// <param name="singleColumnDelimiter">the delimiter used when none splits the head (null: one field per line)</param>
    public static async Task<CsvTable> OpenAsync(TextReader text, int headCharacters, int maxRecordCharacters,
        int maxFields = int.MaxValue, char? singleColumnDelimiter = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var buffer = new char[headCharacters];
            var length = await text.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            var head = new string(buffer, 0, length);
            var delimiter = await DelimiterDetector.DetectAsync(head, length < headCharacters, cancellationToken);
            var records = new CsvRecordReader(new PrefixedTextReader(head, text), delimiter.Delimiter ?? singleColumnDelimiter,
                maxRecordCharacters, maxFields);
            if (delimiter.FromSepLine) await records.ReadAsync(cancellationToken);
            return new CsvTable(text, delimiter, records);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The next record, or null at the end of the text.</summary>
    public ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken) => _records.ReadAsync(cancellationToken);

    public void Dispose() => _text.Dispose();
}
