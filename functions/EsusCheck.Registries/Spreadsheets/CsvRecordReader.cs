using System.Text;

namespace EsusCheck.Registries.Spreadsheets;

/// <summary>Why a record could not be read as it was written.</summary>
public enum RecordProblem
{
    None,
    /// <summary>Longer than the configured maximum: its content was skipped, not held in memory.</summary>
    TooLong,
    /// <summary>The file ended inside a quoted field (a truncated file, or a quote never closed).</summary>
    UnterminatedQuote,
    /// <summary>More fields than the configured maximum: skipped like a record too long.</summary>
    TooManyFields,
}

/// <summary>One CSV record: where it starts and ends in the file (physical lines, 1-based) and its fields.</summary>
public sealed record CsvRecord(long Line, long LastLine, IReadOnlyList<string> Fields, RecordProblem Problem);

/// <summary>RFC 4180 reader that streams: quoted fields with doubled quotes and embedded line breaks, CRLF, LF or CR,
/// a lone quote inside an unquoted field kept as text. Memory is bounded by <c>maxRecordCharacters</c> (delimiters
/// count: a line of a million « ; » is a million characters) and <c>maxFields</c>: a record over either is skipped to
/// its end and returned with <see cref="RecordProblem.TooLong"/> or <see cref="RecordProblem.TooManyFields"/>.</summary>
public sealed class CsvRecordReader(TextReader reader, char? delimiter, int maxRecordCharacters, int maxFields = int.MaxValue)
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private readonly char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfInput;
    private bool _skipLineFeed;
    private long _line = 1;
    private bool _started;
    private bool _lineEndingAfterCarriageReturn;

    /// <summary>The line ending of the first record (CRLF, LF or CR alone): the results are written with the same.</summary>
    public string? LineEnding { get; private set; }

    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var characters = 0;
        var problem = RecordProblem.None;
        var startLine = _line;
        var any = false;

        while (true)
        {
            if (_position == _length)
            {
                if (_endOfInput || !await FillAsync(cancellationToken))
                {
                    if (_lineEndingAfterCarriageReturn) DecideLineEnding("\r");
                    if (!any) return null;
                    fields.Add(field.ToString());
                    return Record(startLine, _line, fields, state == State.Quoted ? RecordProblem.UnterminatedQuote : problem);
                }
            }

            var c = _buffer[_position++];
            if (!_started)
            {
                _started = true;
                if (c == '\uFEFF') continue;
            }
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_lineEndingAfterCarriageReturn) DecideLineEnding(c == '\n' ? "\r\n" : "\r");
                if (c == '\n')
                {
                    if (state == State.Quoted) Append('\n');
                    continue;
                }
            }
            any = true;

            switch (state)
            {
                case State.FieldStart when c == '"':
                    state = State.Quoted;
                    break;
                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == delimiter:
                    Count();
                    if (problem == RecordProblem.None && fields.Count + 1 >= maxFields) Skip(RecordProblem.TooManyFields);
                    if (problem == RecordProblem.None) fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                    break;
                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c is '\r' or '\n':
                    EndOfLine(c);
                    fields.Add(field.ToString());
                    return Record(startLine, _line - 1, fields, problem);
                case State.FieldStart or State.Unquoted:
                    Append(c);
                    state = State.Unquoted;
                    break;
                case State.Quoted when c == '"':
                    state = State.QuoteInQuoted;
                    break;
                case State.Quoted:
                    if (c is '\r' or '\n') CountLine(c);
                    Append(c);
                    break;
                case State.QuoteInQuoted when c == '"':
                    Append('"');
                    state = State.Quoted;
                    break;
                default:
                    // Text after a closing quote (« "abc"def ») is kept rather than lost.
                    Append(c);
                    state = State.Unquoted;
                    break;
            }
        }

        void Append(char c)
        {
            Count();
            if (problem == RecordProblem.None) field.Append(c);
        }

        void Count()
        {
            if (problem == RecordProblem.None && ++characters > maxRecordCharacters) Skip(RecordProblem.TooLong);
        }

        void Skip(RecordProblem reason)
        {
            problem = reason;
            fields.Clear();
            field.Clear();
        }
    }

    private static CsvRecord Record(long line, long lastLine, List<string> fields, RecordProblem problem) =>
        new(line, Math.Max(line, lastLine), problem is RecordProblem.TooLong or RecordProblem.TooManyFields ? [] : fields.ToArray(), problem);

    private void EndOfLine(char c)
    {
        // After a CR, only the next character tells CRLF from a CR-only file.
        if (c == '\n') DecideLineEnding("\n");
        else if (LineEnding is null) _lineEndingAfterCarriageReturn = true;
        CountLine(c);
    }

    private void DecideLineEnding(string ending)
    {
        LineEnding ??= ending;
        _lineEndingAfterCarriageReturn = false;
    }

    private void CountLine(char c)
    {
        _line++;
        if (c == '\r') _skipLineFeed = true;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        if (_length == 0) _endOfInput = true;
        return _length > 0;
    }
}
