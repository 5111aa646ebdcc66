using Commerce.Inference.Tests.Support;
using Commerce.Protos.Inference;
using Commerce.Protos.TryOn.V1;
using Commerce.TestSupport;
using Commerce.TryOn.Domain.Pipeline;
using Commerce.TryOn.Domain.Warping;
using Commerce.TryOn.Grpc;
using Commerce.TryOn.Inference;
using Commerce.TryOn.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace Commerce.TryOn.Tests;

/// <summary>TryOn with its production classifier and composer: the real garment_type and tryon_composer served by an in-process InferenceHost.</summary>
public sealed class TryOnThroughInferenceHostTests
{
    private static InferenceTestHost _inference = null!;

    [OneTimeSetUp]
    public async Task StartInferenceHost()
    {
        ModelRepositoryFixture.RequireModel("garment_type");
        ModelRepositoryFixture.RequireModel("tryon_composer");
        _inference = await InferenceTestHost.StartAsync(ModelRepositoryFixture.Path);
    }

    [OneTimeTearDown]
    public async Task StopInferenceHost() => await _inference.DisposeAsync();

    private static ServiceHost<TryOnGrpcService> TryOnHost(GRPCInferenceService.GRPCInferenceServiceClient inference) => new(
        new Dictionary<string, string?> { ["TryOn:ModelsDir"] = Path.Combine(RepoPaths.Artifacts, "models") },
        services => services.AddSingleton(new InferenceClient.InferenceClient(inference)));

    private static ByteString Png(Mat m) => ByteString.CopyFrom(m.ImEncode(".png"));

    [Test]
    public async Task A_dress_photo_is_recognised_and_composed_onto_the_person_while_the_background_stays()
    {
        await using var host = TryOnHost(_inference.Client);
        var client = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        using var person = PersonPhotos.Person();
        using var dress = GarmentPhotos.FashionMnist(3);

        var response = await client.TryOnAsync(new TryOnRequest
        {
            RequestId = "dress-1", PersonImage = Png(person), GarmentImage = Png(dress),
            Options = new TryOnOptions { OutputFormat = Protos.TryOn.V1.ImageFormat.Png },
        });

        Assert.That(response.Result.GarmentType, Is.EqualTo(GarmentType.Dress), "garment_type on a Fashion-MNIST test dress");
        using var composite = Cv2.ImDecode(response.Result.Image.ToByteArray(), ImreadModes.Color);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Artifacts, "tryon-results"));
        Cv2.ImWrite(Path.Combine(RepoPaths.Artifacts, "tryon-results", "person-fmnist-dress-inferencehost.png"), composite);
        Assert.That(composite.Size(), Is.EqualTo(person.Size()));
        using var diff = new Mat();
        Cv2.Absdiff(person, composite, diff);
        using var changed = new Mat();
        Cv2.CvtColor(diff, changed, ColorConversionCodes.BGR2GRAY);
        Cv2.Threshold(changed, changed, 12, 255, ThresholdTypes.Binary);
        var changedShare = Cv2.CountNonZero(changed) / (double)(person.Width * person.Height);
        // The person fills about 5% of person.jpg; a dress over her torso changes about a quarter of that.
        Assert.That(changedShare, Is.InRange(0.005, 0.05), "the dress covers part of the person, not nothing and not the scene");
        using var corner = new Mat(diff, new Rect(0, 0, 24, 24));
        Assert.That(Cv2.Mean(corner).Val0 + Cv2.Mean(corner).Val1 + Cv2.Mean(corner).Val2, Is.LessThan(3), "the background corner stays the person's own");
    }

    [Test]
    public async Task The_composer_adapter_keeps_colour_order_and_grid_coordinates()
    {
        // Identity grid, full mask and a flat grey person (shading factor 1): the composite is the garment itself;
        // with everything kept in front it is the person. A swapped channel or an off-by-one grid breaks either.
        const int side = 32;
        using var person = new Mat(side, side, MatType.CV_8UC3, new Scalar(128, 128, 128));
        using var garment = new Mat(side, side, MatType.CV_8UC3);
        Cv2.Randu(garment, Scalar.All(0), Scalar.All(255));
        using var mask = new Mat(side, side, MatType.CV_32F, Scalar.All(1));
        using var mapX = new Mat(side, side, MatType.CV_32F);
        using var mapY = new Mat(side, side, MatType.CV_32F);
        mapX.SetArray(Enumerable.Range(0, side * side).Select(i => (float)(i % side)).ToArray());
        mapY.SetArray(Enumerable.Range(0, side * side).Select(i => (float)(i / side)).ToArray());
        var grid = new SamplingGrid(mapX, mapY, side, side);
        var composer = new InferenceTryOnComposer(_inference.Typed);

        using var noKeep = new Mat(side, side, MatType.CV_32F, Scalar.All(0));
        using var allKeep = new Mat(side, side, MatType.CV_32F, Scalar.All(1));
        using var wearing = await composer.ComposeAsync(new ComposerInputs(person, garment, mask, grid, noKeep), CancellationToken.None);
        using var kept = await composer.ComposeAsync(new ComposerInputs(person, garment, mask, grid, allKeep), CancellationToken.None);

        Assert.That(MaxAbsDiff(wearing, garment), Is.LessThanOrEqualTo(1));
        Assert.That(MaxAbsDiff(kept, person), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task With_InferenceHost_down_try_on_answers_Unavailable_with_a_retry_hint()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{FreePorts.Next()}");
        await using var host = TryOnHost(new GRPCInferenceService.GRPCInferenceServiceClient(channel));
        var client = new Protos.TryOn.V1.TryOnService.TryOnServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        using var person = PersonPhotos.Person();
        using var dress = GarmentPhotos.FashionMnist(3);

        var ex = Assert.ThrowsAsync<RpcException>(async () => await client.TryOnAsync(new TryOnRequest
        {
            RequestId = "down-1", PersonImage = Png(person), GarmentImage = Png(dress),
        }));

        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(ex.Status.Detail, Does.Contain("InferenceHost").And.Contain("retry"));
    }

    private static double MaxAbsDiff(Mat a, Mat b)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        Cv2.MinMaxLoc(diff.Reshape(1), out _, out double max);
        return max;
    }

}
