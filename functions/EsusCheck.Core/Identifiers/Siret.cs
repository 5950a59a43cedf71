using System.Text.Json.Serialization;

namespace EsusCheck.Core.Identifiers;

/// <summary>A 14-digit SIRET (establishment) = SIREN + NIC. Built only by <see cref="IdentifierParser"/>.</summary>
[JsonConverter(typeof(IdentifierJsonConverter.ForSiret))]
public readonly record struct Siret
{
    internal Siret(string value) => Value = value;

    public string Value { get; }

    public Siren Siren => new(Value[..9]);

    public string Nic => Value[9..];

    /// <summary>Luhn, or for La Poste (whose establishments all share SIREN 356000000) Luhn or a digit sum
    /// that is a multiple of 5.</summary>
    public bool HasValidKey => Luhn.IsValid(Value) || (Siren.IsLaPoste && Luhn.DigitSum(Value) % 5 == 0);

    /// <summary>The usual French grouping, e.g. « 418 166 096 00069 ».</summary>
    public string Formatted => $"{Siren.Formatted} {Nic}";

    public override string ToString() => Value;
}
