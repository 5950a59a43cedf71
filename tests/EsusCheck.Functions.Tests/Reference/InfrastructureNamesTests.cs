using System.Reflection;
using System.Text.RegularExpressions;
using EsusCheck.Chat;
using EsusCheck.Functions.Reference;
using EsusCheck.Registries.Reference;
using EsusCheck.Storage;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The infrastructure creates the containers and tables the code uses and subscribes every Event Grid blob
/// trigger: a renamed constant or a new blob-triggered function fails here, not in a deployment.</summary>
public sealed partial class InfrastructureNamesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "infra", "main.bicep"))) return dir.FullName;
        throw new InvalidOperationException("infra/main.bicep not found above the test binaries.");
    }

    /// <summary>The <c>names</c> variable of infra/main.bicep: <c>key: 'value' // comment</c>.</summary>
    private static Dictionary<string, string> BicepNames()
    {
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep"));
        var block = bicep[bicep.IndexOf("var names = {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("\n}", StringComparison.Ordinal)];
        return NameLine().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [Fact]
    public void Every_container_and_table_the_code_names_by_default_is_created()
    {
        var names = BicepNames();
        var tables = new StorageTableNames();

        Assert.Equal(ReferenceBlobImportFunction.Container, names["referenceContainer"]);
        Assert.Equal(tables.FactsCache, names["cacheTable"]);
        Assert.Equal(tables.EsusList, names["esusListTable"]);
        Assert.Equal(tables.Audit, names["auditTable"]);
        Assert.Equal(tables.RequestLog, names["requestLogTable"]);
        Assert.Equal(new ReferenceOptions().MarcheCopyTable, names["marcheCopyTable"]);
        Assert.Equal(new ReferenceOptions().FinessCopyTable, names["finessCopyTable"]);
        Assert.Equal(new ChatOptions().ContextTable, names["chatTable"]);
    }

    /// <summary>The bulk names, read by reflection so that this test compiles before and after the bulk pipeline is
    /// merged; once <c>BulkNames</c> and <c>BulkOptions</c> exist, their values must be the infrastructure's.</summary>
    [Fact]
    public void The_bulk_containers_queue_and_table_match_the_bulk_code_once_it_is_there()
    {
        var names = BicepNames();
        var bulk = typeof(EsusCheck.Bulk.BulkServiceCollectionExtensions).Assembly;
        var constants = bulk.GetType("EsusCheck.Bulk.BulkNames");
        var options = bulk.GetType("EsusCheck.Bulk.BulkOptions");
        if (constants is null || options is null) return; // the bulk pipeline is not merged yet

        string Constant(string name) => (string)constants.GetField(name)!.GetRawConstantValue()!;
        string Default(string name) => (string)options.GetProperty(name)!.GetValue(Activator.CreateInstance(options))!;
        Assert.Equal(Constant("InputContainer"), names["bulkInputContainer"]);
        Assert.Equal(Constant("WorkQueue"), names["bulkQueue"]);
        Assert.Equal(Default("OutputContainer"), names["bulkOutputContainer"]);
        Assert.Equal(Default("JobsTable"), names["bulkJobsTable"]);
    }

    [Fact]
    public void The_poison_queue_the_host_fills_is_created_and_drained_and_blob_events_are_dead_lettered()
    {
        var names = BicepNames();
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep"));

        Assert.Equal(EsusCheck.Bulk.BulkNames.PoisonQueue, names["bulkPoisonQueue"]);
        Assert.Contains("queues: [names.bulkQueue, names.bulkPoisonQueue]", bicep, StringComparison.Ordinal);
        Assert.Contains("deadLetterContainerName: names.deadLetterContainer", bicep, StringComparison.Ordinal);
        foreach (var hook in new[] { "postdeploy.sh", "postdeploy.ps1" })
            Assert.Contains("--deadletter-identity-endpoint", File.ReadAllText(Path.Combine(Root, "infra", "hooks", hook)), StringComparison.Ordinal);
        var alerts = File.ReadAllText(Path.Combine(Root, "infra", "modules", "alerts.bicep"));
        Assert.Contains(EsusCheck.Bulk.Processing.BulkCodes.JobStuck, alerts, StringComparison.Ordinal);
        Assert.Contains(EsusCheck.Bulk.Processing.BulkCodes.PoisonMessage, alerts, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_purge_protection_is_on_by_default_and_the_operator_role_is_scoped_to_its_containers()
    {
        var main = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep"));
        var vault = File.ReadAllText(Path.Combine(Root, "infra", "modules", "keyvault.bicep"));
        var roles = File.ReadAllText(Path.Combine(Root, "infra", "modules", "roles.bicep"));

        Assert.Contains("param keyVaultPurgeProtection bool = true", main, StringComparison.Ordinal);
        Assert.Contains("enablePurgeProtection: enablePurgeProtection ? true : null", vault, StringComparison.Ordinal);
        var operatorRole = roles[roles.IndexOf("resource operatorBlobContributor", StringComparison.Ordinal)..];
        operatorRole = operatorRole[..operatorRole.IndexOf("\n]", StringComparison.Ordinal)];
        Assert.Contains("scope: operatorContainerRefs[i]", operatorRole, StringComparison.Ordinal);
        Assert.DoesNotContain("scope: storage\n", operatorRole, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spaser_input_container_is_created_and_expires_like_the_bulk_files()
    {
        var names = BicepNames();
        Assert.Equal(EsusCheck.Spaser.SpaserNames.InputContainer, names["spaserInputContainer"]);
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep"));
        Assert.Matches(@"containers: \[[^\]]*names\.spaserInputContainer", bicep);
        Assert.Matches(@"expiringContainers: \[[^\]]*names\.spaserInputContainer", bicep);
    }

    [Theory]
    [InlineData("postdeploy.sh")]
    [InlineData("postdeploy.ps1")]
    public void The_postdeploy_hook_subscribes_every_event_grid_blob_trigger(string hook)
    {
        var script = File.ReadAllText(Path.Combine(Root, "infra", "hooks", hook));
        var triggers = typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters()
                .Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x is { Function: not null, Trigger: not null })
            .ToList();

        Assert.NotEmpty(triggers);
        foreach (var (function, trigger) in triggers)
        {
            Assert.Equal(BlobTriggerSource.EventGrid, trigger!.Source);
            var container = trigger.BlobPath.Split('/')[0];
            if (hook.EndsWith(".sh", StringComparison.Ordinal))
                Assert.Matches($@"\n{function!.Name} \$\{{[A-Z_]+:-{Regex.Escape(container)}\}}", "\n" + script.Replace("BLOB_TRIGGERS:-", "\n", StringComparison.Ordinal));
            else
            {
                Assert.Contains($"{function!.Name} $", script, StringComparison.Ordinal);
                Assert.Contains($"'{container}'", script, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"^\s*(\w+): '([^']+)'", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
