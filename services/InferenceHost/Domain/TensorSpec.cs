namespace Commerce.Inference.Domain;

/// <summary>What a model declares for one tensor; -1 marks a dynamic dimension (the batch dimension among them).</summary>
public sealed record TensorSpec(string Name, string DataType, long[] Shape)
{
    public string Describe() => $"'{Name}' {DataType} [{string.Join(",", Shape)}]";
}
