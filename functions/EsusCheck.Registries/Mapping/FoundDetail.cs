using EsusCheck.Core.Facts;

namespace EsusCheck.Registries.Mapping;

internal static class FoundDetail
{
    /// <summary>The evidence detail of an identity source that found the establishment.</summary>
    public static string For(CompanyIdentity identity) => identity.Diffusion == Diffusion.Partial
        ? "Établissement trouvé (diffusion partielle : certaines données sont masquées)."
        : "Établissement trouvé.";
}
