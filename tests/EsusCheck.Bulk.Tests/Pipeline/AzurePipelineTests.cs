namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary>Real files through the blob trigger and the queue trigger on Azurite, registries played by WireMock;
/// every output row checked, totals checked by value.</summary>
[Collection(AzureCollection.Name)]
public sealed class AzurePipelineTests
{
    private static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    [Fact]
    public async Task A_french_excel_export_is_annotated_row_by_row_with_spaser_totals()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var bytes = TestFiles.FrenchExcelCsv(
            "Fournisseur;N° SIRET;Montant HT;Commentaire",
            $"Régie des Lilas;{Spaced(s.Siae)};1 234,56;=1+1",
            $"ESAT Les Ateliers;{s.Esat};10 000,00;",
            $"SCOP Bâtir;{s.Esus};2 500,50;\"Lot 3; entretien\"",
            $"Dupont Services;{s.Company};50 000;",
            $"Régie des Lilas (bis);{s.Siae};765,44;",
            $"Inconnu;{s.Unknown};100,00;",
            "Erreur Excel;4,18166E+13;200,00;",
            "Total;;64 800,50;");

        var planned = await harness.DropAsync("achats 2025.csv", bytes);
        Assert.Equal(BulkJobState.Processing, planned.State);
        Assert.Equal((7L, 5, 2), (planned.RowsTotal, planned.UniqueItems, planned.ChunksTotal));
        Assert.True(await harness.DrainAsync() >= 3);

