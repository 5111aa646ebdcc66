using Commerce.ServiceDefaults.Errors;

namespace Commerce.Inference.Domain;

/// <summary>
/// Checks a request's tensors against what the model declares, before anything runs: every message names the expected
/// tensor so a caller can fix its request. Returns the inputs in the model's order.
/// </summary>
public static class TensorValidator
{
    public static IReadOnlyList<InferenceTensor> Validate(string model, IReadOnlyList<TensorSpec> specs, ModelConfig config,
        IReadOnlyList<InferenceTensor> inputs, long maxRequestBytes)
    {
        var totalBytes = inputs.Sum(i => (long)i.Data.Length);
        if (totalBytes > maxRequestBytes)
        {
            throw new LimitExceededException($"request to {model} carries {totalBytes} input bytes; the limit is {maxRequestBytes}: send fewer rows per request");
        }

        var byName = new Dictionary<string, InferenceTensor>();
        foreach (var input in inputs)
        {
            if (specs.All(s => s.Name != input.Name))
            {
                throw new InvalidInputException($"model {model} has no input '{input.Name}'; expected {Describe(specs)}");
            }

            if (!byName.TryAdd(input.Name, input))
            {
                throw new InvalidInputException($"input '{input.Name}' of model {model} is given twice");
            }
        }

        var ordered = new List<InferenceTensor>(specs.Count);
        long? rows = null;
        foreach (var spec in specs)
        {
            if (!byName.TryGetValue(spec.Name, out var input))
            {
                throw new InvalidInputException($"model {model} needs input {spec.Describe()}, which the request lacks");
            }

            CheckOne(model, spec, input);
            if (config.Batches)
            {
                if (rows is not null && rows != input.Shape[0])
                {
                    throw new InvalidInputException($"input {spec.Describe()} of model {model} has {input.Shape[0]} rows, other inputs {rows}: the batch dimension must agree");
                }

                rows = input.Shape[0];
                if (rows > config.MaxBatchSize)
                {
                    throw new LimitExceededException($"input {spec.Describe()} of model {model} has {rows} rows; max_batch_size is {config.MaxBatchSize}");
                }
            }

            ordered.Add(input);
        }

        return ordered;
    }

    private static void CheckOne(string model, TensorSpec spec, InferenceTensor input)
    {
        if (input.DataType != spec.DataType)
        {
            throw new InvalidInputException($"input {spec.Describe()} of model {model}: got datatype '{input.DataType}'");
        }

        var matches = input.Shape.Length == spec.Shape.Length
            && input.Shape.Zip(spec.Shape).All(d => d.First >= 1 && (d.Second < 0 || d.First == d.Second));
        if (!matches)
        {
            throw new InvalidInputException($"input {spec.Describe()} of model {model}: got shape [{string.Join(",", input.Shape)}] (-1 is any size >= 1)");
        }

        long expected;
        try
        {
            expected = checked(input.ElementCount * TensorDataTypes.SizeOf(spec.DataType));
        }
        catch (OverflowException)
        {
            throw new InvalidInputException($"input {spec.Describe()} of model {model}: shape [{string.Join(",", input.Shape)}] is too large");
        }

        if (input.Data.Length != expected)
        {
            throw new InvalidInputException($"input {spec.Describe()} of model {model}: shape [{string.Join(",", input.Shape)}] needs {expected} bytes, got {input.Data.Length}");
        }
    }

    private static string Describe(IReadOnlyList<TensorSpec> specs) => string.Join(", ", specs.Select(s => s.Describe()));
}
