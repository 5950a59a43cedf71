using System.Globalization;
using System.Runtime.CompilerServices;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Reading;

/// <summary>Opens a supplier file as buyers export it (CSV in any usual delimiter and encoding, or XLSX), detects its
/// layout from the first rows and streams the rest. Memory does not grow with the file.</summary>
public sealed class SupplierFileReader(BulkOptions options)
{
    private const int HeadCharacters = 64 * 1024;
    private const int HeaderSearchRows = 10;
    private const int SampleRows = 50;

    /// <summary>Takes ownership of <paramref name="stream"/>: disposing the returned file disposes it.</summary>
    public async Task<SupplierFile> OpenAsync(Stream stream, ContentProbe probe, CancellationToken cancellationToken)
    {
        if (probe.Error is { } error) throw new BulkFileException(error);
        return probe.Format == FileFormat.Xlsx
            ? await OpenXlsxAsync(stream, cancellationToken)
            : await OpenCsvAsync(stream, probe, cancellationToken);
    }

    private async Task<SupplierFile> OpenCsvAsync(Stream stream, ContentProbe probe, CancellationToken cancellationToken)
    {
        var csv = await CsvTable.OpenAsync(
            new StreamReader(stream, TextEncodings.ForReading(probe.Encoding), detectEncodingFromByteOrderMarks: false, 64 * 1024),
            HeadCharacters, options.MaxRowCharacters, options.MaxColumns, cancellationToken: cancellationToken);
        try
        {
            var delimiter = csv.Delimiter;
            var notes = new List<string> { $"Format : CSV, encodage {TextEncodings.Describe(probe.Encoding)}, séparateur : {DelimiterDetector.Name(delimiter.Delimiter)}." };
            notes.AddRange(probe.Notes);
            if (delimiter.Note is not null) notes.Add(delimiter.Note);
            if (delimiter.FromSepLine)
                notes.Add("La première ligne « sep= » du fichier indique le séparateur ; elle n'est pas reprise dans les résultats.");

            var first = new List<SourceRow>();
            long blank = 0;
            while (first.Count < HeaderSearchRows + SampleRows && await csv.ReadAsync(cancellationToken) is { } record)
            {
                if (IsBlank(record.Fields) && record.Problem == RecordProblem.None) blank++;
                else first.Add(new SourceRow(record.Line, record.Fields, SourceRowKind.Data, record.Problem) { LastLine = record.LastLine });
            }

            var layout = DetectLayout(first, FileFormat.Csv, probe.Encoding, delimiter.Delimiter, notes, sheetName: null) with
            {
                LineEnding = csv.LineEnding ?? "\r\n",
            };
            if (delimiter.Delimiter == ',' && !HasFrenchHeader(layout))
                layout = layout with { Roles = layout.Roles with { DecimalComma = false } };

            return new SupplierFile(layout, file => Continue(file, Classify(first, layout), blank, csv), new Resources(csv));
        }
        catch
        {
            csv.Dispose();
            throw;
        }

        static async IAsyncEnumerable<SourceRow> Continue(
            SupplierFile file, IEnumerable<SourceRow> buffered, long blank, CsvTable csv,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            file.BlankLines = blank;
            foreach (var row in buffered) yield return row;
            while (await csv.ReadAsync(cancellationToken) is { } record)
            {
                if (IsBlank(record.Fields) && record.Problem == RecordProblem.None)
                {
                    file.BlankLines++;
                    continue;
                }
                yield return TrimToWidth(new SourceRow(record.Line, record.Fields, SourceRowKind.Data, record.Problem) { LastLine = record.LastLine },
                    file.Layout.Header.Count);
            }
        }
    }

