using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EsusCheck.Bulk.Processing;
using EsusCheck.Spaser.Decp;

namespace EsusCheck.Spaser.Processing;

/// <summary>What part of a DECP the indicators cover: one buyer (SIRET of <c>acheteur.id</c>) and one year of
/// notification, or all of them.</summary>
public sealed record SpaserFilter(string? Buyer = null, int? Year = null)
{
    public static readonly SpaserFilter All = new();

    public bool Keeps(DecpContract contract) =>
        (Buyer is null || contract.BuyerId == Buyer) && (Year is null || contract.Year == Year);

    /// <summary>« l'acheteur 213… et l'année 2024 », for notes and titles.</summary>
    public string? Describe() => (Buyer, Year) switch
    {
        (null, null) => null,
        ({ } b, null) => $"l'acheteur {b}",
        (null, { } y) => $"l'année {y}",
        var (b, y) => $"l'acheteur {b} et l'année {y}",
    };
}

/// <summary>What a SPASER job keeps in <see cref="BulkJob.KindOptions"/> to read its DECP again when it finalizes.</summary>
public sealed record SpaserJobOptions(DecpFormat? Format, string? Buyer, int? Year)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SpaserFilter Filter => new(Buyer, Year);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SpaserJobOptions Of(BulkJob job) =>
        (job.KindOptions is { } json ? JsonSerializer.Deserialize<SpaserJobOptions>(json, Json) : null) ?? new(null, null, null);

    /// <summary>The job id: like a bulk job's, derived from the content's SHA-256, but also from the filter and the
    /// kind, so that the same file dropped as a supplier file, or with another filter, is another job.</summary>
    public static string JobId(string sha256, SpaserFilter filter)
    {
        var seed = $"{SpaserNames.JobKind}\n{sha256}\n{filter.Buyer}\n{filter.Year}";
        return BulkJobId.FromSha256(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed))));
    }
}

/// <summary>Where the DECP files are: the <c>spaser-in</c> container in Azure, the disk in the CLI.</summary>
public interface ISpaserInputStore
{
    Task<Stream> OpenAsync(string name, CancellationToken cancellationToken);

    Task StoreAsync(string name, Stream content, CancellationToken cancellationToken);
}
