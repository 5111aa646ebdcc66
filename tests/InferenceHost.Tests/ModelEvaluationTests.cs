using System.Diagnostics.Metrics;
using Commerce.Inference.Domain;
using Commerce.Inference.Tests.Support;
using Commerce.InferenceClient;
using Commerce.ModelBuilder;
using Commerce.Protos.Inference;
using Grpc.Core;

namespace Commerce.Inference.Tests;

/// <summary>The served models against their thresholds and references, through ModelInfer.</summary>
public sealed class ModelEvaluationTests
{
    [Test]
    public async Task Garment_type_served_model_reaches_0_85_on_the_official_test_split()
    {
        var repository = ModelRepositoryFixture.CreateTemporary();
        ModelRepositoryFixture.CopyModel(repository, FleetModels.GarmentType, FleetModels.GarmentType);
        await using var host = await InferenceTestHost.StartAsync(repository);
        var test = FashionMnist.Test();
        var correct = 0;
        for (var start = 0; start < test.Labels.Length; start += 250)
        {
            var rows = Math.Min(250, test.Labels.Length - start);
            var pixels = test.Images.Skip(start).Take(rows).SelectMany(i => i).ToArray();
            var scores = await host.Typed.InferFloatsAsync(FleetModels.GarmentType, GarmentTypeTensors.Pixels, pixels, [rows, 784], GarmentTypeTensors.Scores);
            for (var r = 0; r < rows; r++)
            {
                var row = scores.AsSpan(r * 10, 10);
                if (row.IndexOf(MaxOf(row)) == test.Labels[start + r]) correct++;
            }
        }

        var accuracy = correct / (double)test.Labels.Length;
        await TestContext.Out.WriteLineAsync($"garment_type accuracy on the 10k test split through ModelInfer: {accuracy:F4} (threshold 0.85)");
        Assert.That(accuracy, Is.GreaterThanOrEqualTo(0.85));
    }

    [Test]
    public async Task Tryon_composer_equals_the_reference_implementation_within_1e_4()
    {
        var repository = ModelRepositoryFixture.CreateTemporary();
        ModelRepositoryFixture.CopyModel(repository, FleetModels.TryOnComposer, FleetModels.TryOnComposer);
        await using var host = await InferenceTestHost.StartAsync(repository);
        var random = new Random(7);
        foreach (var (h, w, gh, gw) in new[] { (12, 16, 10, 8), (5, 7, 9, 9) })
        {
            float[] Rand(int n, float lo = 0, float hi = 1) => Enumerable.Range(0, n).Select(_ => lo + (float)random.NextDouble() * (hi - lo)).ToArray();
            var person = Rand(3 * h * w);
            var garment = Rand(3 * gh * gw);
            var mask = Rand(gh * gw);
            var grid = Rand(h * w * 2, -1.2f, 1.2f);
            var keep = Rand(h * w).Select(v => v > 0.8f ? 1f : 0f).ToArray();

            var result = await host.Typed.InferAsync(FleetModels.TryOnComposer,
            [
                Tensor.Float(TryOnComposerTensors.Person, person, 1, 3, h, w),
                Tensor.Float(TryOnComposerTensors.Garment, garment, 1, 3, gh, gw),
                Tensor.Float(TryOnComposerTensors.GarmentMask, mask, 1, 1, gh, gw),
                Tensor.Float(TryOnComposerTensors.Grid, grid, 1, h, w, 2),
                Tensor.Float(TryOnComposerTensors.KeepMask, keep, 1, 1, h, w),
            ]);
            var served = result[TryOnComposerTensors.Composite].ToFloats();
            var expected = ComposerReference.Compose(person, garment, mask, grid, keep, h, w, gh, gw);

            var worst = served.Zip(expected).Max(p => Math.Abs(p.First - p.Second));
            await TestContext.Out.WriteLineAsync($"tryon_composer {h}x{w}: max |served - reference| = {worst:E2}");
            Assert.That(served, Is.EqualTo(expected).Within(1e-4));
        }
    }

