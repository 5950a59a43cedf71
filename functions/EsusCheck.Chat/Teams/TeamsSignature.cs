using System.Security.Cryptography;

namespace EsusCheck.Chat.Teams;

/// <summary>Teams signs each outgoing-webhook request: <c>Authorization: HMAC base64(HMAC-SHA256(key = the base64-decoded
/// shared secret, message = the raw request body bytes))</c>.</summary>
public static class TeamsSignature
{
    public const string Scheme = "HMAC";

    public static string Sign(byte[] body, byte[] key) => Convert.ToBase64String(HMACSHA256.HashData(key, body));

    /// <summary>The secret's key bytes, or null when the configured value is not base64.</summary>
    public static byte[]? Key(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) return null;
        try
        {
            return Convert.FromBase64String(secret.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Checks the header in constant time (the comparison does not reveal how many bytes matched).</summary>
    public static bool IsValid(string? authorization, byte[] body, byte[] key)
    {
        if (authorization is null) return false;
        var trimmed = authorization.Trim();
        if (!trimmed.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase)) return false;
        byte[] provided;
        try
        {
            provided = Convert.FromBase64String(trimmed[(Scheme.Length + 1)..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(provided, HMACSHA256.HashData(key, body));
    }
}
