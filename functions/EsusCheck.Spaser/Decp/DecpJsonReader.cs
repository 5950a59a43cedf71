using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EsusCheck.Spaser.Decp;

/// <summary>Streams the contracts of a DECP JSON file (<c>{"marches": {"marche": [...]}}</c>, schema v2.0.3): one
/// contract is held at a time, however large the file. Tolerates what producers really write: <c>"marches"</c> as
/// the array itself, a single <c>"marche"</c> object, lists with or without their wrapper objects
/// (<c>{"titulaire": {...}}</c>), numbers written as strings. Concessions (<c>contrat-concession</c>) are counted
/// and left out: SPASER indicators are about contracts (marchés).</summary>
internal sealed class DecpJsonReader
{
    private enum Where { Start, Root, Marches, Contracts, Done }

    private Where _where = Where.Start;
    private int _contractsDepth;
    private string? _property;
    private long _rank;
    private bool _sawMarches;

    public long Concessions { get; private set; }

    public async IAsyncEnumerable<DecpRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var found = new List<RawMarche>();
            var bomChecked = false;
            while (true)
            {
                if (!final)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                    if (read == 0) final = true;
                    length += read;
                }
                if (!bomChecked)
                {
                    if (length < 3 && !final) continue;
                    bomChecked = true;
                    if (buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        buffer.AsSpan(3, length - 3).CopyTo(buffer);
                        length -= 3;
                    }
                }

