using EsusCheck.Chat.Cards;
using EsusCheck.Chat.Conversation;
using EsusCheck.Chat.Replies;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Chat;

/// <summary>Answers one French message: understand it (with the conversation's context), run the checks it asks for
/// through <see cref="EligibilityService"/>, compose the reply, its card and follow-ups, remember the context.</summary>
public sealed class ChatService(
    EligibilityService eligibility,
    IChatContextStore contexts,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ILogger<ChatService> logger)
{
    public async Task<ChatAnswer> AnswerAsync(string message, string? conversationId, string? clientId, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(conversationId) ? Guid.NewGuid().ToString("N") : conversationId.Trim();
        var context = await LoadAsync(id, cancellationToken);
        var understanding = MessageInterpreter.Interpret(message, context);

        var (results, notChecked) = await CheckAsync(understanding, clientId, cancellationToken);
        var document = ReplyComposer.Compose(understanding, results, notChecked);
        var suggestions = Suggestions.For(understanding, results);
        var reports = results.Select(r => r.Outcome.Report).OfType<EligibilityReport>().ToList();

        await SaveAsync(id, context, understanding, reports, cancellationToken);
        return new ChatAnswer(
            id,
            IntentNames.Of(understanding.Intent),
            MarkdownRenderer.Render(document),
            reports,
            AdaptiveCardRenderer.Render(document, suggestions),
            suggestions,
            Problems(understanding, results))
        {
            Understanding = understanding,
        };
    }

    private async Task<(IReadOnlyList<CompanyResult> Results, int NotChecked)> CheckAsync(
        MessageUnderstanding understanding, string? clientId, CancellationToken cancellationToken)
    {
        if (understanding.Intent is not (Intent.CheckCompany or Intent.EsusQuestion or Intent.EssQuestion or Intent.ReservedContractQuestion))
            return ([], 0);
        var inputs = understanding.Identifiers.Where(i => i.IsCheckable).Select(i => i.Text)
            .Concat(understanding.ContextSirets)
            .ToList();
        var max = Math.Max(1, options.Value.MaxCompaniesPerMessage);
        var cpv = understanding.Cpv?.Code.ToString();
        var outcomes = await Task.WhenAll(inputs.Take(max).Select(input =>
            eligibility.CheckAsync(new CheckRequest(input, cpv, ClientId: clientId), cancellationToken)));
        return (inputs.Take(max).Zip(outcomes, (input, outcome) => new CompanyResult(input, outcome)).ToList(), Math.Max(0, inputs.Count - max));
    }

    private async Task<ChatContext?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await contexts.GetAsync(id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message is still answered; only a follow-up without a number loses its company.
            logger.LogWarning(ex, "Chat context could not be read");
            return null;
        }
    }

    private async Task SaveAsync(string id, ChatContext? previous, MessageUnderstanding understanding,
        IReadOnlyList<EligibilityReport> reports, CancellationToken cancellationToken)
    {
        var cpv = understanding.Cpv is { } typed && !understanding.CpvFromContext ? typed : null;
        if (reports.Count == 0 && cpv is null && previous is null) return;

        var now = clock.GetUtcNow();
        var context = (previous ?? ChatContext.Empty(now)) with { UpdatedAt = now };
        if (reports.Count > 0)
            context = context with
            {
                Sirets = reports.Select(r => r.Siret).Distinct().ToList(),
                Question = understanding.Intent,
                Article = understanding.Article,
            };
        if (cpv is not null)
        {
            SocialServicesCpv.Match(cpv.Code, out var listedLabel);
            context = context with { Cpv = cpv.Code.ToString(), CpvLabel = cpv.Label ?? listedLabel };
        }
        try
        {
            await contexts.SaveAsync(id, context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Chat context could not be saved");
        }
    }

    private static IReadOnlyList<ChatProblem> Problems(MessageUnderstanding understanding, IReadOnlyList<CompanyResult> results) =>
    [
        .. understanding.Identifiers.Where(i => !i.IsCheckable).Select(i => new ChatProblem(i.Text, i.Error!.Code, i.Error.Message)),
        .. understanding.CpvErrors.Select(e => new ChatProblem("", e.Code, e.Message)),
        .. results.Where(r => r.Outcome.Failure is not null)
            .Select(r => new ChatProblem(r.Input, r.Outcome.Failure!.Code, r.Outcome.Failure.Detail)),
    ];
}
