namespace Commerce.ServiceDefaults.Errors;

// Plain exceptions that domain code (which knows nothing of gRPC) throws; the server interceptor turns each into
// its gRPC status, so every service answers bad input the same way and no handler maps codes by hand.

/// <summary>The request itself is wrong (InvalidArgument): the message tells the caller what to fix.</summary>
public class InvalidInputException(string message) : Exception(message);

/// <summary>The thing asked for does not exist, or the caller may not know that it does (NotFound).</summary>
public class NotFoundException(string message) : Exception(message);

/// <summary>The caller is known but may not touch this (PermissionDenied).</summary>
public class AccessDeniedException(string message) : Exception(message);

/// <summary>A size, rate or quota limit was hit (ResourceExhausted).</summary>
public class LimitExceededException(string message) : Exception(message);

/// <summary>The request is valid but the system is not in a state to do it (FailedPrecondition).</summary>
public class PreconditionFailedException(string message) : Exception(message);

/// <summary>The request would conflict with what exists (AlreadyExists).</summary>
public class ConflictException(string message) : Exception(message);
