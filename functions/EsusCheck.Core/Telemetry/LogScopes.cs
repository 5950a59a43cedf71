using System.Diagnostics;
using EsusCheck.Core.Application;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Core.Telemetry;

/// <summary>The logging and tracing convention: a check runs in a scope (and an activity) that carries the SIRET
/// hashed, never in clear, under <see cref="SiretHashKey"/>; every log line inside it is then searchable by that
/// hash in Application Insights (<c>customDimensions.SiretHash</c>).</summary>
public static class LogScopes
{
    public const string SiretHashKey = "SiretHash";

    /// <summary>The activity source of EsusCheck's own spans (the operation of one check, one refresh).</summary>
    public static readonly ActivitySource ActivitySource = new(EsusCheckMetrics.MeterName);

    /// <summary>Begins a log scope carrying the hashed SIRET.</summary>
    public static IDisposable? BeginSiretScope(this ILogger logger, string siret) =>
        logger.BeginScope(new Dictionary<string, object> { [SiretHashKey] = LogPrivacy.Hash(siret) });

    /// <summary>Starts an activity named <paramref name="name"/> tagged with the hashed SIRET (null when nobody listens).</summary>
    public static Activity? StartSiretActivity(string name, string siret) =>
        ActivitySource.StartActivity(name)?.SetTag("esuscheck.siret_hash", LogPrivacy.Hash(siret));
}
