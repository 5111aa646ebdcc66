using Commerce.Reco;
using Commerce.Reco.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRecoService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<RecoGrpcService>();
app.Run();
