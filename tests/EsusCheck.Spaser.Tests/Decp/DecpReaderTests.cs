using System.Text;
using System.Text.Json.Nodes;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Reading;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.Tests.Support;

namespace EsusCheck.Spaser.Tests.Decp;

/// <summary>The three readers on files built to the schema, on the damaged records buyers really publish (each one
/// reported with its identifier, none dropped), and on the shapes producers write beside the schema.</summary>
public sealed class DecpReaderTests
{
    private const string Buyer = "21750001600019";
    private static readonly Party Holder = Party.Siret("41816609600069");

    private static TestContract Contract(string id, string date = "2024-03-01", decimal amount = 1000m) =>
        new(id, Buyer, date, amount, "85311000-2", ["Clause sociale"], [Holder]);

    private static async Task<(List<DecpRecord> Records, DecpRecords Pass)> ReadAsync(byte[] bytes)
    {
        var probe = await ContentProbe.ReadAsync(new MemoryStream(bytes), CancellationToken.None);
        var format = await DecpReader.DetectAsync(new MemoryStream(bytes), probe, CancellationToken.None);
        var pass = new DecpReader(new BulkOptions()).Open(new MemoryStream(bytes), format, probe.Encoding);
        var records = new List<DecpRecord>();
        await foreach (var record in pass.Records) records.Add(record);
        return (records, pass);
    }

