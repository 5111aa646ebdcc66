using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Grpc;
using Commerce.Protos.Onboarding.V1;
using Commerce.TestSupport;
using Grpc.Core;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Commerce.Onboarding.Tests;

public sealed class OnboardingSagaServiceTests
{
    [Test]
    public async Task Apply_verify_opens_a_trial_store_then_deposit_activates_it_with_an_event_for_every_transition()
    {
        await using var host = Fixtures.Host();
        var (merchant, application) = await Fixtures.OpenTrialStoreAsync(host, "Lin Stall", 1);

        var store = (await merchant.GetStoreAsync(new GetStoreRequest { StoreId = application.StoreId })).Store;
        Assert.That(store.Status, Is.EqualTo(StoreStatus.Trial));
        Assert.That(store.TrialLimits.MaxDailyOrders, Is.EqualTo(50));
        Assert.That(store.Programmes.Select(p => p.Programme), Does.Contain(Programme.ColdStart));

        var below = Fixtures.StatusOf(() => merchant.ActivateStoreAsync(new ActivateStoreRequest
        {
            StoreId = store.StoreId, RequestId = "a0", Deposit = ProtoMapper.Money(100m), PaymentReference = "pay-0",
        }).ResponseAsync);
        Assert.That(below, Is.EqualTo(StatusCode.FailedPrecondition));
        var activate = new ActivateStoreRequest { StoreId = store.StoreId, RequestId = "a1", Deposit = ProtoMapper.Money(2000m), PaymentReference = "pay-1" };
        var active = (await merchant.ActivateStoreAsync(activate)).Store;
        var retried = (await merchant.ActivateStoreAsync(activate)).Store;
        Assert.That(active.Status, Is.EqualTo(StoreStatus.Active));
        Assert.That(retried.Status, Is.EqualTo(StoreStatus.Active));

        await Fixtures.WaitUntil(() => host.Harness.Published.Select<MerchantOnboardingChanged>().Count() >= 4);
        var changes = host.Harness.Published.Select<MerchantOnboardingChanged>().Select(m => m.Context.Message)
            .Where(m => m.MerchantId == application.MerchantId).OrderBy(m => m.OccurredAt).Select(m => $"{m.FromState}->{m.ToState}").ToList();
        Assert.That(changes, Is.EqualTo(new[] { "None->Applied", "Applied->Verified", "Verified->Trial", "Trial->Active" }));
        await Fixtures.WaitUntil(() => host.Harness.Published.Select<MerchantActivated>().Count() >= 2);
        var activations = host.Harness.Published.Select<MerchantActivated>().Select(m => m.Context.Message.IsTrial).ToList();
        Assert.That(activations, Is.EqualTo(new[] { true, false }));
        await Fixtures.WaitUntil(() => host.Harness.Published.Select<MerchantProgrammeGranted>().Any());
        Assert.That(host.Harness.Published.Select<MerchantProgrammeGranted>().Single().Context.Message.Programme, Is.EqualTo("ColdStart"));
    }

    [Test]
    public async Task Enough_orders_activate_a_trial_store_and_earn_traffic_rewards_once_even_when_redelivered()
    {
        await using var host = Fixtures.Host();
        var (merchant, application) = await Fixtures.OpenTrialStoreAsync(host, "Order Stall", 2);
        var orders = Enumerable.Range(0, 10).Select(i => new OrderPlaced
        {
            OrderId = "o" + i, BuyerId = "b" + i, MerchantId = application.MerchantId, ProductId = "p1", Quantity = 1, Amount = 99m,
        }).ToList();
        foreach (var order in orders.Take(9)) await host.Harness.Bus.Publish(order);
        await host.Harness.Bus.Publish(orders[0]); // redelivery of the same event: counted once
        await Fixtures.WaitUntil(() => host.Harness.Consumed.Select<OrderPlaced>().Count() >= 10);
        var trial = (await merchant.GetStoreAsync(new GetStoreRequest { StoreId = application.StoreId })).Store;
        Assert.That(trial.GoodOrderCount, Is.EqualTo(9));
        Assert.That(trial.Status, Is.EqualTo(StoreStatus.Trial));

        await host.Harness.Bus.Publish(orders[9]);
        var active = await Fixtures.Eventually(async () =>
        {
            var s = (await merchant.GetStoreAsync(new GetStoreRequest { StoreId = application.StoreId })).Store;
            return s.Status == StoreStatus.Active ? s : null;
        });
        Assert.That(active.GoodOrderCount, Is.EqualTo(10));
        Assert.That(active.Programmes.Select(p => p.Programme), Is.EquivalentTo(new[] { Programme.ColdStart, Programme.TrafficRewards }));
        await Fixtures.WaitUntil(() => host.Harness.Published.Select<MerchantProgrammeGranted>().Count() >= 2);
        var rewards = host.Harness.Published.Select<MerchantProgrammeGranted>().Select(m => m.Context.Message).Where(m => m.Programme == "TrafficRewards").ToList();
        Assert.That(rewards, Has.Count.EqualTo(1));
        Assert.That(rewards[0].DailyRewardExposures, Is.EqualTo(500));
    }

