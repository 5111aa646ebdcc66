using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace Commerce.Inference.Domain;

/// <summary>
/// Builds session options for the configured device. CUDA is attempted first unless cpu is asked for: where CUDA (13)
/// or the GPU is absent, ONNX Runtime throws a catchable OnnxRuntimeException at AppendExecutionProvider_CUDA; auto then
/// uses CPU, cuda refuses (the model is reported not ready with that reason).
/// </summary>
public sealed class SessionOptionsFactory(InferenceOptions options, Action<SessionOptions, int>? appendCuda = null)
{
    private readonly Action<SessionOptions, int> _appendCuda = appendCuda ?? ((o, id) => o.AppendExecutionProvider_CUDA(id));

    public (SessionOptions Options, ExecutionProviderChoice Choice) Create()
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = ParseOptimization(options.GraphOptimization),
            IntraOpNumThreads = Math.Max(0, options.IntraOpThreads),
        };
        if (options.Device == InferenceDevice.Cpu)
        {
            return (sessionOptions, new ExecutionProviderChoice("cpu", "Inference:Device=cpu"));
        }

        try
        {
            _appendCuda(sessionOptions, options.CudaDeviceId);
            return (sessionOptions, new ExecutionProviderChoice("cuda", $"CUDA device {options.CudaDeviceId}"));
        }
        catch (OnnxRuntimeException ex) when (options.Device == InferenceDevice.Auto)
        {
            return (sessionOptions, new ExecutionProviderChoice("cpu", "CUDA unavailable, fell back to CPU: " + FirstLine(ex.Message)));
        }
        catch (OnnxRuntimeException ex)
        {
            sessionOptions.Dispose();
            throw new InvalidOperationException("Inference:Device=cuda but the CUDA provider cannot load: " + FirstLine(ex.Message), ex);
        }
    }

    private static GraphOptimizationLevel ParseOptimization(string value) => value.ToLowerInvariant() switch
    {
        "disabled" or "none" => GraphOptimizationLevel.ORT_DISABLE_ALL,
        "basic" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "extended" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
