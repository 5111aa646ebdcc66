namespace Commerce.LoadTests;

/// <summary>One kind of call in the traffic mix: its RPC name, its share of the traffic, and how to make one.</summary>
public sealed record LoadCall(string Rpc, double Weight, Func<CallContext, Task> ExecuteAsync);

/// <summary>What a call needs: the seeded random source of its caller, and the world the mix set up.</summary>
public sealed record CallContext(Random Random, CancellationToken CancellationToken);
