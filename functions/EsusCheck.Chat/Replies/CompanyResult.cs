using EsusCheck.Core.Application;

namespace EsusCheck.Chat.Replies;

/// <summary>One company asked about in a message: the number as typed (or remembered) and what the check returned.</summary>
public sealed record CompanyResult(string Input, CheckOutcome Outcome);
