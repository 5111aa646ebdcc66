namespace Commerce.ServiceDefaults.Grpc;

public sealed class GrpcServerSettings
{
    public const string SectionName = "Grpc";

    public int MaxReceiveBytes { get; set; } = GrpcServerExtensions.DefaultMaxReceiveBytes;

    public int MaxSendBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Unary calls that arrive without a deadline get this one, so no request can hold a handler forever.</summary>
    public TimeSpan DefaultUnaryDeadline { get; set; } = TimeSpan.FromSeconds(30);
}
