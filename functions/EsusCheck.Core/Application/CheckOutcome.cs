using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Application;

/// <summary>Why a check produced no report. Each maps to one HTTP status, one CLI exit code and one bulk row reason.</summary>
public enum CheckFailureKind
{
    /// <summary>The input is not a usable identifier or CPV code (HTTP 400, CLI exit 2).</summary>
    InvalidInput,
    /// <summary>The registries answered and none knows the number (HTTP 404, CLI exit 3).</summary>
    Unknown,
    /// <summary>No registry could establish identity and nothing was cached (HTTP 503, CLI exit 4): codes
    /// <c>registries_unavailable</c> or, when the wait for a turn behind the rate limits was too long, <c>registries_busy</c>.</summary>
    RegistriesUnavailable,
}

public sealed record CheckFailure(CheckFailureKind Kind, string Code, string Title, string Detail, TimeSpan? RetryAfter = null)
{
    public static class Codes
    {
        public const string UnknownSiret = "siret_unknown";
        public const string UnknownSiren = "siren_unknown";
        public const string RegistriesUnavailable = "registries_unavailable";
        /// <summary>Same kind as <see cref="RegistriesUnavailable"/> (503, CLI exit 4), but the registries were not asked:
        /// the wait for a turn behind their rate limits exceeded <c>MaxQueueWait</c>.</summary>
        public const string RegistriesBusy = "registries_busy";
    }
}

/// <summary>Either a report or the reason there is none.</summary>
public sealed record CheckOutcome(EligibilityReport? Report, CheckFailure? Failure)
{
    public static CheckOutcome Of(EligibilityReport report) => new(report, null);
    public static CheckOutcome Failed(CheckFailure failure) => new(null, failure);

    public bool Succeeded => Report is not null;
}
