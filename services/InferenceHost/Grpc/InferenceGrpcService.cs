using Commerce.Inference.Domain;
using Commerce.Protos.Inference;
using Grpc.Core;

namespace Commerce.Inference.Grpc;

/// <summary>
/// The Open Inference Protocol (KServe v2 gRPC, package <c>inference</c>, Triton's API) over the model catalog. Thin:
/// convert, call the domain, map back. Domain exceptions become NotFound, InvalidArgument, ResourceExhausted and
/// FailedPrecondition through the fleet's error interceptor.
/// </summary>
public sealed class InferenceGrpcService(ModelCatalog catalog) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public const string ServerName = "commerce-inference";

    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = catalog.LoadingComplete });

    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ModelReadyResponse { Ready = catalog.Find(request.Name, request.Version).State == ModelState.Ready });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerMetadataResponse
        {
            Name = ServerName,
            Version = typeof(InferenceGrpcService).Assembly.GetName().Version?.ToString() ?? "0",
        });

    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context)
    {
        var version = catalog.Find(request.Name, request.Version);
        var response = new ModelMetadataResponse { Name = version.Model, Platform = "onnxruntime_onnx" };
        response.Versions.AddRange(catalog.Versions(version.Model).Select(v => v.Version.ToString()));
        response.Inputs.AddRange(version.Inputs.Select(ToMetadata));
        response.Outputs.AddRange(version.Outputs.Select(ToMetadata));
        return Task.FromResult(response);
    }

    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        var version = catalog.Find(request.ModelName, request.ModelVersion);
        var inputs = TensorContents.ToDomain(request);
        var outputs = await version.InferAsync(inputs, request.Outputs.Select(o => o.Name).ToArray(), catalog.MaxRequestBytes, context.CancellationToken);
        return TensorContents.ToResponse(request, version, outputs);
    }

    public override Task<RepositoryIndexResponse> RepositoryIndex(RepositoryIndexRequest request, ServerCallContext context)
    {
        var response = new RepositoryIndexResponse();
        foreach (var version in catalog.All.Where(v => !request.Ready || v.State == ModelState.Ready))
        {
            response.Models.Add(new RepositoryIndexResponse.Types.ModelIndex
            {
                Name = version.Model,
                Version = version.Version.ToString(),
                State = version.State.ToString().ToUpperInvariant(),
                Reason = version.Reason,
            });
        }

        return Task.FromResult(response);
    }

    private static ModelMetadataResponse.Types.TensorMetadata ToMetadata(TensorSpec spec)
    {
        var metadata = new ModelMetadataResponse.Types.TensorMetadata { Name = spec.Name, Datatype = spec.DataType };
        metadata.Shape.AddRange(spec.Shape);
        return metadata;
    }
}
