using System.Threading.Channels;

namespace Commerce.Asr.Domain.Suggestions;

/// <summary>
/// The current suggestion set of each live room and the viewers listening to it. At most one new set per room per
/// <see cref="MinInterval"/> (a host saying "comment one" five times in ten seconds must not flicker the viewer's
/// bar); a set lapses at its expiry (swept) and is replaced by a newer one. Each viewer has a bounded queue: a viewer
/// too slow to read loses its oldest updates rather than holding memory or slowing the room.
/// </summary>
public sealed class RoomSuggestionBoard(TimeSpan minInterval)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    public TimeSpan MinInterval { get; } = minInterval;

    public ViewerSubscription Subscribe(string roomId)
    {
        var channel = Channel.CreateBounded<RoomUpdate>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            var room = RoomOf(roomId);
            room.Viewers.Add(channel);
            if (room.Current is not null) channel.Writer.TryWrite(new RoomUpdate(room.Current, null, default));
            return new ViewerSubscription(channel.Reader, () => { lock (_lock) room.Viewers.Remove(channel); });
        }
    }

    public int ViewerCount(string roomId)
    {
        lock (_lock) return _rooms.TryGetValue(roomId, out var r) ? r.Viewers.Count : 0;
    }

    /// <summary>The comments of the room's latest set, so the next one can avoid repeating them.</summary>
    public IReadOnlyCollection<string> PreviousComments(string roomId)
    {
        lock (_lock) return _rooms.TryGetValue(roomId, out var r) ? r.LastComments : [];
    }

    /// <summary>Whether a new set may be offered now (outside the room's minimum interval).</summary>
    public bool CanOffer(string roomId, DateTimeOffset now)
    {
        lock (_lock) return !_rooms.TryGetValue(roomId, out var r) || r.LastOfferAt is null || now - r.LastOfferAt >= MinInterval;
    }

    /// <summary>Publishes a set to the room's viewers; false when the room had one too recently.</summary>
    public bool Offer(QuickCommentSuggestion suggestion, DateTimeOffset now)
    {
        lock (_lock)
        {
            var room = RoomOf(suggestion.RoomId);
            if (room.LastOfferAt is not null && now - room.LastOfferAt < MinInterval) return false;
            if (room.Current is not null) Broadcast(room, new RoomUpdate(null, room.Current.SetId, WithdrawalCause.Superseded));
            room.Current = suggestion;
            room.LastOfferAt = now;
            room.LastComments = suggestion.Comments.ToList();
            Broadcast(room, new RoomUpdate(suggestion, null, default));
            return true;
        }
    }

    /// <summary>Withdraws every set whose moment has passed; returns how many.</summary>
    public int Sweep(DateTimeOffset now)
    {
        var withdrawn = 0;
        lock (_lock)
        {
            foreach (var room in _rooms.Values)
            {
                if (room.Current is null || room.Current.ExpiresAt > now) continue;
                Broadcast(room, new RoomUpdate(null, room.Current.SetId, WithdrawalCause.MomentPassed));
                room.Current = null;
                withdrawn++;
            }
        }

        return withdrawn;
    }

    public void EndLive(string roomId)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var room) || room.Current is null) return;
            Broadcast(room, new RoomUpdate(null, room.Current.SetId, WithdrawalCause.LiveEnded));
            room.Current = null;
        }
    }

    public QuickCommentSuggestion? Current(string roomId)
    {
        lock (_lock) return _rooms.TryGetValue(roomId, out var r) ? r.Current : null;
    }

    private Room RoomOf(string roomId)
    {
        if (!_rooms.TryGetValue(roomId, out var room)) _rooms[roomId] = room = new Room();
        return room;
    }

    private static void Broadcast(Room room, RoomUpdate update)
    {
        foreach (var viewer in room.Viewers) viewer.Writer.TryWrite(update);
    }

    private sealed class Room
    {
        public List<Channel<RoomUpdate>> Viewers { get; } = [];
        public QuickCommentSuggestion? Current { get; set; }
        public DateTimeOffset? LastOfferAt { get; set; }
        public IReadOnlyCollection<string> LastComments { get; set; } = [];
    }
}

/// <summary>A viewer's queue of room updates; dispose to stop listening.</summary>
public sealed class ViewerSubscription(ChannelReader<RoomUpdate> updates, Action unsubscribe) : IDisposable
{
    public ChannelReader<RoomUpdate> Updates { get; } = updates;

    public void Dispose() => unsubscribe();
}
