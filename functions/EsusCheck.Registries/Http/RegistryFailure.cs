using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace EsusCheck.Registries.Http;

/// <summary>Why a registry gave no usable answer, as a French sentence for the evidence (never a secret, never a
/// URL) and a short English reason for the logs.</summary>
internal sealed record RegistryFailure(string Detail, string LogReason, TimeSpan? RetryAfter = null, bool Busy = false)
{
    public static RegistryFailure FromStatus(HttpStatusCode status, TimeSpan? retryAfter, string? credentialKey = null) => (int)status switch
    {
        401 or 403 => new($"Le registre a refusé l'accès (HTTP {(int)status})" +
            (credentialKey is null ? "." : $" : le secret configuré est absent ou invalide, vérifiez le paramètre {credentialKey}."),
            $"HTTP {(int)status}"),
        429 => new("Le registre limite le nombre de requêtes et a demandé d'attendre (HTTP 429)" + After(retryAfter) + ".",
            "HTTP 429", retryAfter),
        >= 500 => new($"Le registre a répondu par une erreur (HTTP {(int)status})" + After(retryAfter) + ".",
            $"HTTP {(int)status}", retryAfter),
        _ => new($"Le registre a refusé la requête (HTTP {(int)status}).", $"HTTP {(int)status}", retryAfter),
    };

    public static RegistryFailure Malformed(string what) =>
        new("La réponse du registre est illisible (format inattendu).", "malformed body: " + what);

    public static RegistryFailure Unreachable(Exception exception) =>
        new("Le registre est injoignable (erreur réseau).", "network error: " + exception.GetType().Name);

    /// <summary>Classifies the exceptions a call may end with; null for those that are not an upstream failure.</summary>
    public static RegistryFailure? FromException(Exception exception) => exception switch
    {
        ApiRequestException { InnerException: { } inner } => FromException(inner),
        ApiException { InnerException: JsonException json } => Malformed(json.GetType().Name),
        ApiException api => FromStatus(api.StatusCode, RetryAfterOf(api)),
        JsonException json => Malformed(json.GetType().Name),
        BrokenCircuitException broken => new(
            "Le registre a échoué plusieurs fois de suite : il n'est plus interrogé pendant un court délai" + After(broken.RetryAfter) + ".",
            "circuit open", broken.RetryAfter),
        RegistryBusyException busy => new(
            "Le registre est très sollicité : la requête a trop attendu son tour et n'a pas été envoyée" + After(busy.Waited) + ".",
            "queue wait exceeded", busy.Waited ?? TimeSpan.FromSeconds(30), Busy: true),
        RegistryResponseTooLargeException tooLarge => new(
            $"La réponse du registre dépasse la taille acceptée ({tooLarge.MaxBytes / 1024} Kio) : elle n'a pas été lue.",
            "body too large"),
        TimeoutRejectedException => new("Le registre n'a pas répondu (délai dépassé).", "timeout"),
        TaskCanceledException => new("Le registre n'a pas répondu (délai dépassé).", "timeout"),
        HttpRequestException => Unreachable(exception),
        _ => null,
    };

    private static TimeSpan? RetryAfterOf(ApiException api) => Http.RetryAfter.Of(api.Headers);

    private static string After(TimeSpan? wait) => wait is { } w
        ? $" ; nouvel essai possible dans {Math.Max(1, (int)Math.Ceiling(w.TotalSeconds))} s"
        : "";
}
