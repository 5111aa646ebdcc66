namespace Commerce.AppHost;

public static class FleetResourceExtensions
{
    /// <summary>A service of the fleet: its own data folder, the broker's connection string, started once the broker is up.</summary>
    public static IResourceBuilder<ProjectResource> AddFleetService<TProject>(this IDistributedApplicationBuilder builder,
        string name, IResourceBuilder<IResourceWithConnectionString> broker, FleetLayout layout) where TProject : IProjectMetadata, new()
    {
        return builder.AddProject<TProject>(name)
            .WithFleetStorage(layout)
            .WithReference(broker)
            .WaitFor(broker);
    }

    public static IResourceBuilder<ProjectResource> WithFleetStorage(this IResourceBuilder<ProjectResource> project, FleetLayout layout)
    {
        return project
            .WithEnvironment("Storage__DataDir", layout.ServiceDataDir(project.Resource.Name))
            .WithHttpHealthCheck("/health", endpointName: "http");
    }

    /// <summary>The gateway discovers every service by name and starts only when they all answer their health checks.</summary>
    public static IResourceBuilder<ProjectResource> WithRoutesTo(this IResourceBuilder<ProjectResource> gateway,
        params IResourceBuilder<ProjectResource>[] services)
    {
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        return gateway.WithHttpHealthCheck("/health", endpointName: "http");
    }
}
