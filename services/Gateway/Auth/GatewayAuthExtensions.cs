using Commerce.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Commerce.Gateway.Auth;

public static class GatewayAuthExtensions
{
    public static IHostApplicationBuilder AddGatewayAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(JwtSettings.SectionName).Get<JwtSettings>() ?? new JwtSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DevTokenIssuer>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(settings.ResolveKey()),
                    // Only the algorithm we sign with: "alg: none" and algorithm-confusion tokens are refused.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = settings.ClockSkew,
                    NameClaimType = GatewayClaims.Subject,
                    RoleClaimType = GatewayClaims.Role,
                };
                options.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        if (!GrpcErrorResponse.IsGrpc(context.Request)) return;
                        context.HandleResponse();
                        var reason = context.AuthenticateFailure is null ? "a bearer token is required" : "the bearer token is not valid";
                        await GrpcErrorResponse.WriteAsync(context.HttpContext, StatusCode.Unauthenticated, reason);
                    },
                    OnForbidden = async context =>
                    {
                        if (!GrpcErrorResponse.IsGrpc(context.Request)) return;
                        await GrpcErrorResponse.WriteAsync(context.HttpContext, StatusCode.PermissionDenied, "your role may not call this service");
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.SignedIn, p => p.RequireAuthenticatedUser().RequireRole(CallerRole.All))
            .AddPolicy(GatewayPolicies.OperatorOnly, p => p.RequireAuthenticatedUser().RequireRole(CallerRole.Operator));
        return builder;
    }
}
