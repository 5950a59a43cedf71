using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Functions.Http;

/// <summary>Every problem the HTTP API answers with. Codes are published: never rename one.</summary>
public static class ApiProblems
{
    public static class Codes
    {
        public const string BatchTooLarge = "batch_too_large";
        public const string BodyInvalid = "body_invalid";
        public const string ParameterInvalid = "parameter_invalid";
        public const string InternalError = "internal_error";
    }

    /// <summary>A registry's <c>Retry-After</c> is passed on, but never longer than this: a registry (or anyone
    /// answering in its name) cannot park our clients for hours.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    public static ApiProblem From(CheckFailure failure) => new(StatusOf(failure.Kind), failure.Code, failure.Title, failure.Detail,
        failure.Kind == CheckFailureKind.RegistriesUnavailable ? Capped(failure.RetryAfter ?? TimeSpan.FromSeconds(30)) : null);

    private static TimeSpan Capped(TimeSpan wait) => wait > MaxRetryAfter ? MaxRetryAfter : wait;

    public static int StatusOf(CheckFailureKind kind) => kind switch
    {
        CheckFailureKind.InvalidInput => 400,
        CheckFailureKind.Unknown => 404,
        _ => 503,
    };

    /// <summary>The same problem the application service gives for a bad identifier or CPV code.</summary>
    public static ApiProblem InvalidInput(IdentifierError error) => new(400, error.Code, "Saisie invalide", error.Message);

    public static ApiProblem BatchTooLarge(string detail) => new(413, Codes.BatchTooLarge, "Lot trop volumineux", detail);

    public static ApiProblem BodyInvalid(string detail) => new(400, Codes.BodyInvalid, "Corps de requête invalide", detail);

    public static ApiProblem ParameterInvalid(string detail) => new(400, Codes.ParameterInvalid, "Paramètre invalide", detail);

    public static readonly ApiProblem InternalError = new(500, Codes.InternalError, "Erreur interne",
        "Une erreur inattendue a empêché de traiter la demande. Elle a été journalisée ; réessayez plus tard et, si elle " +
        "persiste, signalez-la avec l'heure de la demande.");

    /// <summary>Whole seconds, at least one (a <c>Retry-After</c> of 0 would invite a tight retry loop).</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
