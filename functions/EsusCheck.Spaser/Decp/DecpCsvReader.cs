using System.Globalization;
using System.Runtime.CompilerServices;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Spaser.Decp;

/// <summary>Reads the flat CSV of the consolidated DECP (decp.info / data.gouv.fr): one row per contract, holder and
/// state of the contract (<c>modification_id</c> 0 for the initial data, 1… after each modification,
/// <c>donneesActuelles</c> on the current rows), lists joined by « , ». The rows of a contract are gathered by
/// <c>uid</c> (else buyer + id) wherever they stand in the file, then read as one contract. The flat file carries
/// no subcontracting acts. Memory grows with the number of contracts (a few hundred bytes each), not with the bytes
/// of the file.</summary>
internal sealed class DecpCsvReader(int maxRowCharacters)
{
    private sealed class Columns(IReadOnlyList<string> header)
    {
        private readonly Dictionary<string, int> _index = header
            .Select((name, i) => (Name: Normalise(name), i))
            .GroupBy(c => c.Name)
            .ToDictionary(g => g.Key, g => g.First().i);

        public int? Of(params string[] names) =>
            names.Select(n => _index.TryGetValue(Normalise(n), out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);

        private static string Normalise(string name) => name.Trim().Trim('\uFEFF').Replace('.', '_').ToLowerInvariant();
    }

    private sealed class State(string? modificationId, string? notifiedOn, string? amount, string? duration)
    {
        public readonly string? ModificationId = modificationId;
        public readonly string? NotifiedOn = notifiedOn;
        public readonly string? Amount = amount;
        public readonly string? Duration = duration;
        public readonly List<RawOperator> Holders = [];
    }

    private sealed class Gathered(RawMarche raw)
    {
        public readonly RawMarche Raw = raw;
        public readonly SortedDictionary<int, State> States = [];
    }

    public async IAsyncEnumerable<DecpRecord> ReadAsync(
        Stream stream, TextEncodingKind encoding, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var csv = await CsvTable.OpenAsync(
            new StreamReader(stream, TextEncodings.ForReading(encoding), detectEncodingFromByteOrderMarks: true, 64 * 1024),
            16 * 1024, maxRowCharacters, singleColumnDelimiter: ',', cancellationToken: cancellationToken);

        var header = await csv.ReadAsync(cancellationToken);
        if (header is null) throw DecpFileErrors.Refuse(DecpFileErrors.NoContracts, "Le fichier CSV est vide.");
        var columns = new Columns(header.Fields);
        var uid = columns.Of("uid");
        var id = columns.Of("id");
        var buyer = columns.Of("acheteur_id", "acheteur");
        var holder = columns.Of("titulaire_id");
        var holderType = columns.Of("titulaire_typeIdentifiant");
        var date = columns.Of("dateNotification");
        var amount = columns.Of("montant");
        var missing = new[] { ("id", id), ("acheteur_id", buyer), ("titulaire_id", holder), ("dateNotification", date), ("montant", amount) }
            .Where(c => c.Item2 is null).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
            throw DecpFileErrors.Refuse(DecpFileErrors.CsvColumns,
                $"Colonnes absentes du fichier CSV des DECP consolidées : {string.Join(", ", missing)}. Colonnes lues : " +
                $"{string.Join(", ", header.Fields.Take(40))}.");
        var cpv = columns.Of("codeCPV");
        var subject = columns.Of("objet");
        var social = columns.Of("considerationsSociales");
        var techniques = columns.Of("techniques");
        var duration = columns.Of("dureeMois");
        var modification = columns.Of("modification_id");

        var contracts = new Dictionary<string, Gathered>();
        var order = new List<Gathered>();
        while (await csv.ReadAsync(cancellationToken) is { } record)
        {
            var fields = record.Fields;
            string? Cell(int? index) => index is { } i && i < fields.Count ? DecpRecordBuilder.Clean(fields[i]) : null;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Problem != RecordProblem.None)
            {
                yield return DecpRecord.Of(new DecpRecordError(Cell(id), Cell(buyer), record.Line, DecpRecordBuilder.Codes.Unreadable,
                    record.Problem == RecordProblem.TooLong
                        ? $"La ligne {record.Line} est trop longue pour être lue."
                        : $"La ligne {record.Line} ouvre des guillemets jamais refermés : le fichier semble tronqué."));
                continue;
            }
            var key = Cell(uid) ?? $"{Cell(buyer)}{Cell(id)}";
            if (!contracts.TryGetValue(key, out var gathered))
            {
                var raw = new RawMarche
                {
                    Position = record.Line,
                    Id = Cell(id),
                    BuyerId = Cell(buyer),
                    Object = Cell(subject),
                    Cpv = Cell(cpv),
                    SocialConsiderations = Cell(social) is { } values ? Split(values) : null,
                };
                if (Cell(techniques) is { } list) raw.Techniques.AddRange(Split(list));
                contracts[key] = gathered = new Gathered(raw);
                order.Add(gathered);
            }
            var stateId = int.TryParse(Cell(modification), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : 0;
            if (!gathered.States.TryGetValue(stateId, out var state))
                gathered.States[stateId] = state = new State(Cell(modification), Cell(date), Cell(amount), Cell(duration));
            if (Cell(holder) is { } holderId) state.Holders.Add(new RawOperator(Cell(holderType), holderId));
        }

        foreach (var gathered in order)
        {
            var raw = gathered.Raw;
            var states = gathered.States.Values.ToList();
            var initial = states[0];
            raw.NotifiedOn = initial.NotifiedOn;
            raw.Amount = initial.Amount;
            raw.DurationMonths = initial.Duration;
            raw.Holders.AddRange(initial.Holders);
            foreach (var later in states.Skip(1))
                raw.Modifications.Add(new RawModification
                {
                    Id = later.ModificationId,
                    NotifiedOn = later.NotifiedOn,
                    Amount = later.Amount,
                    DurationMonths = later.Duration,
                    Holders = later.Holders.Count > 0 ? later.Holders : null,
                });
            yield return DecpRecordBuilder.Build(raw);
        }
    }

    private static List<string> Split(string values) =>
        values.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
