namespace EsusCheck.Bulk.Processing;

/// <summary>A job id is the start of the content's SHA-256: the blob trigger, the upload endpoint and the status
/// endpoint all derive the same id from the same bytes, and the same content uploaded twice is one job.</summary>
public static class BulkJobId
{
    public const int Length = 24;

    public static string FromSha256(string sha256Hex) => sha256Hex[..Length].ToLowerInvariant();

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
