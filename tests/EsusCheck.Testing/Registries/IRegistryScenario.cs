using EsusCheck.Core.Application;

namespace EsusCheck.Testing.Registries;

/// <summary>A set of companies a test talks about: what the registries say of them (staged on the WireMock
/// <see cref="RegistryStubs"/>) and which of them are on the ESUS list.</summary>
public interface IRegistryScenario
{
    RegistryStubs Stage(RegistryStubs stubs);

    Task LoadEsusListAsync(IEsusListStore store);
}
