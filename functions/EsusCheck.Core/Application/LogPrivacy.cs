using System.Security.Cryptography;
using System.Text;

namespace EsusCheck.Core.Application;

/// <summary>What the logs carry instead of a company number: an HMAC keyed with a secret. A plain or salted hash
/// would be reversible by hashing every SIRET of the Sirene base; without the key it is not. The key comes from
/// <see cref="KeySetting"/> (Key Vault in Azure) so that hashes agree across instances and restarts; without one, each
/// process draws its own random key: still irreversible, only comparable within that process.</summary>
public static class LogPrivacy
{
    public const string KeySetting = "Logging:SiretHashKey";

    private static byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Uses <paramref name="secret"/> as the key from now on; null or blank keeps the current one.</summary>
    public static void UseKey(string? secret)
    {
        if (!string.IsNullOrWhiteSpace(secret)) key = Encoding.UTF8.GetBytes(secret);
    }

    public static string Hash(string value) => Hash(value, key);

    public static string Hash(string value, byte[] secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(value)))[..12];
}