                int consumed;
                try
                {
                    consumed = Parse(buffer.AsSpan(0, length), final, ref state, found);
                }
                catch (JsonException ex)
                {
                    throw DecpFileErrors.Refuse(DecpFileErrors.JsonInvalid,
                        $"Le fichier JSON est mal formé près de la ligne {(ex.LineNumber ?? 0) + 1} : il ne peut pas être lu au-delà.");
                }
                foreach (var raw in found) yield return DecpRecordBuilder.Build(raw);
                found.Clear();
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (_where == Where.Done || (final && length == 0)) break;
                if (final && consumed == 0)
                    throw DecpFileErrors.Refuse(DecpFileErrors.JsonInvalid, "Le fichier JSON est tronqué : il se termine au milieu d'un marché.");
            }
            if (!_sawMarches)
                throw DecpFileErrors.Refuse(DecpFileErrors.NoContracts,
                    "Le fichier JSON ne contient pas de liste « marches » au format des données essentielles de la commande publique.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Step { Next, Enter, Contract, Concessions, Skip }

    /// <returns>The bytes fully processed; the rest (an incomplete contract) is read again with more data.</returns>
    private int Parse(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, List<RawMarche> found)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (_where != Where.Done)
        {
            var before = reader;
            if (!reader.Read()) break;
            var step = Decide(reader.TokenType, reader.CurrentDepth);
            if (step is Step.Contract or Step.Concessions or Step.Skip)
            {
                // A value read whole must be whole in the buffer: otherwise stop before it and come back with more data.
                var probe = reader;
                if (!probe.TrySkip())
                {
                    reader = before;
                    break;
                }
            }
            switch (step)
            {
                case Step.Next when reader.TokenType == JsonTokenType.PropertyName:
                    _property = reader.GetString();
                    break;
                case Step.Contract:
                    using (var document = JsonDocument.ParseValue(ref reader)) found.Add(ToRaw(document.RootElement, ++_rank));
                    break;
                case Step.Concessions:
                    using (var document = JsonDocument.ParseValue(ref reader)) Concessions += document.RootElement.GetArrayLength();
                    break;
                case Step.Skip:
                    reader.Skip();
                    break;
            }
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Where a token leads, given where the reader is: into the root, <c>marches</c> and the list of contracts,
    /// to one contract (read whole), to the concessions (counted), or past anything else.</summary>
    private Step Decide(JsonTokenType token, int depth)
    {
        switch (_where)
        {
            case Where.Start:
                if (token != JsonTokenType.StartObject)
                    throw DecpFileErrors.Refuse(DecpFileErrors.NoContracts,
                        "Le fichier JSON ne commence pas par un objet : ce n'est pas un fichier de données essentielles.");
                _where = Where.Root;
                return Step.Enter;
            case Where.Root when token == JsonTokenType.EndObject:
                _where = Where.Done;
                return Step.Next;
            case Where.Root when _property == "marches" && token is JsonTokenType.StartObject or JsonTokenType.StartArray:
                _sawMarches = true;
                _where = token == JsonTokenType.StartObject ? Where.Marches : Where.Contracts;
                _contractsDepth = depth;
                return Step.Enter;
            case Where.Marches when token == JsonTokenType.EndObject:
                _where = Where.Root;
                _property = null;
                return Step.Next;
            case Where.Marches when _property == "marche" && token == JsonTokenType.StartArray:
                _where = Where.Contracts;
                _contractsDepth = depth;
                return Step.Enter;
            case Where.Marches when _property == "marche" && token == JsonTokenType.StartObject:
            case Where.Contracts when token == JsonTokenType.StartObject:
                return Step.Contract;
            case Where.Marches when _property == "contrat-concession" && token == JsonTokenType.StartArray:
                return Step.Concessions;
            case Where.Contracts when token == JsonTokenType.EndArray && depth == _contractsDepth:
                _where = _contractsDepth == 1 ? Where.Root : Where.Marches;
                return Step.Next;
            default:
                // Another property's value, a scalar in the list: passed over.
                return token is JsonTokenType.StartObject or JsonTokenType.StartArray ? Step.Skip : Step.Next;
        }
    }

    private static RawMarche ToRaw(JsonElement marche, long rank)
    {
        var raw = new RawMarche
        {
            Position = rank,
            Id = Text(marche, "id"),
            BuyerId = Property(marche, "acheteur") is { } buyer ? (buyer.ValueKind == JsonValueKind.Object ? Text(buyer, "id") : Scalar(buyer)) : null,
            Object = Text(marche, "objet"),
            Cpv = Text(marche, "codeCPV"),
            NotifiedOn = Text(marche, "dateNotification"),
            Amount = Text(marche, "montant"),
            DurationMonths = Text(marche, "dureeMois"),
        };
        raw.Techniques.AddRange(Items(Property(marche, "techniques") ?? Property(marche, "technique"), "technique").Select(Scalar).OfType<string>());
        if (Property(marche, "considerationsSociales") is { } social)
            raw.SocialConsiderations = Items(social, "considerationSociale").Select(Scalar).OfType<string>().ToList();
        raw.Holders.AddRange(Operators(Property(marche, "titulaires"), "titulaire"));
        foreach (var act in Items(Property(marche, "actesSousTraitance"), "acteSousTraitance"))
            raw.Subcontracts.Add(new RawSubcontract
            {
                Id = Text(act, "id"),
                Subcontractor = Property(act, "sousTraitant") is { ValueKind: JsonValueKind.Object } sub ? Operator(sub) : null,
                Amount = Text(act, "montant"),
                NotifiedOn = Text(act, "dateNotification"),
            });
        foreach (var change in Items(Property(marche, "modificationsActesSousTraitance"), "modificationActeSousTraitance", "modificationActesSousTraitance"))
            raw.SubcontractChanges.Add((Text(change, "id"), Text(change, "montant")));
        foreach (var modification in Items(Property(marche, "modifications"), "modification"))
            raw.Modifications.Add(new RawModification
            {
                Id = Text(modification, "id"),
                NotifiedOn = Text(modification, "dateNotificationModification"),
                Amount = Text(modification, "montant"),
                DurationMonths = Text(modification, "dureeMois"),
                Holders = Property(modification, "titulaires") is { } holders ? Operators(holders, "titulaire").ToList() : null,
            });
        return raw;
    }

    private static IEnumerable<RawOperator> Operators(JsonElement? container, string wrapper) =>
        Items(container, wrapper).Where(e => e.ValueKind == JsonValueKind.Object).Select(Operator);

    private static RawOperator Operator(JsonElement element) => new(Text(element, "typeIdentifiant"), Text(element, "id"));

    /// <summary>The items of a list however it is wrapped: <c>[{"w": x}, …]</c>, <c>[x, …]</c>, <c>{"w": [x, …]}</c>,
    /// <c>{"w": x}</c> or a lone value.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement? container, params string[] wrappers)
    {
        if (container is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) yield break;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
                foreach (var inner in Unwrapped(item, wrappers)) yield return inner;
            yield break;
        }
        foreach (var inner in Unwrapped(value, wrappers)) yield return inner;
    }

    private static IEnumerable<JsonElement> Unwrapped(JsonElement item, string[] wrappers)
    {
        foreach (var wrapper in wrappers)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(wrapper, out var inner))
            {
                if (inner.ValueKind == JsonValueKind.Array)
                    foreach (var element in inner.EnumerateArray()) yield return element;
                else yield return inner;
                yield break;
            }
        }
        yield return item;
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) => Property(element, name) is { } value ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
