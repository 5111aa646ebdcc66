using Commerce.Onboarding;
using Commerce.Onboarding.Grpc;
using Commerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMerchantOnboarding();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<OnboardingGrpcService>();
app.Run();
