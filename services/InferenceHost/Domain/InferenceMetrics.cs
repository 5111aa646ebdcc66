using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Commerce.Inference.Domain;

/// <summary>
/// Per-model inference metrics on the meter "Commerce.Inference" (exported by ServiceDefaults' OpenTelemetry set-up,
/// which takes every "Commerce.*" meter). Tags stay low-cardinality: model, version, outcome.
/// </summary>
public sealed class InferenceMetrics
{
    public const string MeterName = "Commerce.Inference";

    private readonly Counter<long> _requests;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _queueTime;
    private readonly Histogram<double> _computeTime;

    public InferenceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("inference.requests", "{request}", "ModelInfer requests by model and outcome");
        _batchSize = meter.CreateHistogram<int>("inference.batch.size", "{row}", "Rows in one ONNX Runtime run after dynamic batching",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _queueTime = meter.CreateHistogram<double>("inference.queue.duration", "s", "Time a request waited for its batch");
        _computeTime = meter.CreateHistogram<double>("inference.compute.duration", "s", "ONNX Runtime run time of one batch");
    }

    public void Request(string model, long version, string outcome) =>
        _requests.Add(1, new TagList { { "model", model }, { "version", version.ToString() }, { "outcome", outcome } });

    public void Batch(string model, long version, int rows, TimeSpan compute)
    {
        var tags = new TagList { { "model", model }, { "version", version.ToString() } };
        _batchSize.Record(rows, tags);
        _computeTime.Record(compute.TotalSeconds, tags);
    }

    public void Queued(string model, long version, TimeSpan waited) =>
        _queueTime.Record(waited.TotalSeconds, new TagList { { "model", model }, { "version", version.ToString() } });
}
