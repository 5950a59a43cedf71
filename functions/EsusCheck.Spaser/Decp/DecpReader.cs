using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Reading;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Spaser.Decp;

[JsonConverter(typeof(JsonStringEnumConverter<DecpFormat>))]
public enum DecpFormat
{
    [JsonStringEnumMemberName("json")] Json,
    [JsonStringEnumMemberName("xml")] Xml,
    [JsonStringEnumMemberName("csv")] Csv,
}

/// <summary>The contracts of one pass over a DECP file, and what the pass counted besides them.</summary>
public sealed class DecpRecords(Func<DecpRecords, IAsyncEnumerable<DecpRecord>> records)
{
    public IAsyncEnumerable<DecpRecord> Records => records(this);

    /// <summary>Concession contracts met and left out (known once <see cref="Records"/> is enumerated).</summary>
    public long Concessions { get; internal set; }
}

/// <summary>The DECP formats: the JSON and XML of the arrêtés du 22 décembre 2022 (schema
/// <c>139bercy/format-commande-publique</c> v2.x) and the flat CSV of the consolidated DECP. The format is told by the
/// first character (« { », « &lt; », anything else is CSV).</summary>
public sealed class DecpReader(BulkOptions options)
{
    /// <summary>Reads the first characters of <paramref name="stream"/> (left open); refuses what cannot be a DECP.</summary>
    public static async Task<DecpFormat> DetectAsync(Stream stream, ContentProbe probe, CancellationToken cancellationToken)
    {
        if (probe.Error is { } error) throw new BulkFileException(error);
        if (probe.Format == FileFormat.Xlsx)
            throw DecpFileErrors.Refuse(DecpFileErrors.Unsupported,
                "Le fichier est un classeur Excel : les DECP se lisent en JSON, en XML (format de l'arrêté du 22 décembre 2022) " +
                "ou en CSV (DECP consolidées). Exportez-les dans l'un de ces formats.");
        using var text = new StreamReader(stream, TextEncodings.ForReading(probe.Encoding), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var head = new char[4096];
        var length = await text.ReadBlockAsync(head.AsMemory(), cancellationToken);
        var first = head.AsSpan(0, length).TrimStart(" \t\r\n\uFEFF".AsSpan());
        return first.IsEmpty ? throw new BulkFileException(BulkFileError.Empty())
            : first[0] == '{' ? DecpFormat.Json
            : first[0] == '<' ? DecpFormat.Xml
            : DecpFormat.Csv;
    }

    /// <summary>Takes ownership of <paramref name="stream"/>.</summary>
    public DecpRecords Open(Stream stream, DecpFormat format, TextEncodingKind encoding) =>
        new(result => Read(stream, format, encoding, result));

    private async IAsyncEnumerable<DecpRecord> Read(
        Stream stream, DecpFormat format, TextEncodingKind encoding, DecpRecords result, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var owned = stream;
        switch (format)
        {
            case DecpFormat.Json:
                var json = new DecpJsonReader();
                await foreach (var record in json.ReadAsync(stream, cancellationToken)) yield return record;
                result.Concessions = json.Concessions;
                break;
            case DecpFormat.Xml:
                var xml = new DecpXmlReader();
                await foreach (var record in xml.ReadAsync(stream, cancellationToken)) yield return record;
                result.Concessions = xml.Concessions;
                break;
            default:
                await foreach (var record in new DecpCsvReader(options.MaxRowCharacters).ReadAsync(stream, encoding, cancellationToken))
                    yield return record;
                break;
        }
    }
}
