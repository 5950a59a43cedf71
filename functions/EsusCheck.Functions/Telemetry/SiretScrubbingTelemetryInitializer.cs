using System.Text.RegularExpressions;
using EsusCheck.Core.Application;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace EsusCheck.Functions.Telemetry;

/// <summary>Registry calls carry the SIRET in their URL (<c>/api/siae/siret/…/</c>, <c>?q=…</c>), and the dependency
/// collector records that URL: replace every 9- or 14-digit number in the worker's dependency telemetry with its
/// <see cref="LogPrivacy.Hash"/>, the same hash the logs carry, so an operator can still follow one company.</summary>
public sealed partial class SiretScrubbingTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        if (telemetry is not DependencyTelemetry dependency) return;
        dependency.Data = Scrub(dependency.Data);
        dependency.Name = Scrub(dependency.Name);
    }

    public static string? Scrub(string? text) =>
        text is null ? null : Identifier().Replace(text, m => "h-" + LogPrivacy.Hash(m.Value));

    [GeneratedRegex(@"(?<!\d)(\d{14}|\d{9})(?!\d)")]
    private static partial Regex Identifier();
}
