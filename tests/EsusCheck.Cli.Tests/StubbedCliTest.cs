using EsusCheck.Testing.Registries;

namespace EsusCheck.Cli.Tests;

/// <summary>One WireMock registry stub per test, and the CLI pointed at it with its own data folder.</summary>
public abstract class StubbedCliTest : IDisposable
{
    protected StubbedCliTest() => Cli = new CliRunner(RegistryTestServices.Configuration(Stubs));

    protected RegistryStubs Stubs { get; } = new();

    protected CliRunner Cli { get; }

    public void Dispose()
    {
        Cli.Dispose();
        Stubs.Dispose();
        GC.SuppressFinalize(this);
    }
}
