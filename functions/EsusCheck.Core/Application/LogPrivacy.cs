using System.Security.Cryptography;
using System.Text;

namespace EsusCheck.Core.Application;

/// <summary>A SIRET of an individual entrepreneur identifies a person: logs carry a short hash, stable across runs so
/// that an operator can still follow one number through the logs.</summary>
public static class LogPrivacy
{
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("esuscheck:" + value)))[..12];
}