        var job = await harness.JobAsync(planned.JobId);
        Assert.Equal(BulkJobState.Completed, job.State);
        Assert.Equal((7L, 7L, 2L), (job.RowsTotal, job.RowsDone, job.RowsInError));
        foreach (var siret in s.Known.Append(s.Unknown))
            Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret));

        var csvBytes = await harness.OutputAsync(job.JobId, "achats-2025-resultats.csv");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csvBytes));
        Assert.Contains("\r\n", TestFiles.Windows1252.GetString(csvBytes), StringComparison.Ordinal);
        var csv = await ResultFile.CsvAsync(csvBytes, TestFiles.Windows1252, ';');
        var xlsx = ResultFile.Xlsx(await harness.OutputAsync(job.JobId, "achats-2025-resultats.xlsx"));

        foreach (var output in new[] { csv, xlsx })
        {
            Assert.Equal(["Fournisseur", "N° SIRET", "Montant HT", "Commentaire", .. Output.ResultColumns.Headers], output.Header);
            Assert.Equal(8, output.Data.Count);
            Assert.Equal(["Régie des Lilas", Spaced(s.Siae), "1 234,56", "'=1+1"], output.Data[0].Take(4));
            Assert.Equal("Lot 3; entretien", output.Cell(2, "Commentaire"));
            Assert.Equal(["vérifié", "vérifié", "vérifié", "vérifié", "vérifié", "entreprise inconnue", "numéro invalide", "ligne de total (ignorée)"],
                output.Column(ResultFile.Status));
            Assert.Equal([s.Siae, s.Esat, s.Esus, s.Company, s.Siae, "", "", ""], output.Column(ResultFile.CheckedSiret));
            Assert.Equal(["RÉGIE DES LILAS", "ESAT LES ATELIERS", "SCOP BÂTIR ENSEMBLE", "DUPONT SERVICES", "RÉGIE DES LILAS", "", "", ""],
                output.Column(ResultFile.Name));
            Assert.Equal(["oui", "oui", "oui", "non", "oui", "", "", ""], output.Column(ResultFile.Ess));
            Assert.Equal(["non", "non", "oui", "non", "non", "", "", ""], output.Column(ResultFile.Esus));
            Assert.Equal(["non éligible", "éligible", "non éligible", "non éligible", "non éligible", "", "", ""], output.Column(ResultFile.L2113_12));
            Assert.Equal(["éligible", "non éligible", "non éligible", "non éligible", "éligible", "", "", ""], output.Column(ResultFile.L2113_13));
            Assert.Equal(["à vérifier", "à vérifier", "à vérifier", "non éligible", "à vérifier", "", "", ""], output.Column(ResultFile.L2113_15));
            Assert.Equal("Conditions à confirmer par l'acheteur", output.Header[^1]);
            Assert.StartsWith("L2113-13 : L'avis de marché ou les documents de la consultation indiquent", output.Cell(0, ResultFile.Conditions), StringComparison.Ordinal);
            Assert.Contains(" | L2113-15 : Les statuts de l'opérateur", output.Cell(0, ResultFile.Conditions), StringComparison.Ordinal);
            Assert.Contains("Le marché dure au plus 3 ans (article L2113-16).", output.Cell(0, ResultFile.Conditions), StringComparison.Ordinal);
            Assert.Equal("", output.Cell(3, ResultFile.Conditions));
            Assert.DoesNotContain("Le marché dure au plus 3 ans", output.Cell(0, ResultFile.Reasons), StringComparison.Ordinal);
            Assert.StartsWith("Association déclarée", output.Cell(0, ResultFile.LegalForm), StringComparison.Ordinal);
            Assert.Contains("Même fournisseur que la ligne 2", output.Cell(4, ResultFile.Reasons), StringComparison.Ordinal);
            Assert.Contains("Aucun établissement ne porte le SIRET", output.Cell(5, ResultFile.Reasons), StringComparison.Ordinal);
            Assert.Contains("notation scientifique", output.Cell(6, ResultFile.Reasons), StringComparison.Ordinal);
            Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", output.Cell(0, ResultFile.CheckedAt));
        }

        using var summary = JsonDocument.Parse(await harness.SummaryJsonAsync(job.JobId));
        var root = summary.RootElement;
        Assert.Equal("completed", root.GetProperty("state").GetString());
        Assert.Equal("windows-1252", root.GetProperty("input").GetProperty("encoding").GetString());
        Assert.Equal(";", root.GetProperty("input").GetProperty("delimiter").GetString());
        Assert.Equal("N° SIRET", root.GetProperty("input").GetProperty("columns").GetProperty("siret").GetString());
        Assert.Equal("Montant HT", root.GetProperty("input").GetProperty("columns").GetProperty("spend").GetString());
        var rows = root.GetProperty("rows");
        Assert.Equal((7, 5, 2, 1, 1), (rows.GetProperty("total").GetInt32(), rows.GetProperty("checked").GetInt32(),
            rows.GetProperty("inError").GetInt32(), rows.GetProperty("duplicates").GetInt32(), rows.GetProperty("totalLines").GetInt32()));
        Assert.Equal(4, root.GetProperty("suppliers").GetInt32());
        Assert.Equal(64_800.50m, root.GetProperty("spend").GetProperty("total").GetDecimal());
        Assert.Equal(64_500.50m, root.GetProperty("spend").GetProperty("checked").GetDecimal());

        var spaser = root.GetProperty("spaser");
        AssertCategory(spaser.GetProperty("ess"), suppliers: 3, spend: 1_234.56m + 765.44m + 10_000m + 2_500.50m, total: 64_800.50m, allSuppliers: 4);
        AssertCategory(spaser.GetProperty("esus"), suppliers: 1, spend: 2_500.50m, total: 64_800.50m, allSuppliers: 4);
        AssertCategory(spaser.GetProperty("siae"), suppliers: 1, spend: 2_000.00m, total: 64_800.50m, allSuppliers: 4);
        AssertCategory(spaser.GetProperty("eaEsat"), suppliers: 1, spend: 10_000m, total: 64_800.50m, allSuppliers: 4);
        // L2113-15: the three ESS suppliers are « à vérifier », none « éligible », the one non-ESS supplier is out: 0 + 3 + 1 = 4.
        var social = spaser.GetProperty("socialServices");
        AssertCategory(social, suppliers: 0, spend: 0m, total: 64_800.50m, allSuppliers: 4);
        Assert.Equal(3, social.GetProperty("suppliersToVerify").GetInt32());
        Assert.Equal(spaser.GetProperty("ess").GetProperty("suppliers").GetInt32(),
            social.GetProperty("suppliers").GetInt32() + social.GetProperty("suppliersToVerify").GetInt32());
        Assert.Contains(root.GetProperty("highlights").EnumerateArray(), h => h.GetString()!.StartsWith(
            "Services sociaux (marchés réservés L2113-15) : 0 fournisseur(s) (0 % des fournisseurs vérifiés)", StringComparison.Ordinal)
            && h.GetString()!.Contains("3 autre(s) à vérifier : aucun registre ne montre la mission de service public", StringComparison.Ordinal)
            && h.GetString()!.EndsWith("jamais « éligible ».", StringComparison.Ordinal));

        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([7L, 8L], errors.Select(e => e.GetProperty("line").GetInt64()));
        Assert.Equal(["siret_unknown", "identifier_excel_scientific_notation"], errors.Select(e => e.GetProperty("code").GetString()));
        Assert.Contains(root.GetProperty("highlights").EnumerateArray(), h => h.GetString()!.StartsWith("Entreprises de l'ESS : 3 fournisseur(s)", StringComparison.Ordinal));
    }

    private static void AssertCategory(JsonElement category, int suppliers, decimal spend, decimal total, int allSuppliers)
    {
        Assert.Equal(suppliers, category.GetProperty("suppliers").GetInt32());
        Assert.Equal(spend, category.GetProperty("spend").GetDecimal());
        Assert.Equal(Math.Round(spend / total, 4), category.GetProperty("shareOfSpend").GetDecimal());
        Assert.Equal(Math.Round((decimal)suppliers / allSuppliers, 4), category.GetProperty("shareOfSuppliers").GetDecimal());
    }

    [Fact]
    public async Task An_english_utf8_csv_keeps_its_comma_encoding_and_line_endings()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var bytes = TestFiles.Csv(new UTF8Encoding(true), "\n", bom: true,
            "Supplier name,SIRET,Amount",
            $"\"Régie, Lilas\",{s.Siae},\"1,234.56\"",
            $"Dupont,{s.Company},99.5");

        var job = await harness.DropAsync("suppliers.csv", bytes);
        await harness.DrainAsync();

        var csvBytes = await harness.OutputAsync(job.JobId, "suppliers-resultats.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var text = Encoding.UTF8.GetString(csvBytes);
        Assert.DoesNotContain("\r\n", text, StringComparison.Ordinal);
        var csv = await ResultFile.CsvAsync(csvBytes, Encoding.UTF8, ',');
        Assert.Equal("Régie, Lilas", csv.Data[0][0]);
        Assert.Equal(["vérifié", "vérifié"], csv.Column(ResultFile.Status));
        Assert.Equal(["oui", "non"], csv.Column(ResultFile.Ess));

        using var summary = JsonDocument.Parse(await harness.SummaryJsonAsync(job.JobId));
        Assert.Equal(1_334.06m, summary.RootElement.GetProperty("spend").GetProperty("total").GetDecimal());
        Assert.Equal(1_234.56m, summary.RootElement.GetProperty("spaser").GetProperty("siae").GetProperty("spend").GetDecimal());
        Assert.Equal("utf-8-bom", summary.RootElement.GetProperty("input").GetProperty("encoding").GetString());
    }

    [Fact]
    public async Task An_xlsx_file_gets_a_csv_and_an_xlsx_of_results()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var bytes = TestFiles.Xlsx(
            ["Raison sociale", "SIRET", "Dépense"],
            ["ESAT", double.Parse(s.Esat, System.Globalization.CultureInfo.InvariantCulture), 1500.25],
            ["SCOP", s.Esus, "2 000,00"],
            ["Perdu", 1234567890123d, 10d]);

        var job = await harness.DropAsync("fournisseurs.xlsx", bytes);
        await harness.DrainAsync();

        var xlsx = ResultFile.Xlsx(await harness.OutputAsync(job.JobId, "fournisseurs-resultats.xlsx"));
        var csv = await ResultFile.CsvAsync(await harness.OutputAsync(job.JobId, "fournisseurs-resultats.csv"), Encoding.UTF8, ';');
        foreach (var output in new[] { xlsx, csv })
        {
            Assert.Equal([s.Esat, s.Esus, "1234567890123"], output.Column("SIRET"));
            Assert.Equal(["vérifié", "vérifié", "numéro invalide"], output.Column(ResultFile.Status));
            Assert.Equal(["éligible", "non éligible", ""], output.Column(ResultFile.L2113_12));
            Assert.Contains("zéro initial", output.Cell(2, ResultFile.Reasons), StringComparison.Ordinal);
        }

        using var summary = JsonDocument.Parse(await harness.SummaryJsonAsync(job.JobId));
        Assert.Equal("xlsx", summary.RootElement.GetProperty("input").GetProperty("format").GetString());
        Assert.Equal(3_510.25m, summary.RootElement.GetProperty("spend").GetProperty("total").GetDecimal());
        Assert.Equal(1_500.25m, summary.RootElement.GetProperty("spaser").GetProperty("eaEsat").GetProperty("spend").GetDecimal());
    }

    [Fact]
    public async Task Duplicates_and_invalid_rows_each_get_a_result_or_a_reason_and_nothing_is_dropped()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var badKey = s.Company[..13] + (char)('0' + (s.Company[13] - '0' + 1) % 10);
        harness.Stubs.RechercheUnknown(badKey);
        var lines = new List<string> { "SIRET;Nom;Code CPV" };
        lines.AddRange(Enumerable.Repeat($"{s.Siae};a;", 5));
        lines.Add($"{s.Esus[..9]};siren seul;");
        lines.Add($"{badKey};clé fausse;");
        lines.Add("123;trop court;");
        lines.Add(";vide;");
        lines.Add($"{s.Esus}.0;suffixe;");
        lines.Add($"{s.Esat};avec cpv;85311000-2");
        lines.Add($"{s.Esat};cpv illisible;abc");
        lines.Add($"{s.Company};\"@SOMME(A1)\";");

        var job = await harness.DropAsync("doublons.csv", TestFiles.Utf8Csv([.. lines]));
        await harness.DrainAsync();

        var csv = await ResultFile.CsvAsync(await harness.OutputAsync(job.JobId, "doublons-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(lines.Count - 1, csv.Data.Count);
        Assert.Equal(
        [
            "vérifié", "vérifié", "vérifié", "vérifié", "vérifié", "vérifié", "numéro invalide", "numéro invalide", "numéro invalide",
            "numéro invalide", "vérifié", "vérifié", "vérifié",
        ], csv.Column(ResultFile.Status));
        Assert.Equal(s.Esus, csv.Cell(5, ResultFile.CheckedSiret)); // the SIREN's head office
        Assert.Equal("oui", csv.Cell(5, ResultFile.Esus));
        Assert.Contains("clé de contrôle", csv.Cell(6, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Contains("14 chiffres", csv.Cell(7, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Contains("Aucun numéro SIRET", csv.Cell(8, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Contains("suffixe décimal", csv.Cell(9, ResultFile.Reasons), StringComparison.Ordinal);
        // An ESS supplier with a listed CPV: « à vérifier » since rules 2026-11-29.1 (law.md §4), with the buyer's conditions.
        Assert.Equal("à vérifier", csv.Cell(10, ResultFile.L2113_15));
        Assert.Contains("L2113-15 : Les statuts de l'opérateur lui donnent pour objectif d'assumer une mission de service public",
            csv.Cell(10, ResultFile.Conditions), StringComparison.Ordinal);
        Assert.Equal("à vérifier", csv.Cell(11, ResultFile.L2113_15));
        Assert.Contains("Code CPV « abc » illisible", csv.Cell(11, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Equal("'@SOMME(A1)", csv.Cell(12, "Nom"));
        for (var row = 1; row < 5; row++)
            Assert.Contains("Même fournisseur que la ligne 2", csv.Cell(row, ResultFile.Reasons), StringComparison.Ordinal);

        Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Siae));
        Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Esus));
        var final = await harness.JobAsync(job.JobId);
        Assert.Equal((13L, 13L, 4L), (final.RowsTotal, final.RowsDone, final.RowsInError));
    }
}
