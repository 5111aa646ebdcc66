using Commerce.Clip;
using Commerce.Clip.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddClipService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<ClipGrpcService>();
app.Run();
