using Commerce.Inference.Tests.Support;
using Commerce.InferenceClient;
using Commerce.Protos.Inference;
using Google.Protobuf;
using Grpc.Core;

namespace Commerce.Inference.Tests;

/// <summary>The Open Inference Protocol surface over the real repository: metadata shapes and every error code.</summary>
public sealed class ProtocolConformanceTests
{
    private InferenceTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        ModelRepositoryFixture.RequireModel(FleetModels.GarmentType);
        ModelRepositoryFixture.RequireModel(FleetModels.FrameEmbedder);
        ModelRepositoryFixture.RequireModel(FleetModels.TryOnComposer);
        // A repository of copies, so a clip_scorer written by ClipService's build cannot change these answers.
        var repository = ModelRepositoryFixture.CreateTemporary();
        foreach (var model in new[] { FleetModels.GarmentType, FleetModels.FrameEmbedder, FleetModels.TryOnComposer })
        {
            ModelRepositoryFixture.CopyModel(repository, model, model);
        }

        ModelRepositoryFixture.CopyModel(repository, FleetModels.TryOnComposer, FleetModels.TryOnComposer, version: 3);
        _host = await InferenceTestHost.StartAsync(repository);
    }

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private GRPCInferenceService.GRPCInferenceServiceClient Client => _host.Client;

    [Test]
    public async Task Server_is_live_and_ready_and_names_itself()
    {
        Assert.That((await Client.ServerLiveAsync(new ServerLiveRequest())).Live, Is.True);
        Assert.That((await Client.ServerReadyAsync(new ServerReadyRequest())).Ready, Is.True);
        Assert.That((await Client.ServerMetadataAsync(new ServerMetadataRequest())).Name, Is.EqualTo("commerce-inference"));
    }

    [Test]
    public async Task Model_metadata_reports_dtypes_and_shapes_with_dynamic_batch_dimension()
    {
        var garment = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = FleetModels.GarmentType });
        var frames = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = FleetModels.FrameEmbedder });
        var composer = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = FleetModels.TryOnComposer });

        Assert.That(garment.Platform, Is.EqualTo("onnxruntime_onnx"));
        Assert.That(garment.Inputs.Single().Name, Is.EqualTo(GarmentTypeTensors.Pixels));
        Assert.That(garment.Inputs.Single().Datatype, Is.EqualTo("FP32"));
        Assert.That(garment.Inputs.Single().Shape, Is.EqualTo(new long[] { -1, 784 }));
        Assert.That(garment.Outputs.Single().Shape, Is.EqualTo(new long[] { -1, 10 }));
        Assert.That(frames.Inputs.Single().Shape, Is.EqualTo(new long[] { -1, 3, 224, 224 }));
        Assert.That(frames.Outputs.Single().Shape, Is.EqualTo(new long[] { -1, 512 }));
        Assert.That(composer.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "person", "garment", "garment_mask", "grid", "keep_mask" }));
        Assert.That(composer.Inputs[0].Shape, Is.EqualTo(new long[] { -1, 3, -1, -1 }));
        Assert.That(composer.Inputs[3].Shape, Is.EqualTo(new long[] { -1, -1, -1, 2 }));
        Assert.That(composer.Versions, Is.EqualTo(new[] { "1", "3" }));
    }

    [Test]
    public async Task Newest_version_answers_by_default_and_older_versions_on_request()
    {
        var request = ComposerRequest(version: "");
        var newest = await Client.ModelInferAsync(request);
        request.ModelVersion = "1";
        var first = await Client.ModelInferAsync(request);

        Assert.That(newest.ModelVersion, Is.EqualTo("3"));
        Assert.That(first.ModelVersion, Is.EqualTo("1"));
        Assert.That((await Client.ModelReadyAsync(new ModelReadyRequest { Name = FleetModels.TryOnComposer, Version = "1" })).Ready, Is.True);
    }

    [Test]
    public async Task Repository_index_lists_every_version_ready()
    {
        var index = await Client.RepositoryIndexAsync(new RepositoryIndexRequest { Ready = true });

        Assert.That(index.Models.Select(m => m.Name + "/" + m.Version), Is.EquivalentTo(new[]
        {
            "frame_embedder/1", "garment_type/1", "tryon_composer/1", "tryon_composer/3",
        }));
        Assert.That(index.Models.Select(m => m.State), Is.All.EqualTo("READY"));
        Assert.That(index.Models[0].Reason, Does.StartWith("cpu"));
    }

    [Test]
    public async Task Typed_contents_and_raw_contents_give_the_same_scores()
    {
        var pixels = Enumerable.Range(0, 784).Select(i => (i % 29) / 28f).ToArray();
        var raw = await _host.Typed.InferFloatsAsync(FleetModels.GarmentType, GarmentTypeTensors.Pixels, pixels, [1, 784], GarmentTypeTensors.Scores);
        var typed = new ModelInferRequest { ModelName = FleetModels.GarmentType, Id = "typed-1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "pixels", Datatype = "FP32", Shape = { 1, 784 }, Contents = new InferTensorContents() };
        input.Contents.Fp32Contents.AddRange(pixels);
        typed.Inputs.Add(input);

        var response = await Client.ModelInferAsync(typed);
        var scores = Commerce.InferenceClient.InferenceClient.ToResult(response)[GarmentTypeTensors.Scores].ToFloats();

        Assert.That(response.Id, Is.EqualTo("typed-1"));
        Assert.That(scores, Is.EqualTo(raw));
        Assert.That(scores.Sum(), Is.EqualTo(1f).Within(1e-4));
    }

    [Test]
    public void Unknown_model_or_version_is_not_found()
    {
        var infer = Assert.ThrowsAsync<RpcException>(async () => await Client.ModelInferAsync(new ModelInferRequest { ModelName = "no_such_model" }));
        var metadata = Assert.ThrowsAsync<RpcException>(async () => await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "no_such_model" }));
        var ready = Assert.ThrowsAsync<RpcException>(async () => await Client.ModelReadyAsync(new ModelReadyRequest { Name = FleetModels.GarmentType, Version = "7" }));

        Assert.That(infer!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(infer.Status.Detail, Does.Contain("no_such_model"));
        Assert.That(metadata!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(ready!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [TestCase("UINT8", new long[] { 1, 784 }, 784, "datatype")]
    [TestCase("FP32", new long[] { 1, 700 }, 2800, "shape")]
    [TestCase("FP32", new long[] { 784 }, 3136, "shape")]
    [TestCase("FP32", new long[] { 1, 784 }, 100, "bytes")]
    public void Wrong_dtype_shape_or_byte_length_is_invalid_argument_naming_the_expected_tensor(string dataType, long[] shape, int bytes, string complaint)
    {
        var request = new ModelInferRequest { ModelName = FleetModels.GarmentType };
        request.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = "pixels", Datatype = dataType, Shape = { shape } });
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[bytes]));

        var error = Assert.ThrowsAsync<RpcException>(async () => await Client.ModelInferAsync(request));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Does.Contain("'pixels' FP32 [-1,784]"));
        Assert.That(error.Status.Detail, Does.Contain(complaint));
    }

    [Test]
    public void Missing_or_unknown_input_and_unknown_output_are_invalid_argument()
    {
        var unknown = new ModelInferRequest { ModelName = FleetModels.GarmentType };
        unknown.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = "image", Datatype = "FP32", Shape = { 1, 784 } });
        unknown.RawInputContents.Add(ByteString.CopyFrom(new byte[3136]));
        var missing = ComposerRequest("");
        missing.Inputs.RemoveAt(4);
        missing.RawInputContents.RemoveAt(4);
        var output = ComposerRequest("");
        output.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "mask" });

        var errors = new[] { unknown, missing, output }.Select(r => Assert.ThrowsAsync<RpcException>(async () => await Client.ModelInferAsync(r))!).ToArray();

        Assert.That(errors.Select(e => e.StatusCode), Is.All.EqualTo(StatusCode.InvalidArgument));
        Assert.That(errors[0].Status.Detail, Does.Contain("'pixels' FP32 [-1,784]"));
        Assert.That(errors[1].Status.Detail, Does.Contain("'keep_mask' FP32 [-1,1,-1,-1]"));
        Assert.That(errors[2].Status.Detail, Does.Contain("'composite'"));
    }

    [Test]
    public void More_rows_than_max_batch_size_is_resource_exhausted()
    {
        var rows = 257;
        var error = Assert.ThrowsAsync<RpcException>(async () => await _host.Typed.InferAsync(FleetModels.GarmentType,
            [Tensor.Float(GarmentTypeTensors.Pixels, new float[rows * 784], rows, 784)]));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
        Assert.That(error.Status.Detail, Does.Contain("max_batch_size is 256"));
    }

    private static ModelInferRequest ComposerRequest(string version)
    {
        var request = new ModelInferRequest { ModelName = FleetModels.TryOnComposer, ModelVersion = version };
        foreach (var (name, shape) in new (string, long[])[]
                 {
                     ("person", [1, 3, 4, 4]), ("garment", [1, 3, 4, 4]), ("garment_mask", [1, 1, 4, 4]), ("grid", [1, 4, 4, 2]), ("keep_mask", [1, 1, 4, 4]),
                 })
        {
            request.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = "FP32", Shape = { shape } });
            request.RawInputContents.Add(ByteString.CopyFrom(new byte[shape.Aggregate(4L, (a, d) => a * d)]));
        }

        return request;
    }
}
