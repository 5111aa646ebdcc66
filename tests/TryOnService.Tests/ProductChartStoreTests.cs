using Commerce.IntegrationEvents.V1;
using Commerce.ServiceDefaults.Storage;
using Commerce.TryOn.Storage;

namespace Commerce.TryOn.Tests;

public sealed class ProductChartStoreTests
{
    private static IReadOnlyList<SizeChartRow> Chart(string size) => [new SizeChartRow { Size = size }];

    [Test]
    public void A_stale_version_or_a_repeated_event_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("tryon-charts-").FullName;
        try
        {
            var store = new ProductChartStore(new SqliteDatabase(Path.Combine(folder, "tryon.db"), ProductChartStore.Schema));
            var newest = Guid.NewGuid();

            Assert.That(store.Apply(Guid.NewGuid(), "p1", 1, Chart("S")), Is.True);
            Assert.That(store.Apply(newest, "p1", 3, Chart("L")), Is.True);
            Assert.That(store.Apply(Guid.NewGuid(), "p1", 2, Chart("M")), Is.False, "version 2 arrived after version 3");
            Assert.That(store.Apply(newest, "p1", 4, Chart("XL")), Is.False, "the same event id again");
            Assert.That(store.Find("p1")!.Single().Size, Is.EqualTo("L"));
            Assert.That(store.Find("p2"), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
