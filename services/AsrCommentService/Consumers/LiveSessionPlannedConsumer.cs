using Commerce.Asr.Domain.Sessions;
using Commerce.Asr.Live;
using Commerce.Asr.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Asr.Consumers;

/// <summary>A planned live: its room, line-up and script, from which the session's language model is built.</summary>
public sealed class LiveSessionPlannedConsumer(AsrStore store, SessionCatalog sessions) : IConsumer<LiveSessionPlanned>
{
    public Task Consume(ConsumeContext<LiveSessionPlanned> context)
    {
        var e = context.Message;
        var session = new LiveSession
        {
            SessionId = e.SessionId, MerchantId = e.MerchantId, RoomId = e.RoomId, Language = e.Language, Lineup = e.Lineup, Script = e.Script,
        };
        if (store.ApplyOnce(e.EventId, (c, tx) => AsrStore.UpsertSession(c, tx, session))) sessions.Invalidate();
        return Task.CompletedTask;
    }
}
