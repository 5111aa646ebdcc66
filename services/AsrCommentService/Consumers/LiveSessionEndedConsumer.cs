using Commerce.Asr.Domain.Suggestions;
using Commerce.Asr.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Asr.Consumers;

/// <summary>The live ended: its room's current suggestion set is withdrawn.</summary>
public sealed class LiveSessionEndedConsumer(AsrStore store, RoomSuggestionBoard board) : IConsumer<LiveSessionEnded>
{
    public Task Consume(ConsumeContext<LiveSessionEnded> context)
    {
        var e = context.Message;
        if (store.ApplyOnce(e.EventId, (c, tx) => AsrStore.MarkEnded(c, tx, e.SessionId))) board.EndLive(e.RoomId);
        return Task.CompletedTask;
    }
}
