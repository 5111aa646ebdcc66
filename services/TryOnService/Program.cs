using Commerce.TryOn;
using Commerce.TryOn.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTryOnService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<TryOnGrpcService>();
app.Run();
