using Commerce.Bidding;
using Commerce.Bidding.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBiddingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<BiddingGrpcService>();
app.Run();
