using System.Collections.Concurrent;
using Commerce.Asr.Domain.LanguageModel;
using Commerce.Asr.Domain.Recognition;
using Commerce.Asr.Domain.Sessions;
using Commerce.Asr.Storage;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.Asr.Live;

/// <summary>Sessions as the live room sees them: looked up with access checks, each with its product tracker and its
/// compiled domain language model (built on first use and cached on disk by content hash).</summary>
public sealed class SessionCatalog(AsrStore store, SessionModelCompiler compiler)
{
    private readonly ConcurrentDictionary<string, ProductTracker> _trackers = new(StringComparer.Ordinal);

    public LiveSession Require(string sessionId) =>
        store.FindSession(sessionId) ?? throw new NotFoundException($"live session {sessionId} is not planned here");

    public LiveSession RequireRoom(string roomId) =>
        store.FindSessionByRoom(roomId) ?? throw new NotFoundException($"live room {roomId} has no planned session");

    public IReadOnlyList<ProductFacts> Products(LiveSession session) => store.Products(session.Lineup.Select(l => l.ProductId));

    public ProductTracker Tracker(LiveSession session) =>
        _trackers.GetOrAdd(session.SessionId, _ => new ProductTracker(session, Products(session)));

    /// <summary>Forget the in-memory tracker when the plan or its products change.</summary>
    public void Invalidate() => _trackers.Clear();

    public LanguageModelFiles DomainModel(LiveSession session) => compiler.Compile(session, Products(session));
}
