namespace EsusCheck.Functions.Http;

/// <summary>Configuration section <c>HttpApi</c>.</summary>
public sealed class HttpApiOptions
{
    public const string Section = "HttpApi";

    /// <summary>How long a client may reuse a report without asking again (<c>Cache-Control: max-age</c>). Keep it at
    /// or below the shortest registry cache freshness, so that a client never holds a report longer than the server
    /// would hold its facts.</summary>
    public TimeSpan ReportMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many distinct numbers of one batch are checked at the same time.</summary>
    public int BatchConcurrency { get; set; } = 4;

    /// <summary>The app's public address (<c>https://&lt;app&gt;.azurewebsites.net</c> or a custom domain): the OpenAPI
    /// document's server URL. Without it the caller's host is used, always with https, and the document is not cached
    /// by shared caches (it depends on a request header).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>True only when App Service Authentication (Easy Auth) is on for the app: the platform then strips
    /// <c>x-ms-client-principal-*</c> headers from incoming requests, and they can be trusted as the caller's identity.</summary>
    public bool AppServiceAuthentication { get; set; }

    /// <summary>Checks a client may ask per minute (single checks count 1, <c>refresh=true</c> <see cref="RefreshCost"/>, a
    /// batch <see cref="BatchCost"/>); beyond, 429 <c>rate_limited</c> with <c>Retry-After</c>.</summary>
    public int ClientChecksPerMinute { get; set; } = 600;

    public int RefreshCost { get; set; } = 10;

    public int BatchCost { get; set; } = 50;

    /// <summary>The number of history rows returned when <c>max</c> is not given.</summary>
    public int HistoryDefaultMax { get; set; } = 50;
}
