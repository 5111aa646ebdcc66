using Commerce.Inference;
using Commerce.Inference.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInferenceHost();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<InferenceGrpcService>();
app.Run();
