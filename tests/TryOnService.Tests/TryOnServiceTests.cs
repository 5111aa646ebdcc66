using Commerce.IntegrationEvents.V1;
using Commerce.Protos.TryOn.V1;
using Commerce.TestSupport;
using Commerce.TryOn.Domain.Garments;
using Commerce.TryOn.Domain.Pipeline;
using Commerce.TryOn.Grpc;
using Commerce.TryOn.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using Type = Commerce.Protos.Type.V1;

namespace Commerce.TryOn.Tests;

public sealed class TryOnServiceTests
{
    private static ServiceHost<TryOnGrpcService> Host(GarmentClass answer = GarmentClass.TShirtTop) => new(
        new Dictionary<string, string?> { ["TryOn:ModelsDir"] = Path.Combine(RepoPaths.Artifacts, "models") },
        services =>
        {
            services.AddSingleton<IGarmentClassifier>(new FixedClassifier(answer));
            services.AddSingleton<ITryOnComposer>(new InProcessComposer()); // TEST ONLY, see InProcessComposer
        });

    private static ByteString Png(Mat m) => ByteString.CopyFrom(m.ImEncode(".png"));

    [Test]
    public async Task TryOn_stores_a_result_only_its_buyer_reads_and_deletes_and_publishes_TryOnCompleted()
    {
        await using var host = Host();
        var client = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        var other = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u2")));
        using var person = PersonPhotos.Person();
        using var garment = GarmentPhotos.TShirt(new Scalar(40, 40, 200));
        var response = await client.TryOnAsync(new TryOnRequest
        {
            RequestId = "r1", PersonImage = Png(person), GarmentImage = Png(garment), Options = new TryOnOptions { OutputFormat = Protos.TryOn.V1.ImageFormat.Png },
        });

        Assert.That(response.Result.GarmentType, Is.EqualTo(GarmentType.TShirtTop));
        Assert.That((response.Result.WidthPx, response.Result.ContentType), Is.EqualTo((person.Width, "image/png")));
        Assert.That((response.Result.ExpireTime.ToDateTimeOffset() - response.Result.CreateTime.ToDateTimeOffset()).TotalHours, Is.EqualTo(24).Within(0.01));
        var again = await client.GetTryOnResultAsync(new GetTryOnResultRequest { ResultId = response.Result.ResultId });
        Assert.That(again.Result.Image, Is.EqualTo(response.Result.Image));
        var ex = Assert.ThrowsAsync<RpcException>(async () => await other.GetTryOnResultAsync(new GetTryOnResultRequest { ResultId = response.Result.ResultId }));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(await host.Harness.Published.Any<TryOnCompleted>(m => m.Context.Message.UserId == "u1" && m.Context.Message.ResultId == response.Result.ResultId), Is.True);

        var deleted = await client.DeleteTryOnDataAsync(new DeleteTryOnDataRequest { DeleteAll = true });
        Assert.That(deleted.DeletedCount, Is.EqualTo(1));
        var gone = Assert.ThrowsAsync<RpcException>(async () => await client.GetTryOnResultAsync(new GetTryOnResultRequest { ResultId = response.Result.ResultId }));
        Assert.That(gone!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Bad_photos_and_unsupported_garments_answer_InvalidArgument_or_FailedPrecondition()
    {
        await using var host = Host(GarmentClass.Bag);
        var client = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        using var garment = GarmentPhotos.TShirt(new Scalar(40, 40, 200));
        using var person = PersonPhotos.Person();
        var notImage = Assert.ThrowsAsync<RpcException>(async () => await client.TryOnAsync(new TryOnRequest
        {
            RequestId = "a", PersonImage = ByteString.CopyFromUtf8("not an image at all, just text"), GarmentImage = Png(garment),
        }));
        var bag = Assert.ThrowsAsync<RpcException>(async () => await client.TryOnAsync(new TryOnRequest
        {
            RequestId = "b", PersonImage = Png(person), GarmentImage = Png(garment),
        }));
        Assert.That(notImage!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(bag!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(bag.Status.Detail, Does.Contain("not supported for try-on"));
    }

    [Test]
    public async Task RecommendSize_answers_a_size_with_region_fits_over_grpc()
    {
        await using var host = Host();
        var client = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        var chart = new Type.SizeChart();
        var bust = new[] { 78.0, 82, 86, 90, 95 };
        var labels = new[] { "XS", "S", "M", "L" };
        for (var i = 0; i < labels.Length; i++)
        {
            var row = new Type.SizeChartRow { SizeLabel = labels[i] };
            row.Measurements.Add(new Type.SizeMeasurement { Dimension = Type.BodyDimension.Bust, Min = bust[i], Max = bust[i + 1] });
            chart.Rows.Add(row);
        }

        var answer = await client.RecommendSizeAsync(new RecommendSizeRequest
        {
            Body = new BodyProfile { HeightCm = 165, WeightKg = 58, BustCm = 84, Sex = Protos.TryOn.V1.Sex.Female }, SizeChart = chart,
        });
        Assert.That(answer.RecommendedSize, Is.EqualTo("S"));
        Assert.That(answer.RegionFits.Single().Fit, Is.EqualTo(FitLevel.Fits));
        Assert.That(answer.SizeProbabilities.Sum(p => p.Probability), Is.EqualTo(1).Within(1e-9));
        var bad = Assert.ThrowsAsync<RpcException>(async () => await client.RecommendSizeAsync(new RecommendSizeRequest
        {
            Body = new BodyProfile { HeightCm = 20, WeightKg = 58 }, SizeChart = chart,
        }));
        Assert.That(bad!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public async Task RecommendSize_by_product_id_reads_the_listing_chart_and_keeps_the_newest_version()
    {
        await using var host = Host();
        var client = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        var body = new BodyProfile { HeightCm = 165, WeightKg = 58, Sex = Protos.TryOn.V1.Sex.Female };
        static ProductSnapshot Dress(params (string Size, double HeightMin, double HeightMax)[] rows) => new()
        {
            ProductId = "prd_dress", MerchantId = "m1", StoreId = "s1", Title = "Linen midi dress", CategoryPath = ["Women's Clothing", "Dresses", "Midi Dresses"], Price = 199,
            SizeChart = rows.Select(r => new SizeChartRow
            {
                Size = r.Size,
                MeasurementsCm = new Dictionary<string, double> { [SizeChartKeys.Min(SizeChartKeys.Height)] = r.HeightMin, [SizeChartKeys.Max(SizeChartKeys.Height)] = r.HeightMax },
            }).ToList(),
        };

        var unknown = Assert.ThrowsAsync<RpcException>(async () => await client.RecommendSizeAsync(new RecommendSizeRequest { Body = body, ProductId = "prd_dress" }));
        Assert.That(unknown!.StatusCode, Is.EqualTo(StatusCode.NotFound));

        await host.Harness.Bus.Publish(new ProductListed { Product = Dress(("S", 150, 160), ("M", 160, 170), ("L", 170, 180)) });
        Assert.That(await host.Harness.Consumed.Any<ProductListed>(), Is.True);
        var listed = await client.RecommendSizeAsync(new RecommendSizeRequest { Body = body, ProductId = "prd_dress" });

        var newer = new ProductUpdated { Product = Dress(("M", 150, 160), ("L", 160, 170), ("XL", 170, 180)), Version = 3 };
        var stale = new ProductUpdated { Product = Dress(("XS", 150, 160), ("S", 160, 170)), Version = 2 };
        await host.Harness.Bus.Publish(newer);
        await host.Harness.Bus.Publish(stale);
        Assert.That(await host.Harness.Consumed.Any<ProductUpdated>(m => m.Context.Message.Version == 3), Is.True);
        Assert.That(await host.Harness.Consumed.Any<ProductUpdated>(m => m.Context.Message.Version == 2), Is.True);
        var updated = await client.RecommendSizeAsync(new RecommendSizeRequest { Body = body, ProductId = "prd_dress" });

        Assert.That((listed.RecommendedSize, updated.RecommendedSize), Is.EqualTo(("M", "L")));
    }
}
