using Commerce.Asr;
using Commerce.Asr.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAsrCommentService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<AsrCommentGrpcService>();
app.Run();
