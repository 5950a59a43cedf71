using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.Indicators;
using EsusCheck.Spaser.Processing;
using Microsoft.Extensions.Options;

namespace EsusCheck.Spaser.Output;

/// <summary>Last step of a SPASER job: reads the DECP again, joins every contract to the checks of its holders and
/// subcontractors (<see cref="ContractAnnotator"/>), folds them into the indicators (<see cref="SpaserCalculator"/>)
/// and writes the annotated contracts (CSV, then the workbook from it), <c>summary.json</c> and the HTML report.
/// Contracts stream through: what is held is the indicators and one line per operator.</summary>
public sealed class SpaserReportWriter(DecpReader reader, IBulkFileStore files, IOptions<BulkOptions> options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = BulkSummary.Json;

    public async Task<(BulkOutputs Outputs, SpaserSummary Summary)> WriteAsync(
        BulkJob job, Stream input, IReadOnlyDictionary<string, BulkItemResult> results, CancellationToken cancellationToken)
    {
        var jobOptions = SpaserJobOptions.Of(job);
        var filter = jobOptions.Filter;
        var encoding = job.Shape?.Encoding ?? TextEncodingKind.Utf8;
        var records = reader.Open(input, jobOptions.Format ?? DecpFormat.Json, encoding);
        var maxListed = options.Value.MaxErrorsInSummary;
        var calculator = new SpaserCalculator();
        var flags = new List<SpaserFlag>();
        var errors = new List<BulkRowError>();
        int read = 0, counted = 0, outside = 0, inError = 0, flagCount = 0, errorCount = 0;

        await using var csvFile = TemporaryFile.Create();
        await using (var text = new StreamWriter(csvFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true))
        {
            var csv = new CsvOutputWriter(text, ';', "\r\n");
            await csv.WriteRowAsync(AnnotatedColumns.Headers, cancellationToken);
            await foreach (var record in records.Records.WithCancellation(cancellationToken))
            {
                if (record.Error is { } bad)
                {
                    inError++;
                    if (errorCount++ < maxListed) errors.Add(RowError(bad));
                    continue;
                }
                var contract = record.Contract!;
                read++;
                if (!filter.Keeps(contract))
                {
                    outside++;
                    continue;
                }
                counted++;
                var annotated = ContractAnnotator.Annotate(contract, key => results.GetValueOrDefault(key));
                calculator.Add(annotated);
                await csv.WriteRowAsync(AnnotatedColumns.Of(annotated), cancellationToken);
                foreach (var flag in annotated.Flags)
                    if (flagCount++ < maxListed) flags.Add(new SpaserFlag(contract.BuyerId, contract.Id, contract.Year, flag.Code, flag.Message));
                foreach (var check in annotated.Holders.Select(h => h.Check).Concat(annotated.Subcontracts.Select(s => s.Check)))
                    if (check.Status is OperatorStatus.NoVerdict or OperatorStatus.InvalidSiret && errorCount++ < maxListed)
                        errors.Add(new BulkRowError(contract.Position, check.Operator.Identifier,
                            check.Result?.Code ?? "identifier_invalid", $"Marché « {contract.Id} » : {check.Message}"));
            }
            await text.FlushAsync(cancellationToken);
        }

        var indicators = calculator.Indicators();
        var holders = calculator.Holders();
        var names = Names(job.InputName);
        var summary = Template(job, jobOptions) with
        {
            Contracts = new SpaserContractCounts(read, counted, outside, inError, records.Concessions),
            Indicators = indicators,
            Flags = flags,
            FlagsTruncated = flagCount > maxListed,
            Errors = errors,
            ErrorsTruncated = errorCount > maxListed,
            Notes = job.Notes,
            Highlights = Highlights(counted, inError, flagCount, indicators),
            Outputs = new SpaserOutputs(names.Csv, names.Xlsx, names.Report, OutputNames.Summary),
        };

        await using var xlsxFile = TemporaryFile.Create();
        csvFile.Position = 0;
        await SpaserWorkbook.WriteAsync(xlsxFile, indicators, ReadBack(csvFile, cancellationToken).ToBlockingEnumerable(cancellationToken), holders);

        csvFile.Position = 0;
        var csvLink = await files.SaveOutputAsync(job.JobId, names.Csv, csvFile, "text/csv; charset=utf-8", cancellationToken);
        xlsxFile.Position = 0;
        var xlsxLink = await files.SaveOutputAsync(job.JobId, names.Xlsx, xlsxFile,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", cancellationToken);
        using var html = new MemoryStream(Encoding.UTF8.GetBytes(SpaserHtmlReport.Render(summary)));
        var reportLink = await files.SaveOutputAsync(job.JobId, names.Report, html, "text/html; charset=utf-8", cancellationToken);
        var summaryLink = await SaveSummaryAsync(job.JobId, summary, cancellationToken);
        return (new BulkOutputs(csvLink, xlsxLink, summaryLink, reportLink), summary);
    }

    /// <summary>A file that could not be processed still gets its <c>summary.json</c>, saying why.</summary>
    public Task<BulkOutputLink> WriteFailureAsync(BulkJob job, BulkFileError error, CancellationToken cancellationToken) =>
        SaveSummaryAsync(job.JobId, Template(job, SpaserJobOptions.Of(job)) with { State = "failed", Error = error, Notes = job.Notes }, cancellationToken);

    public static BulkRowError RowError(DecpRecordError error) =>
        new(error.Position, error.ContractId, error.Code, error.Message);

    public static string FormatNote(DecpFormat format, TextEncodingKind encoding) => format switch
    {
        DecpFormat.Json => "Format : DECP en JSON (arrêtés du 22 décembre 2022, schéma 139bercy/format-commande-publique v2).",
        DecpFormat.Xml => "Format : DECP en XML (arrêtés du 22 décembre 2022, schéma 139bercy/format-commande-publique v2).",
        _ => $"Format : DECP consolidées en CSV (une ligne par marché, titulaire et modification), encodage {TextEncodings.Describe(encoding)}.",
    };

    public static (string Csv, string Xlsx, string Report) Names(string inputName)
    {
        var name = OutputNames.BaseName(inputName);
        return ($"{name}-marches-annotes.csv", $"{name}-spaser.xlsx", $"{name}-rapport-spaser.html");
    }

    private async Task<BulkOutputLink> SaveSummaryAsync(string jobId, SpaserSummary summary, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream();
        await JsonSerializer.SerializeAsync(json, summary, Json, cancellationToken);
        json.Position = 0;
        return await files.SaveOutputAsync(jobId, OutputNames.Summary, json, "application/json; charset=utf-8", cancellationToken);
    }

    private SpaserSummary Template(BulkJob job, SpaserJobOptions jobOptions) => new()
    {
        JobId = job.JobId,
        State = "completed",
        Input = new SpaserInput(job.InputName, job.ContentSha256, job.ContentLength,
            jobOptions.Format?.ToString().ToLowerInvariant(),
            jobOptions.Format == DecpFormat.Csv && job.Shape is { } shape ? SummaryInput.EncodingCode(shape.Encoding) : null),
        Filter = new SpaserFilterSummary(jobOptions.Buyer, jobOptions.Year),
        Target = new SpaserTarget(SpaserRules.NationalPlan.Share, SpaserRules.NationalPlan.Period, SpaserRules.NationalPlan.Text),
        Method = SpaserMethod.Sentences,
        LegalBasis = SpaserMethod.LegalBasis,
        GeneratedAt = clock.GetUtcNow(),
        RulesVersion = RulesVersion.Current,
    };

    private static List<string> Highlights(int counted, int inError, int flagCount, IReadOnlyList<SpaserIndicators> sets)
    {
        var lines = new List<string>
        {
            $"{FrenchText.Number(counted)} marché(s) compté(s), {FrenchText.Number(inError)} enregistrement(s) illisible(s), " +
            $"{FrenchText.Number(flagCount)} alerte(s) de cohérence.",
        };
        foreach (var set in sets)
        {
            var social = set.WithSocialConsideration;
            var line = new StringBuilder($"Acheteur {set.BuyerId}, {set.Year} : {FrenchText.Number(set.Contracts.Contracts)} contrat(s) pour " +
                                         $"{FrenchText.Amount(set.Contracts.Amount)} € HT ; ");
            line.Append($"{FrenchText.Number(social.Contracts)} avec au moins une considération sociale");
            if (social.ShareOfContracts is { } share)
                line.Append($" ({FrenchText.Percent(share)} ; objectif national {FrenchText.Percent(set.Target.Target)} en {set.Target.Period} : " +
                            $"{(set.Target.Reached == true ? "atteint" : "non atteint")})");
            line.Append(" ; attribués à des titulaires ");
            line.Append(string.Join(", ", set.Categories.Select(c =>
                $"{c.Category.Short()} : {FrenchText.Number(c.Contracts)} ({FrenchText.Amount(c.Amount)} €)")));
            lines.Add(line.Append('.').ToString());
        }
        return lines;
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> ReadBack(Stream csvFile, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(csvFile, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true);
        var csv = new CsvRecordReader(text, ';', int.MaxValue);
        await csv.ReadAsync(cancellationToken);
        while (await csv.ReadAsync(cancellationToken) is { } record) yield return record.Fields;
    }
}
