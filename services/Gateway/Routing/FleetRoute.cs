namespace Commerce.Gateway.Routing;

/// <summary>
/// One service behind the gateway: gRPC calls whose path starts with <see cref="GrpcPathPrefix"/> and JSON calls under
/// <see cref="HttpPathPrefix"/> go to the service named <see cref="Service"/> in service discovery.
/// </summary>
public sealed record FleetRoute(string Service, string GrpcPathPrefix, string? HttpPathPrefix, string Policy);