    private async Task<SupplierFile> OpenXlsxAsync(Stream stream, CancellationToken cancellationToken)
    {
        var seekable = await SeekableCopy.OfAsync(stream, cancellationToken);
        XlsxSheetReader? sheetReader = null;
        try
        {
            XlsxGuard.Check(seekable, options);
            sheetReader = Guarded(() => XlsxSheetReader.Open(seekable, options.MaxColumns));
            var sheets = sheetReader.SheetNames;
            if (sheets.Count == 0) throw XlsxGuard.Unreadable();
            var sheet = sheets[0];
            var notes = new List<string> { $"Format : classeur Excel (.xlsx), feuille « {sheet} »." };
            if (sheets.Count > 1)
                notes.Add($"Le classeur contient {sheets.Count} feuilles : seule la première (« {sheet} ») a été lue.");

            var enumerator = Guarded(() => sheetReader.Rows().GetEnumerator());
            var first = new List<SourceRow>();
            long blank = 0;
            while (first.Count < HeaderSearchRows + SampleRows && Guarded(enumerator.MoveNext))
            {
                var row = XlsxRow(enumerator.Current);
                if (row is null) blank++;
                else first.Add(row);
            }
            var layout = DetectLayout(first, FileFormat.Xlsx, TextEncodingKind.Utf8Bom, ';', notes, sheet);
            return new SupplierFile(layout, file => ContinueXlsx(file, Classify(first, layout), blank, enumerator),
                new Resources(enumerator, sheetReader, seekable));
        }
        catch
        {
            sheetReader?.Dispose();
            await seekable.DisposeAsync();
            throw;
        }

        async IAsyncEnumerable<SourceRow> ContinueXlsx(
            SupplierFile file, IEnumerable<SourceRow> buffered, long blank, IEnumerator<XlsxSheetRow> rows,
            [EnumeratorCancellation] CancellationToken cancellation = default)
        {
            file.BlankLines = blank;
            foreach (var row in buffered) yield return row;
            while (Guarded(rows.MoveNext))
            {
                cancellation.ThrowIfCancellationRequested();
                var row = XlsxRow(rows.Current);
                if (row is null) file.BlankLines++;
                else yield return TrimToWidth(row, file.Layout.Header.Count);
            }
            await Task.CompletedTask;
        }
    }

    /// <summary>A sheet row as a source row; null for a row without any value (a blank line).</summary>
    private SourceRow? XlsxRow(XlsxSheetRow row)
    {
        if (row.TooManyColumns) return new SourceRow(row.Number, [], SourceRowKind.Data, RecordProblem.TooManyFields);
        if (row.Cells.Count == 0) return null;
        var cells = row.Cells.Select(CellText).ToArray();
        return cells.Sum(v => (long)v.Length) + cells.Length - 1 > options.MaxRowCharacters
            ? new SourceRow(row.Number, [], SourceRowKind.Data, RecordProblem.TooLong)
            : new SourceRow(row.Number, cells, SourceRowKind.Data);
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Numbers as a French spreadsheet shows them (« 1234,56 »; a SIRET stored as a number keeps its 14
    /// digits), dates as « 31/12/2025 ».</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("G15", French),
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("dd/MM/yyyy", French),
        DateTime date => date.ToString("dd/MM/yyyy HH:mm", French),
        bool b => b ? "VRAI" : "FAUX",
        IFormattable f => f.ToString(null, French),
        _ => value.ToString() ?? "",
    };

    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (XlsxSheetReader.IsDamage(ex))
        {
            throw XlsxGuard.Unreadable();
        }
    }

