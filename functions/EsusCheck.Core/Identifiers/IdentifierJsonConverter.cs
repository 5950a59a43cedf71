using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsusCheck.Core.Identifiers;

/// <summary>Identifiers travel as plain strings; a stored value that is not 9/14 digits fails loudly.</summary>
internal static class IdentifierJsonConverter
{
    public sealed class ForSiret : JsonConverter<Siret>
    {
        public override Siret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IdentifierParser.FromRegistry(reader.GetString()) ?? throw new JsonException("A SIRET must be 14 digits.");

        public override void Write(Utf8JsonWriter writer, Siret value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    public sealed class ForSiren : JsonConverter<Siren>
    {
        public override Siren Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { Length: 9 } s && s.All(char.IsAsciiDigit) ? new Siren(s) : throw new JsonException("A SIREN must be 9 digits.");

        public override void Write(Utf8JsonWriter writer, Siren value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
