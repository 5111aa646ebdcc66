namespace Commerce.ServiceDefaults.Storage;

public sealed class StorageSettings
{
    public const string SectionName = "Storage";

    /// <summary>Folder of the service's own SQLite files; the AppHost points it into eng/artifacts/data, Kubernetes at a volume.</summary>
    public string DataDir { get; set; } = "data";
}
