using Commerce.CsAgent;
using Commerce.CsAgent.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCsAgentService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<CsAgentGrpcService>();
app.Run();
