using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Engine;

/// <summary>What the buyer is purchasing, when known: the CPV code of the contract or lot.</summary>
public sealed record PurchaseContext(CpvCode? Cpv = null)
{
    public static readonly PurchaseContext None = new();
}
