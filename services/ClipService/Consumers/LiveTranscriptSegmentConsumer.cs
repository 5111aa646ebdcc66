using Commerce.Clip.Domain;
using Commerce.Clip.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Clip.Consumers;

/// <summary>Keeps the session's transcript; a redelivered segment (same EventId or same sequence) changes nothing.</summary>
public sealed class LiveTranscriptSegmentConsumer(ClipStore store) : IConsumer<LiveTranscriptSegment>
{
    public Task Consume(ConsumeContext<LiveTranscriptSegment> context)
    {
        var m = context.Message;
        store.ApplyOnce(m.EventId, (c, tx) =>
            ClipStore.PutTranscript(c, tx, m.SessionId, m.Sequence, new TranscriptLine(m.StartMs, m.EndMs, m.Text, m.ProductId)));
        return Task.CompletedTask;
    }
}