    private static FileLayout DetectLayout(
        List<SourceRow> first, FileFormat format, TextEncodingKind encoding, char? delimiter, List<string> notes, string? sheetName)
    {
        if (first.Count == 0) throw new BulkFileException(BulkFileError.Empty());

        var headerIndex = first.Take(HeaderSearchRows).ToList().FindIndex(r => ColumnMatcher.HasIdentifierHeader(r.Cells));
        if (headerIndex < 0) headerIndex = 0;
        var header = first[headerIndex];
        if (header.Problem is RecordProblem.TooLong or RecordProblem.TooManyFields)
            throw new BulkFileException(new(BulkFileError.Codes.HeaderUnreadable,
                $"La ligne d'en-tête (ligne {header.Line}) dépasse la taille ou le nombre de colonnes maximal d'une ligne : le fichier ne peut pas être lu."));

        var sample = first.Skip(headerIndex + 1).Where(r => r.Problem == RecordProblem.None).Select(r => r.Cells).ToList();
        var match = ColumnMatcher.Find(header.Cells, sample)
            ?? throw new BulkFileException(new(BulkFileError.Codes.NoSiretColumn,
                "Aucune colonne SIRET n'a été trouvée : ajoutez une colonne intitulée « SIRET » (ou « N° SIRET ») contenant les " +
                $"numéros à 14 chiffres. Colonnes lues : {string.Join(", ", header.Cells.Where(c => c.Length > 0).Take(20).Select(c => $"« {Shown(c)} »"))}."));

        notes.AddRange(match.Notes);
        var width = header.Cells.Count;
        var headerCells = match.HasHeader
            ? header.Cells
            : Enumerable.Range(1, width).Select(i => $"Colonne {i}").ToList();
        var layout = new FileLayout
        {
            Format = format,
            Encoding = encoding,
            Delimiter = delimiter,
            Header = headerCells,
            HasHeader = match.HasHeader,
            HeaderLine = match.HasHeader ? header.Line : null,
            Roles = match.Roles,
            SheetName = sheetName,
            Notes = notes,
        };
        notes.Add(ColumnsNote(layout));
        if (headerIndex > 0)
            notes.Add($"L'en-tête a été trouvé ligne {header.Line} : les {headerIndex} ligne(s) qui le précèdent sont reprises telles quelles.");
        return layout;
    }

    /// <summary>Marks the preamble and the header among the rows read for detection.</summary>
    private static IEnumerable<SourceRow> Classify(List<SourceRow> first, FileLayout layout)
    {
        foreach (var read in first)
        {
            var row = TrimToWidth(read, layout.Header.Count);
            if (layout.HeaderLine is { } headerLine && row.Line < headerLine) yield return row with { Kind = SourceRowKind.Preamble };
            else if (row.Line == layout.HeaderLine) yield return row with { Kind = SourceRowKind.Header };
            else yield return row;
        }
    }

    /// <summary>Empty cells past the header's width are not columns of the file: dropped, so that they never widen
    /// the output (a line of empty cells would pad every row to its width).</summary>
    private static SourceRow TrimToWidth(SourceRow row, int width)
    {
        var cells = row.Cells;
        var count = cells.Count;
        while (count > width && cells[count - 1].Length == 0) count--;
        return count == cells.Count ? row : row with { Cells = cells.Take(count).ToArray() };
    }

    /// <summary>A column name as messages quote it: a header cell may be any length.</summary>
    private static string Shown(string? column) => column is { Length: > 80 } ? column[..79] + "…" : column ?? "";

    private static string ColumnsNote(FileLayout layout)
    {
        var roles = layout.Roles;
        var parts = new List<string> { $"SIRET : « {Shown(layout.ColumnName(roles.Identifier))} »" };
        parts.Add(roles.Spend is null ? "montant : aucune colonne (les parts de dépense ne sont pas calculées)" : $"montant : « {Shown(layout.ColumnName(roles.Spend))} »");
        if (roles.Cpv is not null) parts.Add($"code CPV : « {Shown(layout.ColumnName(roles.Cpv))} »");
        if (roles.Name is not null) parts.Add($"nom du fournisseur : « {Shown(layout.ColumnName(roles.Name))} »");
        return "Colonnes utilisées — " + string.Join(" ; ", parts) + ".";
    }

    private static bool HasFrenchHeader(FileLayout layout) =>
        layout.Header.Any(h => HeaderText.Words(HeaderText.Normalise(h)).Any(w => w is "montant" or "depense" or "depenses" or "fournisseur" or "numero" or "raison" or "nom"));

    private static bool IsBlank(IReadOnlyList<string> fields) => fields.All(f => f.Trim().Length == 0);

    private sealed class Resources(params IDisposable[] owned) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            foreach (var item in owned) item.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