    [Test]
    public async Task Batched_results_equal_single_results_and_batches_really_form()
    {
        var repository = ModelRepositoryFixture.CreateTemporary();
        const string model = "frame_embedder_batching_test";
        // A long queue delay so the eight concurrent requests surely meet in one batch (it closes when full).
        ModelRepositoryFixture.CopyModel(repository, FleetModels.FrameEmbedder, model, c =>
        {
            c["max_batch_size"] = 4;
            c["max_queue_delay_ms"] = 2000;
            c["preferred_batch_sizes"] = new System.Text.Json.Nodes.JsonArray();
        });
        var batchSizes = new List<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == InferenceMetrics.MeterName && i.Name == "inference.batch.size") l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "model" && (string?)tag.Value == model) lock (batchSizes) batchSizes.Add(value);
            }
        });
        listener.Start();
        await using var host = await InferenceTestHost.StartAsync(repository, ("Inference:Device", "cpu"));
        var random = new Random(3);
        var images = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 3 * 224 * 224).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();

        var batched = await Task.WhenAll(images.Select(i => host.Typed.InferFloatsAsync(model, FrameEmbedderTensors.Image, i, [1, 3, 224, 224], FrameEmbedderTensors.Features)));
        var single = new List<float[]>();
        var direct = await host.Typed.InferAsync(model, [Tensor.Float(FrameEmbedderTensors.Image, images.SelectMany(i => i).ToArray(), 4, 3, 224, 224)]);
        for (var i = 0; i < 4; i++) single.Add(direct[FrameEmbedderTensors.Features].FloatRow(i));

        lock (batchSizes) Assert.That(batchSizes, Has.Some.EqualTo(4));
        for (var i = 0; i < 4; i++)
        {
            Assert.That(batched[i], Has.Length.EqualTo(512));
            Assert.That(batched[i], Is.EqualTo(single[i]).Within(1e-5));
        }
    }

    [Test]
    public async Task Cuda_unavailable_falls_back_to_cpu_in_auto_and_fails_the_model_in_cuda_mode()
    {
        var repository = ModelRepositoryFixture.CreateTemporary();
        ModelRepositoryFixture.CopyModel(repository, FleetModels.TryOnComposer, FleetModels.TryOnComposer);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(repository, "broken", "1")).FullName, "model.onnx"), "not an onnx file");

        await using (var auto = await InferenceTestHost.StartAsync(repository, ("Inference:Device", "auto")))
        {
            var index = await auto.Client.RepositoryIndexAsync(new RepositoryIndexRequest());
            var composer = index.Models.Single(m => m.Name == FleetModels.TryOnComposer);
            var broken = index.Models.Single(m => m.Name == "broken");
            // This machine has no CUDA: the test documents the fallback (on a GPU machine the provider would be cuda).
            Assume.That(composer.Reason, Does.Not.StartWith("cuda"), "CUDA is present here: the fallback cannot be observed");
            Assert.That(composer.State, Is.EqualTo("READY"));
            Assert.That(composer.Reason, Does.StartWith("cpu: CUDA unavailable, fell back to CPU"));
            Assert.That(broken.State, Is.EqualTo("UNAVAILABLE"));
            Assert.That((await auto.Client.ServerReadyAsync(new ServerReadyRequest())).Ready, Is.True);
        }

        await using var cuda = await InferenceTestHost.StartAsync(repository, ("Inference:Device", "cuda"));
        var ready = await cuda.Client.ModelReadyAsync(new ModelReadyRequest { Name = FleetModels.TryOnComposer });
        var reason = (await cuda.Client.RepositoryIndexAsync(new RepositoryIndexRequest())).Models.Single(m => m.Name == FleetModels.TryOnComposer).Reason;
        var error = Assert.ThrowsAsync<RpcException>(async () => await cuda.Typed.InferAsync(FleetModels.TryOnComposer, []));

        Assert.That(ready.Ready, Is.False);
        Assert.That(reason, Does.Contain("Inference:Device=cuda but the CUDA provider cannot load"));
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        var max = float.MinValue;
        foreach (var v in values) max = Math.Max(max, v);
        return max;
    }
}
