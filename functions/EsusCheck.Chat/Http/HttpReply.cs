using System.Text.Json;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Http;

/// <summary>What an endpoint answers, independent of the host: the Azure Function and the in-process test server both
/// copy it onto their response.</summary>
public sealed record HttpReply(int Status, string? ContentType = null, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    public static HttpReply OkJson<T>(T value) => new(200, Json, JsonSerializer.Serialize(value, ReportJson.Options));

    /// <summary>413: the body was refused before being read past the limit.</summary>
    public static HttpReply TooLarge(int maxBytes) => Problem(413, "body_too_large", "Requête trop volumineuse",
        $"Le corps de la requête dépasse {maxBytes / 1024} Kio, la taille maximale acceptée par ce point d'accès.");

    /// <summary>RFC 9457 problem details: a stable <c>code</c> for programs, a French title and detail for people.</summary>
    public static HttpReply Problem(int status, string code, string title, string detail, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, ProblemJson, JsonSerializer.Serialize(new
        {
            type = "urn:esuscheck:problem:" + code,
            title,
            status,
            detail,
            code,
        }, ReportJson.Options), headers);
}
