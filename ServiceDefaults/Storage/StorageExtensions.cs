using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Commerce.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>Full path of one of the service's database files under <c>Storage:DataDir</c>.</summary>
    public static string DataFilePath(this IHostApplicationBuilder builder, string fileName)
    {
        var settings = builder.Configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
        var folder = Path.IsPathRooted(settings.DataDir)
            ? settings.DataDir
            : Path.Combine(builder.Environment.ContentRootPath, settings.DataDir);
        return Path.Combine(folder, fileName);
    }
}
