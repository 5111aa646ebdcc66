using Commerce.ServiceDefaults.Errors;

namespace Commerce.Clip.Media;

/// <summary>
/// The blob store on the filesystem (Clip:BlobRoot). URIs are <c>blob://relative/path</c>, or a plain relative path;
/// nothing outside the root can be named, so a caller cannot make the service read or write arbitrary files.
/// </summary>
public sealed class BlobStore(string root)
{
    public const string Scheme = "blob://";

    public string Root { get; } = Path.GetFullPath(root);

    public string Resolve(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) throw new InvalidInputException("the video uri is empty");
        var relative = uri.StartsWith(Scheme, StringComparison.Ordinal) ? uri[Scheme.Length..] : uri;
        if (Path.IsPathRooted(relative)) throw new InvalidInputException($"'{uri}' is not in the blob store: give blob://<path> or a path under the store's root");
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidInputException($"'{uri}' points outside the blob store");
        }

        return full;
    }

    public string ToUri(string fullPath) => Scheme + Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
