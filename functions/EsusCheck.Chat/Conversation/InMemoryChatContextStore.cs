using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace EsusCheck.Chat.Conversation;

/// <summary>Conversation contexts in memory (CLI, tests, an app without storage): lost on restart, not shared between
/// instances.</summary>
public sealed class InMemoryChatContextStore(IOptions<ChatOptions> options, TimeProvider clock) : IChatContextStore
{
    private readonly ConcurrentDictionary<string, ChatContext> _contexts = new();

    public Task<ChatContext?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_contexts.TryGetValue(conversationId, out var context) && options.Value.IsAlive(context, clock.GetUtcNow())
            ? context
            : null);

    public Task SaveAsync(string conversationId, ChatContext context, CancellationToken cancellationToken)
    {
        _contexts[conversationId] = context;
        if (_contexts.Count > PruneAbove)
        {
            var now = clock.GetUtcNow();
            foreach (var (id, old) in _contexts)
                if (!options.Value.IsAlive(old, now)) _contexts.TryRemove(id, out _);
        }
        return Task.CompletedTask;
    }

    /// <summary>Above this many conversations, expired ones are dropped so that a long-running process does not grow.</summary>
    private const int PruneAbove = 10_000;
}
