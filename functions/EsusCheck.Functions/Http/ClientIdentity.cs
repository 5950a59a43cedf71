using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace EsusCheck.Functions.Http;

/// <summary>Who asks, for the audit row. In order: the user that App Service Authentication signed in (the platform
/// sets <c>x-ms-client-principal-name</c> and strips it from incoming requests — but only when App Service
/// Authentication is on: otherwise anyone can send that header, so it is trusted only when the configuration says
/// so, <see cref="HttpApiOptions.AppServiceAuthentication"/>), the caller's own declaration in
/// <c>x-functions-clientid</c> (a label such as a connector name, not a proof of identity), the authenticated user of
/// the request, the name of the function key used. Null when none is known.</summary>
public static class ClientIdentity
{
    public const string PrincipalNameHeader = "x-ms-client-principal-name";
    public const string ClientIdHeader = "x-functions-clientid";

    /// <summary>The claim the Functions host gives a request authenticated by a function key.</summary>
    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    public const int MaxLength = 128;

    public static string? From(HttpRequest request, bool appServiceAuthentication) =>
        (appServiceAuthentication ? Clean(request.Headers[PrincipalNameHeader].FirstOrDefault()) : null)
        ?? Clean(request.Headers[ClientIdHeader].FirstOrDefault())
        ?? Clean(request.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null)
        ?? Clean(request.HttpContext.User.FindFirstValue(KeyIdClaim) is { } key ? "key:" + key : null);

    /// <summary>What a client's rate limit is counted on: what the caller cannot choose freely comes first (the signed-in
    /// user, the function key's name), the self-declared label only when there is nothing else.</summary>
    public static string RateLimitKey(HttpRequest request, bool appServiceAuthentication) =>
        (appServiceAuthentication ? Clean(request.Headers[PrincipalNameHeader].FirstOrDefault()) : null)
        ?? Clean(request.HttpContext.User.FindFirstValue(KeyIdClaim) is { } key ? "key:" + key : null)
        ?? Clean(request.Headers[ClientIdHeader].FirstOrDefault())
        ?? "anonymous";

    /// <summary>The value lands in a table row and in an answer months later: printable, trimmed, bounded.</summary>
    private static string? Clean(string? value)
    {
        if (value is null) return null;
        var printable = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length == 0 ? null : printable.Length > MaxLength ? printable[..MaxLength] : printable;
    }
}
