using Commerce.Reco.Domain;
using Commerce.Reco.Storage;

namespace Commerce.Reco.Projection;

/// <summary>
/// Where every event and RecordInteraction call lands: written to the store (deduplicated by event id in the same
/// transaction) and then applied to the in-memory engine, so the next request sees it. On start it reloads the store.
/// </summary>
public sealed class RecoProjection(RecoStore store, RecoEngine engine, ItemEmbedder embedder)
{
    public RecoEngine Engine => engine;

    public void Load()
    {
        foreach (var (text, vector) in store.LoadEmbeddings()) embedder.Seed(text, vector);
        foreach (var item in store.LoadItems()) engine.Upsert(item);
        foreach (var x in store.LoadInteractions()) engine.Apply(x);
        PersistNewEmbeddings();
        engine.Rebuild(DateTimeOffset.UtcNow);
    }

    /// <summary>Applies an item event; false when the event was processed before.</summary>
    public bool Item(string eventId, CatalogItem item)
    {
        var current = engine.FindItem(item.Id);
        if (current is not null && item.Version < current.Version)
        {
            return store.TryProcess(eventId, (_, _) => { }) && false; // stale update: remembered as seen, changes nothing
        }

        if (current is not null) item = item with { ListedAt = current.ListedAt };
        if (!store.TryProcess(eventId, (c, tx) => RecoStore.SaveItem(c, tx, item))) return false;
        engine.Upsert(item);
        PersistNewEmbeddings();
        return true;
    }

    /// <summary>Applies an interaction; false when its event id was seen before.</summary>
    public bool Interaction(Interaction interaction)
    {
        if (!store.TryProcess(interaction.EventId, (c, tx) => RecoStore.SaveInteraction(c, tx, interaction))) return false;
        engine.Apply(interaction);
        return true;
    }

    private readonly HashSet<string> _persisted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private void PersistNewEmbeddings()
    {
        List<(string, float[])> fresh;
        lock (_gate)
        {
            fresh = embedder.Cached.Where(p => _persisted.Add(p.Key)).Select(p => (p.Key, p.Value)).ToList();
        }

        if (fresh.Count > 0) store.SaveEmbeddings(fresh);
    }
}
