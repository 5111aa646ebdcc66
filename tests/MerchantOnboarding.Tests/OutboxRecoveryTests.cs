using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Storage;
using Commerce.Onboarding.Workers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Commerce.Onboarding.Tests;

/// <summary>A "crash" is dropping every in-memory object and opening the same SQLite file again.</summary>
public sealed class OutboxRecoveryTests
{
    private sealed class Process(string file, IBus bus)
    {
        public readonly OnboardingDatabase Db = new(file);
        public readonly Outbox Outbox = new(TimeProvider.System);
        public OnboardingSagaStore Saga => new(Db, Outbox, TimeProvider.System, Options.Create(new OnboardingRules()));
        public OutboxPublisher Publisher => new(Db, Outbox, bus, TimeProvider.System, Options.Create(new OnboardingRules()), NullLogger<OutboxPublisher>.Instance);
    }

    [Test]
    public async Task A_crash_between_steps_loses_no_event_and_repeats_no_step()
    {
        var folder = Directory.CreateTempSubdirectory("onboarding-outbox-");
        var file = Path.Combine(folder.FullName, "onboarding.db");
        await using var provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        // Process 1 applies and verifies, then dies before publishing anything or opening the trial store.
        var first = new Process(file, harness.Bus);
        var application = first.Saga.Apply("u1", "r1", new MerchantApplication
        {
            ApplicationId = "", MerchantId = "", UserId = "u1", Stage = OnboardingStage.Applied, BusinessName = "Crash Ltd", StoreName = "Crash",
            BusinessType = 1, LegalRepresentativeName = "Wang", ContactPhone = "+8613800000000", PrimaryCategory = ["Food"], CreatedAt = default, UpdatedAt = default,
        });
        first.Saga.SubmitVerification(application.ApplicationId, Fixtures.Licence(77), Fixtures.IdNumber());

        // Process 2 finds the committed state and its unsent events, and carries on from the step it reached.
        var second = new Process(file, harness.Bus);
        Assert.That(await second.Publisher.PublishBatchAsync(CancellationToken.None), Is.EqualTo(2));
        Assert.That(second.Saga.OpenTrialStores(), Is.EqualTo(1));
        Assert.That(second.Saga.OpenTrialStores(), Is.Zero, "the step is not done twice");
        Assert.That(second.Saga.Get(application.ApplicationId)!.Stage, Is.EqualTo(OnboardingStage.Trial));

        // It dies after publishing but before marking the rows sent: the restart re-publishes the same EventIds.
        var third = new Process(file, harness.Bus);
        await third.Publisher.PublishBatchAsync(CancellationToken.None);
        using (var connection = third.Db.Open()) Commerce.ServiceDefaults.Storage.SqliteDatabase.Execute(connection, "UPDATE outbox SET sent_at=NULL WHERE seq=(SELECT MAX(seq) FROM outbox)");
        var fourth = new Process(file, harness.Bus);
        Assert.That(await fourth.Publisher.PublishBatchAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(await fourth.Publisher.PublishBatchAsync(CancellationToken.None), Is.Zero);

        var changes = harness.Published.Select<MerchantOnboardingChanged>().Select(m => m.Context.Message).ToList();
        Assert.That(changes.Select(c => c.EventId).Distinct().Select(id => changes.First(c => c.EventId == id).ToState),
            Is.EqualTo(new[] { "Applied", "Verified", "Trial" }), "every transition once, by EventId");
        Assert.That(harness.Published.Select<MerchantActivated>().Count(), Is.EqualTo(1));
        await harness.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
