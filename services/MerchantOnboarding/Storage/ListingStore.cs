using System.Text.Json;
using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Domain.Listings;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.Onboarding.Storage;

/// <summary>Store listings; listing and updating write ProductListed / ProductUpdated to the outbox in the same transaction.</summary>
public sealed class ListingStore(OnboardingDatabase db, Outbox outbox, TimeProvider time)
{
    /// <summary>Idempotent per (store, request id): a retry returns the first listing and emits nothing.</summary>
    public StoreListing List(string requestId, StoreListing listing)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        if (connection.Scalar("SELECT body FROM store_products WHERE store_id=$s AND request_id=$r", tx, ("$s", listing.StoreId), ("$r", requestId)) is string existing)
            return JsonSerializer.Deserialize<StoreListing>(existing, Outbox.Json)!;
        var now = time.GetUtcNow();
        listing = listing with { ProductId = "prd_" + Guid.NewGuid().ToString("N")[..16], Version = 1, CreatedAt = now, UpdatedAt = now };
        connection.Exec("""
            INSERT INTO store_products (product_id, store_id, merchant_id, request_id, version, created_at, updated_at, body)
            VALUES ($id, $s, $m, $r, 1, $at, $at, $b)
            """, tx, ("$id", listing.ProductId), ("$s", listing.StoreId), ("$m", listing.MerchantId), ("$r", requestId),
            ("$at", Sql.Ms(now)), ("$b", JsonSerializer.Serialize(listing, Outbox.Json)));
        outbox.Enqueue(connection, tx, new ProductListed { Product = listing.ToSnapshot(), OccurredAt = now });
        tx.Commit();
        outbox.Wake();
        return listing;
    }

    public StoreListing? Get(string productId)
    {
        using var connection = db.Open();
        return connection.Scalar("SELECT body FROM store_products WHERE product_id=$id", null, ("$id", productId)) is string body
            ? JsonSerializer.Deserialize<StoreListing>(body, Outbox.Json)
            : null;
    }

    /// <summary>Applies a change under a version check, so two concurrent updates cannot both claim the same Version.</summary>
    public StoreListing Update(string productId, Func<StoreListing, StoreListing> change)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var body = connection.Scalar("SELECT body FROM store_products WHERE product_id=$id", tx, ("$id", productId)) as string
                   ?? throw new NotFoundException($"product {productId} not found");
        var before = JsonSerializer.Deserialize<StoreListing>(body, Outbox.Json)!;
        var now = time.GetUtcNow();
        var after = change(before) with { Version = before.Version + 1, UpdatedAt = now };
        var rows = connection.Exec("UPDATE store_products SET version=$v, updated_at=$at, body=$b WHERE product_id=$id AND version=$old", tx,
            ("$v", after.Version), ("$at", Sql.Ms(now)), ("$b", JsonSerializer.Serialize(after, Outbox.Json)), ("$id", productId), ("$old", before.Version));
        if (rows != 1) throw new ConflictException($"product {productId} changed concurrently; retry");
        outbox.Enqueue(connection, tx, new ProductUpdated { Product = after.ToSnapshot(), Version = after.Version, OccurredAt = now });
        tx.Commit();
        outbox.Wake();
        return after;
    }

    public (IReadOnlyList<StoreListing> Items, long Total) ListByStore(string storeId, bool? onShelf, int offset, int limit)
    {
        using var connection = db.Open();
        var all = new List<StoreListing>();
        using (var command = connection.Command("SELECT body FROM store_products WHERE store_id=$s ORDER BY created_at DESC, product_id", null, ("$s", storeId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) all.Add(JsonSerializer.Deserialize<StoreListing>(reader.GetString(0), Outbox.Json)!);
        }

        var filtered = all.Where(l => onShelf is null || l.OnShelf == onShelf).ToList();
        return (filtered.Skip(offset).Take(limit).ToList(), filtered.Count);
    }
}
