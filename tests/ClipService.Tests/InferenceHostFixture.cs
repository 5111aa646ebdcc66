using Commerce.Inference.Tests.Support;
using Commerce.InferenceClient;
using Commerce.Protos.Inference;

namespace Commerce.Clip.Tests;

/// <summary>
/// One InferenceHost for the whole test run, in-process, over a repository holding copies of the real clip_scorer and
/// frame_embedder (not the TryOn models, which this service never calls). Every ClipService host under test scores
/// through it, as production does.
/// </summary>
[SetUpFixture]
public sealed class InferenceHostFixture
{
    private static InferenceTestHost? _host;
    private static string? _repository;

    public static GRPCInferenceService.GRPCInferenceServiceClient Client =>
        _host?.Client ?? throw new InvalidOperationException("InferenceHost was not started");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _repository = ModelRepositoryFixture.CreateTemporary();
        ModelRepositoryFixture.CopyModel(_repository, FleetModels.ClipScorer, FleetModels.ClipScorer);
        ModelRepositoryFixture.CopyModel(_repository, FleetModels.FrameEmbedder, FleetModels.FrameEmbedder);
        _host = await InferenceTestHost.StartAsync(_repository);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_repository is not null) Directory.Delete(_repository, recursive: true);
    }
}
