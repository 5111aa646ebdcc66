using Commerce.CsAgent.Domain.Agent;
using Commerce.CsAgent.Domain.Retention;

namespace Commerce.CsAgent.Application;

public sealed record AskInput(string? ConversationId, string Message, string? ProductId, string? OrderId, string? LanguageCode, string? RequestId);

public sealed record AskResult(string ConversationId, Turn AgentTurn, RefundCase? RefundCase);
