using System.Text;
using EsusCheck.Core.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Core.Tests.Application;

/// <summary>The SIRET hashes in the logs are keyed: without the key, hashing every SIRET of Sirene finds nothing.</summary>
public sealed class LogPrivacyTests
{
    private const string Siret = "35600000000048";

    [Fact]
    public void The_hash_depends_on_the_key()
    {
        var one = LogPrivacy.Hash(Siret, Encoding.UTF8.GetBytes("first secret key"));
        var other = LogPrivacy.Hash(Siret, Encoding.UTF8.GetBytes("second secret key"));

        Assert.NotEqual(one, other);
        Assert.Equal(one, LogPrivacy.Hash(Siret, Encoding.UTF8.GetBytes("first secret key")));
        Assert.Equal(12, one.Length);
        Assert.DoesNotContain(Siret, one, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_public_salted_hash_is_no_longer_what_the_logs_carry()
    {
        var publicSalted = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("esuscheck:" + Siret)))[..12];

        Assert.NotEqual(publicSalted, LogPrivacy.Hash(Siret));
    }

    [Fact]
    public void The_configured_key_is_the_one_used()
    {
        const string key = "a key from Key Vault, for the tests only";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [LogPrivacy.KeySetting] = key })
            .Build();

        new ServiceCollection().AddEsusCheckCore(configuration);

        Assert.Equal(LogPrivacy.Hash(Siret, Encoding.UTF8.GetBytes(key)), LogPrivacy.Hash(Siret));
    }
}
