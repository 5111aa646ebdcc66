namespace Commerce.Inference.Domain;

/// <summary>Triton's repository states for a model version.</summary>
public enum ModelState
{
    Loading,
    Ready,
    Unavailable,
}
