using EsusCheck.Storage.Tables;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using EsusCheck.Chat;
using EsusCheck.Chat.Conversation;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Reports;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Chat;

/// <summary>Conversation contexts in Azure Table Storage, shared by every instance of the app. Keys are a hash of the
/// conversation id: Teams ids contain characters that table keys refuse ('/', '#', '?'), and the id itself need not be
/// stored. An idle context older than <see cref="ChatOptions.ContextLifetime"/> is ignored (and overwritten later).</summary>
public sealed class TableChatContextStore(TableServiceClient tables, IOptions<ChatOptions> options, TimeProvider clock) : IChatContextStore
{
    private readonly CreatedOnFirstUse<TableClient> _table = CreatedOnFirstUse.Table(tables, options.Value.ContextTable);

    public async Task<ChatContext?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(conversationId);
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        if (!entity.HasValue || entity.Value is not { } found) return null;

        var context = new ChatContext(
            (found.GetString("Sirets") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            found.GetString("Cpv"),
            found.GetString("CpvLabel"),
            found.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            IntentNames.Parse(found.GetString("Question")),
            Enum.TryParse<ReservedArticle>(found.GetString("Article"), out var article) ? article : null);
        return options.Value.IsAlive(context, clock.GetUtcNow()) ? context : null;
    }

    public async Task SaveAsync(string conversationId, ChatContext context, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(conversationId);
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(partition, row)
        {
            ["Sirets"] = string.Join(',', context.Sirets),
            ["Cpv"] = context.Cpv,
            ["CpvLabel"] = context.CpvLabel,
            ["UpdatedAt"] = context.UpdatedAt,
            ["Question"] = context.Question is { } question ? IntentNames.Of(question) : null,
            ["Article"] = context.Article?.ToString(),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>256 partitions by the hash's first byte, so that conversations spread over the table.</summary>
    private static (string Partition, string Row) Keys(string conversationId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)));
        return (hash[..2], hash);
    }
}
