using Commerce.Gateway;
using Commerce.Gateway.Auth;
using Commerce.ServiceDefaults;

if (MintTokenCommand.IsRequested(args))
{
    return MintTokenCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseGateway();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.Run();
return 0;
