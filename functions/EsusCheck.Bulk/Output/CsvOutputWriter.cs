using System.Text;

namespace EsusCheck.Bulk.Output;

/// <summary>Writes rows in the input's delimiter and line ending; fields are quoted only when they must be.</summary>
internal sealed class CsvOutputWriter(TextWriter writer, char delimiter, string lineEnding)
{
    private readonly StringBuilder _line = new();

    public Task WriteRowAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        _line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _line.Append(delimiter);
            Append(cells[i]);
        }
        _line.Append(lineEnding);
        return writer.WriteAsync(_line, cancellationToken);
    }

    private void Append(string value)
    {
        if (value.IndexOfAny([delimiter, '"', '\r', '\n']) < 0)
        {
            _line.Append(value);
            return;
        }
        _line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
