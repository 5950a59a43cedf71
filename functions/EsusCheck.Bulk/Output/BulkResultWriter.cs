using System.Text.Json;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Rules;
using Microsoft.Extensions.Options;
using EsusCheck.Core.Wording;

namespace EsusCheck.Bulk.Output;

/// <summary>Reads the input again and writes every row back, unchanged and in order, followed by its result columns:
/// as CSV in the input's delimiter, encoding and line ending, and as XLSX; then <c>summary.json</c>.</summary>
public sealed class BulkResultWriter(SupplierFileReader reader, IBulkFileStore files, IOptions<BulkOptions> options, TimeProvider clock)
{
    private const string SheetName = "Résultats";

    public async Task<(BulkOutputs Outputs, BulkSummary Summary)> WriteAsync(
        BulkJob job, IReadOnlyDictionary<string, BulkItemResult> results, CancellationToken cancellationToken)
    {
        var shape = job.Shape ?? throw new InvalidOperationException("A job is written only once planned.");
        var probe = new ContentProbe(job.ContentSha256 ?? "", job.ContentLength, shape.Format, shape.Encoding, null, []);
        await using var file = await reader.OpenAsync(await files.OpenInputAsync(job.InputName, cancellationToken), probe, cancellationToken);
        var layout = file.Layout;
        var interpreter = new SupplierLineInterpreter(layout, options.Value);
        var width = Math.Max(shape.Width, layout.Header.Count);
        var notes = job.Notes.ToList();
        var withXlsx = job.RowsTotal + 12 < XlsxOutputWriter.MaxRows;
        if (!withXlsx)
            notes.Add($"Le fichier compte plus de {FrenchText.Number(XlsxOutputWriter.MaxRows - 12)} lignes, la limite d'une feuille Excel : " +
                      "seul le fichier CSV de résultats est produit.");
        if (!layout.HasHeader)
            notes.Add("Une ligne d'en-tête a été ajoutée en tête des fichiers de résultats.");

        await using var csvFile = TemporaryFile.Create();
        await using var xlsxFile = withXlsx ? TemporaryFile.Create() : null;
        var summary = new SummaryBuilder(layout.Roles.Spend is not null, options.Value.MaxErrorsInSummary);
        await using (var text = new StreamWriter(csvFile, TextEncodings.ForWriting(shape.Encoding), 64 * 1024, leaveOpen: true))
        await using (var xlsx = xlsxFile is null ? null : new XlsxOutputWriter(xlsxFile, width + ResultColumns.Headers.Count, SheetName))
        {
            var csv = new CsvOutputWriter(text, layout.Delimiter ?? ';', layout.LineEnding);
            async Task Write(IEnumerable<string> cells)
            {
                var safe = cells.Select(CellSafety.Neutralise).ToArray();
                await csv.WriteRowAsync(safe, cancellationToken);
                if (xlsx is not null) await xlsx.WriteRowAsync(safe, cancellationToken);
            }

            var firstLines = new Dictionary<string, long>();
            if (!layout.HasHeader) await Write(Pad(layout.Header, width).Concat(ResultColumns.Headers));
            await foreach (var row in file.Rows.WithCancellation(cancellationToken))
            {
                switch (row.Kind)
                {
                    case SourceRowKind.Preamble:
                        await Write(Pad(row.Cells, width).Concat(ResultColumns.Headers.Select(_ => "")));
                        break;
                    case SourceRowKind.Header:
                        await Write(Pad(row.Cells, width).Concat(ResultColumns.Headers));
                        break;
                    default:
                        var line = interpreter.Interpret(row);
                        var key = line.ItemKey;
                        var result = key is null ? null : results.GetValueOrDefault(key);
                        long? first = null;
                        if (key is not null && !firstLines.TryAdd(key, row.Line)) first = firstLines[key];
                        summary.Add(line, result, duplicate: first is not null);
                        await Write(Pad(row.Cells, width).Concat(ResultColumns.For(line, result, first)));
                        break;
                }
            }
            await text.FlushAsync(cancellationToken);
            if (xlsx is not null) await xlsx.CompleteAsync();
        }

        var csvName = OutputNames.Csv(job.InputName);
        var xlsxName = OutputNames.Xlsx(job.InputName);
        csvFile.Position = 0;
        var csvLink = await files.SaveOutputAsync(job.JobId, csvName, csvFile, ContentType(shape.Encoding), cancellationToken);
        BulkOutputLink? xlsxLink = null;
        if (xlsxFile is not null)
        {
            xlsxFile.Position = 0;
            xlsxLink = await files.SaveOutputAsync(job.JobId, xlsxName, xlsxFile,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", cancellationToken);
        }

        var built = summary.Build(Template(job, layout, notes) with
        {
            Outputs = new SummaryOutputs(csvName, xlsxLink is null ? null : xlsxName, OutputNames.Summary),
        }, file.BlankLines);
        var summaryLink = await SaveSummaryAsync(job.JobId, built, cancellationToken);
        return (new BulkOutputs(csvLink, xlsxLink, summaryLink), built);
    }

    /// <summary>A file that could not be processed still gets its <c>summary.json</c>, saying why.</summary>
    public async Task<BulkOutputLink> WriteFailureAsync(BulkJob job, BulkFileError error, CancellationToken cancellationToken)
    {
        var summary = Template(job, layout: null, job.Notes) with { State = "failed", Error = error };
        return await SaveSummaryAsync(job.JobId, summary, cancellationToken);
    }

    private async Task<BulkOutputLink> SaveSummaryAsync(string jobId, BulkSummary summary, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream();
        await JsonSerializer.SerializeAsync(json, summary, BulkSummary.Json, cancellationToken);
        json.Position = 0;
        return await files.SaveOutputAsync(jobId, OutputNames.Summary, json, "application/json; charset=utf-8", cancellationToken);
    }

    private BulkSummary Template(BulkJob job, FileLayout? layout, IReadOnlyList<string> notes) => new()
    {
        JobId = job.JobId,
        State = "completed",
        Input = new SummaryInput(
            job.InputName,
            job.ContentSha256,
            job.ContentLength,
            job.Shape?.Format.ToString().ToLowerInvariant(),
            job.Shape is { Format: FileFormat.Csv } shape ? SummaryInput.EncodingCode(shape.Encoding) : null,
            layout is { Format: FileFormat.Csv } ? layout.Delimiter?.ToString() : null,
            layout?.SheetName,
            layout?.HeaderLine,
            layout is null
                ? null
                : new SummaryColumns(layout.ColumnName(layout.Roles.Identifier)!, layout.ColumnName(layout.Roles.Spend),
                    layout.ColumnName(layout.Roles.Cpv), layout.ColumnName(layout.Roles.Name))),
        Notes = notes,
        GeneratedAt = clock.GetUtcNow(),
        RulesVersion = RulesVersion.Current,
    };

    private static IEnumerable<string> Pad(IReadOnlyList<string> cells, int width) =>
        cells.Concat(Enumerable.Repeat("", Math.Max(0, width - cells.Count)));

    private static string ContentType(TextEncodingKind encoding) =>
        encoding == TextEncodingKind.Windows1252 ? "text/csv; charset=windows-1252" :
        encoding is TextEncodingKind.Utf16LittleEndian or TextEncodingKind.Utf16BigEndian ? "text/csv; charset=utf-16" : "text/csv; charset=utf-8";
}