    [Fact]
    public async Task A_json_record_without_a_date_or_with_an_unreadable_amount_is_reported_with_its_id_and_the_others_are_read()
    {
        var noDate = DecpFiles.JsonContract(Contract("BAD-DATE"));
        noDate.Remove("dateNotification");
        var badAmount = DecpFiles.JsonContract(Contract("BAD-AMOUNT"));
        badAmount["montant"] = "beaucoup";
        var noHolder = DecpFiles.JsonContract(Contract("NO-HOLDER"));
        noHolder["titulaires"] = new JsonArray();
        var json = new JsonObject
        {
            ["marches"] = new JsonObject
            {
                ["marche"] = new JsonArray(DecpFiles.JsonContract(Contract("OK1")), noDate, badAmount, noHolder, DecpFiles.JsonContract(Contract("OK2"))),
            },
        };

        var (records, _) = await ReadAsync(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal(["OK1", "OK2"], records.Where(r => r.Contract is not null).Select(r => r.Contract!.Id));
        Assert.Equal([("BAD-DATE", "decp_record_date_invalid", 2L), ("BAD-AMOUNT", "decp_record_amount_invalid", 3L), ("NO-HOLDER", "decp_record_no_holder", 4L)],
            records.Where(r => r.Error is not null).Select(r => (r.Error!.ContractId!, r.Error.Code, r.Error.Position)));
        Assert.All(records.Where(r => r.Error is not null), r => Assert.Contains(r.Error!.ContractId!, r.Error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_xml_record_without_an_id_is_reported_with_its_line_and_concessions_are_counted_apart()
    {
        var xml = Encoding.UTF8.GetString(DecpFiles.Xml([Contract("X1"), Contract("X2")], concessions: 2));
        xml = xml.Replace("<id>X2</id>", "", StringComparison.Ordinal);

        var (records, pass) = await ReadAsync(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("X1", records[0].Contract!.Id);
        Assert.Equal(DecpRecordBuilder.Codes.NoId, records[1].Error!.Code);
        Assert.True(records[1].Error!.Position > records[0].Contract!.Position);
        Assert.Equal(2, pass.Concessions);
    }

    [Fact]
    public async Task A_truncated_json_file_is_refused_with_a_french_reason()
    {
        var bytes = DecpFiles.Json([Contract("T1"), Contract("T2")]);

        var error = await Assert.ThrowsAsync<BulkFileException>(() => ReadAsync(bytes[..(bytes.Length * 2 / 3)]));

        Assert.Equal(DecpFileErrors.JsonInvalid, error.Error.Code);
        Assert.Contains("JSON", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_file_larger_than_the_read_buffer_streams_every_contract_across_buffer_boundaries()
    {
        var contracts = Enumerable.Range(1, 3000).Select(i => Contract($"C{i}", amount: i) with { Object = new string('o', i % 700) }).ToList();

        var (records, _) = await ReadAsync(DecpFiles.Json(contracts));

        Assert.Equal(3000, records.Count);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (decimal)i), records.Select(r => r.Contract!.Amount));
    }

    [Fact]
    public async Task Modifications_give_the_current_amount_duration_and_holders_and_the_new_holder_its_own_date()
    {
        var other = Party.Siret("73282932000074");
        var contract = Contract("MOD") with
        {
            Changes = [new Change(1, "2024-06-01", Amount: 1500m), new Change(2, "2024-09-15", Months: 30, Holders: [Holder, other])],
        };

        foreach (var bytes in new[] { DecpFiles.Json([contract]), DecpFiles.Xml([contract]), DecpFiles.Csv([contract]) })
        {
            var read = Assert.Single((await ReadAsync(bytes)).Records).Contract!;
            Assert.Equal((1500m, 1000m, 30, 2, new DateOnly(2024, 3, 1)), (read.Amount, read.InitialAmount, read.DurationMonths, read.Modifications, read.NotifiedOn));
            Assert.Equal([("41816609600069", new DateOnly(2024, 3, 1)), ("73282932000074", new DateOnly(2024, 9, 15))],
                read.Holders.Select(h => (h.Operator.Identifier, h.Since)));
        }
    }

    [Fact]
    public async Task Lists_without_their_wrapper_objects_and_marches_as_an_array_are_read_too()
    {
        // Seen in published files beside the schema: {"marches": [...]}, holders not wrapped in « titulaire »,
        // considerationsSociales as a plain list, the amount as a string.
        const string json = """
            {"marches": [{"id": "LOOSE", "acheteur": {"id": "21750001600019"}, "objet": "x", "codeCPV": "85311000",
              "dateNotification": "2024-05-15", "montant": "1234.5", "dureeMois": 12,
              "titulaires": [{"typeIdentifiant": "SIRET", "id": "41816609600069"}],
              "considerationsSociales": ["Critère social"]}]}
            """;

        var read = Assert.Single((await ReadAsync(Encoding.UTF8.GetBytes(json))).Records).Contract!;

        Assert.Equal(("LOOSE", 1234.5m, "85311000", "41816609600069"), (read.Id, read.Amount, read.Cpv, read.Holders[0].Operator.Identifier));
        Assert.Equal([SocialConsideration.SocialCriterion], read.SocialConsiderations!);
    }

    [Fact]
    public async Task The_rows_of_a_contract_in_the_consolidated_csv_are_gathered_wherever_they_stand()
    {
        var csv = Encoding.UTF8.GetString(DecpFiles.Csv([Contract("A") with { Changes = [new Change(1, "2024-07-01", Amount: 2000m)] }, Contract("B")]));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        // decp.info sorts by date, newest first: the modified state of A comes after B.
        var shuffled = string.Join('\n', [lines[0], lines[2], lines[3], lines[1]]) + "\n";

        var read = (await ReadAsync(Encoding.UTF8.GetBytes(shuffled))).Records.Select(r => r.Contract!).ToList();

        Assert.Equal([("A", 2000m, new DateOnly(2024, 3, 1)), ("B", 1000m, new DateOnly(2024, 3, 1))],
            read.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (c.Id, c.Amount, c.NotifiedOn)));
    }

    [Fact]
    public async Task A_csv_without_the_holder_column_is_refused_with_the_columns_it_has()
    {
        var error = await Assert.ThrowsAsync<BulkFileException>(() => ReadAsync(Encoding.UTF8.GetBytes("id,acheteur_id,montant,dateNotification\nA,1,2,2024-01-01\n")));

        Assert.Equal(DecpFileErrors.CsvColumns, error.Error.Code);
        Assert.Contains("titulaire_id", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_is_refused_as_a_format_the_decp_does_not_use()
    {
        var error = await Assert.ThrowsAsync<BulkFileException>(() => ReadAsync([.. "PK\u0003\u0004"u8, .. new byte[64]]));

        Assert.Equal(DecpFileErrors.Unsupported, error.Error.Code);
    }
}