    [Test]
    public async Task An_application_not_verified_in_time_expires_by_the_sweeper()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        await using var host = Fixtures.Host(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var applicant = Fixtures.Client(host, Callers.Buyer("late-user"));
        var application = (await applicant.ApplyMerchantAsync(Fixtures.Application("Late Stall"))).Application;
        Assert.That(application.ExpireTime.ToDateTimeOffset(), Is.EqualTo(clock.GetUtcNow().AddDays(7)));

        clock.Advance(TimeSpan.FromDays(6));
        var stillApplied = (await applicant.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.ApplicationId })).Application;
        Assert.That(stillApplied.Stage, Is.EqualTo(OnboardingStage.Applied));

        clock.Advance(TimeSpan.FromDays(1.1));
        var expired = await Fixtures.Eventually(async () =>
        {
            var a = (await applicant.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.ApplicationId })).Application;
            return a.Stage == OnboardingStage.Expired ? a : null;
        });
        Assert.That(expired.StageReason, Does.Contain("7 days"));
        var late = Fixtures.StatusOf(() => applicant.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId, BusinessLicenceNumber = Fixtures.Licence(3), LegalRepresentativeIdNumber = Fixtures.IdNumber(),
        }).ResponseAsync);
        Assert.That(late, Is.EqualTo(StatusCode.FailedPrecondition));
    }

    [Test]
    public async Task Verification_rejects_malformed_numbers_as_invalid_and_reports_failed_checks()
    {
        await using var host = Fixtures.Host();
        var applicant = Fixtures.Client(host, Callers.Buyer("u-check"));
        var application = (await applicant.ApplyMerchantAsync(Fixtures.Application("Check Stall"))).Application;

        var licence = Fixtures.Licence(4);
        var bad = Assert.ThrowsAsync<RpcException>(() => applicant.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId, BusinessLicenceNumber = licence[..17] + (licence[17] == '0' ? '1' : '0'),
            LegalRepresentativeIdNumber = Fixtures.IdNumber(),
        }).ResponseAsync);
        Assert.That(bad!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(bad.Status.Detail, Does.Contain("business_licence_number").And.Contain("check character"));
        var badId = Assert.ThrowsAsync<RpcException>(() => applicant.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId, BusinessLicenceNumber = licence, LegalRepresentativeIdNumber = "11010519900101123",
        }).ResponseAsync);
        Assert.That(badId!.Status.Detail, Does.Contain("legal_representative_id_number"));

        var minor = await applicant.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId, BusinessLicenceNumber = licence, LegalRepresentativeIdNumber = Fixtures.IdNumber("20150101"),
        });
        Assert.That(minor.Passed, Is.False);
        Assert.That(minor.Failures.Single().Check, Is.EqualTo(VerificationCheck.HolderUnderAge));
        Assert.That(minor.Application.Stage, Is.EqualTo(OnboardingStage.Applied));

        var adult = await applicant.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId, BusinessLicenceNumber = licence, LegalRepresentativeIdNumber = Fixtures.IdNumber(),
        });
        Assert.That(adult.Passed, Is.True);

        var other = Fixtures.Client(host, Callers.Buyer("u-copycat"));
        var second = (await other.ApplyMerchantAsync(Fixtures.Application("Copy Stall"))).Application;
        var copy = await other.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = second.ApplicationId, BusinessLicenceNumber = licence, LegalRepresentativeIdNumber = Fixtures.IdNumber(),
        });
        Assert.That(copy.Failures.Single().Check, Is.EqualTo(VerificationCheck.LicenceAlreadyRegistered));
        Assert.That(copy.Application.Stage, Is.EqualTo(OnboardingStage.Rejected));
    }

    [Test]
    public async Task Bad_input_and_other_merchants_answer_clear_statuses()
    {
        await using var host = Fixtures.Host();
        var (merchant, application) = await Fixtures.OpenTrialStoreAsync(host, "Own Stall", 5);
        var stranger = Fixtures.Client(host, Callers.Merchant("mer_someone_else"));
        var applicant = Fixtures.Client(host, Callers.Buyer("u-bad"));
        var anonymous = Fixtures.Client(host, []);
        var op = Fixtures.Client(host, Callers.Operator());

        var request = Fixtures.Application("Bad Stall");
        Assert.That(Fixtures.StatusOf(() => anonymous.ApplyMerchantAsync(request).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(Fixtures.StatusOf(() => applicant.ApplyMerchantAsync(new ApplyMerchantRequest(request) { ContactPhone = "138" }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Fixtures.StatusOf(() => applicant.ApplyMerchantAsync(new ApplyMerchantRequest(request) { PrimaryCategory = Fixtures.Category("Spaceships") }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Fixtures.StatusOf(() => applicant.ApplyMerchantAsync(new ApplyMerchantRequest(request) { StoreName = "Own Stall", RequestId = "x" }).ResponseAsync), Is.EqualTo(StatusCode.AlreadyExists));
        Assert.That(Fixtures.StatusOf(() => stranger.GetStoreAsync(new GetStoreRequest { StoreId = application.StoreId }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(Fixtures.StatusOf(() => stranger.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.ApplicationId }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(Fixtures.StatusOf(() => merchant.GetStoreAsync(new GetStoreRequest { StoreId = "sto_missing" }).ResponseAsync), Is.EqualTo(StatusCode.NotFound));
        Assert.That(Fixtures.StatusOf(() => merchant.SuspendStoreAsync(new SuspendStoreRequest { StoreId = application.StoreId, Reason = "self" }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That((await op.GetStoreAsync(new GetStoreRequest { StoreId = application.StoreId })).Store.StoreId, Is.EqualTo(application.StoreId));

        var suspended = (await op.SuspendStoreAsync(new SuspendStoreRequest { StoreId = application.StoreId, Reason = "fake orders" })).Store;
        Assert.That(suspended.Status, Is.EqualTo(StoreStatus.Suspended));
        var list = Fixtures.StatusOf(() => merchant.ListProductAsync(new ListProductRequest
        {
            StoreId = application.StoreId, RequestId = "l1", Library = new LibraryListing { LibraryProductId = "lib-000001", Stock = 1 },
        }).ResponseAsync);
        Assert.That(list, Is.EqualTo(StatusCode.FailedPrecondition));
    }
}
