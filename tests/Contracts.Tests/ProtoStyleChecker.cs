using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Commerce.Contracts.Tests;

/// <summary>
/// Checks one .proto file of the commerce.* packages against the buf STANDARD rules the fleet
/// follows (package matches directory, lower_snake_case files and fields, PascalCase messages,
/// services ending in Service, one <c>&lt;Rpc&gt;Request</c>/<c>&lt;Rpc&gt;Response</c> pair per
/// RPC used by no other RPC, enum values prefixed with the enum name and a zero value
/// <c>&lt;ENUM&gt;_UNSPECIFIED</c>) and the fleet's C# namespace convention. It is a small
/// scope-aware scanner, not a full protobuf parser: protoc and Grpc.Tools reject invalid syntax
/// before this runs, so it only has to see names in well-formed files.
/// </summary>
public static class ProtoStyleChecker
{
    private static readonly Regex LowerSnakeFileName = new(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*\.proto$");
    private static readonly Regex LowerSnake = new(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    private static readonly Regex UpperSnake = new(@"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$");
    private static readonly Regex Pascal = new(@"^[A-Z][a-zA-Z0-9]*$");
    private static readonly Regex VersionSegment = new(@"^v[0-9]+$");

    private static readonly Regex PackageStatement = new(@"^package\s+(?<name>[A-Za-z_][\w.]*)$");
    private static readonly Regex CsharpNamespaceOption = new(@"\boption\s+csharp_namespace\s*=\s*""(?<ns>[^""]*)""\s*;");
    private static readonly Regex RpcDeclaration = new(
        @"^rpc\s+(?<name>\w+)\s*\(\s*(?<reqStream>stream\s+)?(?<req>\.?[\w.]+)\s*\)\s*returns\s*\(\s*(?<resStream>stream\s+)?(?<res>\.?[\w.]+)\s*\)$",
        RegexOptions.Singleline);
    private static readonly Regex FieldDeclaration = new(
        @"^(?:(?:repeated|optional|required)\s+)?(?<type>map\s*<[^>]*>|\.?[A-Za-z_][\w.]*)\s+(?<name>\w+)\s*=\s*(?<number>\d+)\s*(?:\[.*\])?$",
        RegexOptions.Singleline);
    private static readonly Regex EnumValueDeclaration = new(
        @"^(?<name>\w+)\s*=\s*(?<number>-?\w+)\s*(?:\[.*\])?$",
        RegexOptions.Singleline);
    private static readonly Regex ScopeHeader = new(@"^(?<kind>message|enum|service|oneof)\s+(?<name>\w+)$");

    private static readonly HashSet<string> NonFieldKeywords =
        ["option", "reserved", "extensions", "extend", "syntax", "edition", "import", "package"];

    /// <summary>Returns the style violations of one file; empty when it follows every rule.</summary>
    /// <param name="relativePath">Path of the file under protos/, with '/' separators,
    /// e.g. "commerce/reco/v1/reco_service.proto".</param>
    /// <param name="protoText">The file's text.</param>
    public static IReadOnlyList<string> Check(string relativePath, string protoText)
    {
        var violations = new List<string>();
        string withoutComments = StripComments(protoText);

        CheckFileName(relativePath, violations);

        var scanner = new Scanner(relativePath, violations);
        scanner.Scan(BlankStringLiterals(withoutComments));

        CheckPackage(relativePath, scanner.Package, violations);
        CheckCsharpNamespace(relativePath, scanner.Package, withoutComments, violations);

        return violations;
    }

    /// <summary>UPPER_SNAKE_CASE of a PascalCase name, as buf derives enum value prefixes:
    /// "TryOnWarningCode" gives "TRY_ON_WARNING_CODE".</summary>
    public static string ToUpperSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                char previous = name[i - 1];
                bool nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    private static void CheckFileName(string relativePath, List<string> violations)
    {
        string fileName = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (!LowerSnakeFileName.IsMatch(fileName))
        {
            violations.Add($"{relativePath}: file name '{fileName}' is not lower_snake_case.proto");
        }
    }

    private static void CheckPackage(string relativePath, string? package, List<string> violations)
    {
        int lastSlash = relativePath.LastIndexOf('/');
        string directory = lastSlash < 0 ? "" : relativePath[..lastSlash];
        string expected = directory.Replace('/', '.');

        if (package is null)
        {
            violations.Add($"{relativePath}: no package statement; expected 'package {expected};'");
            return;
        }

        if (package != expected)
        {
            violations.Add($"{relativePath}: package '{package}' does not match its directory; expected '{expected}'");
        }

        string[] segments = package.Split('.');
        if (segments[0] != "commerce")
        {
            violations.Add($"{relativePath}: package '{package}' is not under 'commerce.'");
        }

        if (!VersionSegment.IsMatch(segments[^1]))
        {
            violations.Add($"{relativePath}: package '{package}' does not end in a version such as 'v1'");
        }

        foreach (string segment in segments.Where(s => !LowerSnake.IsMatch(s)))
        {
            violations.Add($"{relativePath}: package segment '{segment}' is not lower_snake_case");
        }
    }

    private static void CheckCsharpNamespace(string relativePath, string? package, string text, List<string> violations)
    {
        if (package is null || !package.StartsWith("commerce.", StringComparison.Ordinal))
        {
            return;
        }

        // commerce.tryon.v1 -> Commerce.Protos.TryOn.V1: the casing of each segment is the
        // author's (TryOn, CsAgent), the segments themselves are not.
        string expected = "Commerce.Protos." + package["commerce.".Length..];
        Match option = CsharpNamespaceOption.Match(text);
        if (!option.Success)
        {
            violations.Add($"{relativePath}: no csharp_namespace option; expected a casing of '{expected}'");
            return;
        }

        string actual = option.Groups["ns"].Value;
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add($"{relativePath}: csharp_namespace '{actual}' does not match the package; expected a casing of '{expected}'");
        }
        else if (actual.Split('.').Any(segment => segment.Length == 0 || !char.IsUpper(segment[0])))
        {
            violations.Add($"{relativePath}: csharp_namespace '{actual}' has a segment not in PascalCase");
        }
    }

    /// <summary>Removes // and /* */ comments, leaving string literals (which may hold "//") intact.</summary>
    private static string StripComments(string text)
    {
        var output = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                int end = EndOfStringLiteral(text, i);
                output.Append(text, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
                output.Append(' ');
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Empties string literals so braces and semicolons inside them cannot break scopes.</summary>
    private static string BlankStringLiterals(string text)
    {
        var output = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                output.Append(c).Append(c);
                i = EndOfStringLiteral(text, i);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Index just past the string literal opening at <paramref name="start"/>.</summary>
    private static int EndOfStringLiteral(string text, int start)
    {
        char quote = text[start];
        int i = start + 1;
        while (i < text.Length && text[i] != quote && text[i] != '\n')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, text.Length);
    }

    private enum ScopeKind
    {
        Message,
        Enum,
        Service,
        Oneof,
        Other,
    }

    private sealed class Scope(ScopeKind kind, string name)
    {
        public ScopeKind Kind { get; } = kind;

        public string Name { get; } = name;

        public List<(string Name, string Number)> EnumValues { get; } = [];
    }

    /// <summary>Walks statements (split at ';', '{' and '}') keeping a stack of scopes, so each
    /// statement is judged as what it is: a field of a message, a value of an enum, an rpc.</summary>
    private sealed class Scanner(string relativePath, List<string> violations)
    {
        private readonly Stack<Scope> scopes = new();
        private readonly Dictionary<string, string> messageUse = new(StringComparer.Ordinal);

        public string? Package { get; private set; }

        public void Scan(string text)
        {
            int statementStart = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c is not (';' or '{' or '}'))
                {
                    continue;
                }

                string statement = Normalise(text[statementStart..i]);
                statementStart = i + 1;

                if (c == '{')
                {
                    scopes.Push(OpenScope(statement));
                    continue;
                }

                if (statement.Length > 0)
                {
                    OnStatement(statement);
                }

                if (c == '}')
                {
                    if (scopes.Count == 0)
                    {
                        violations.Add($"{relativePath}: unbalanced '}}'");
                        return;
                    }

                    CloseScope(scopes.Pop());
                }
            }

            if (scopes.Count > 0)
            {
                violations.Add($"{relativePath}: unbalanced '{{' ({scopes.Peek().Kind} {scopes.Peek().Name} is not closed)");
            }
        }

        private static string Normalise(string statement) =>
            Regex.Replace(statement, @"\s+", " ").Trim();

        private Scope OpenScope(string header)
        {
            Match match = ScopeHeader.Match(header);
            if (match.Success)
            {
                string name = match.Groups["name"].Value;
                switch (match.Groups["kind"].Value)
                {
                    case "message":
                        CheckPascal("message", name);
                        return new Scope(ScopeKind.Message, name);
                    case "enum":
                        CheckPascal("enum", name);
                        return new Scope(ScopeKind.Enum, name);
                    case "service":
                        CheckServiceName(name);
                        return new Scope(ScopeKind.Service, name);
                    default:
                        if (!LowerSnake.IsMatch(name))
                        {
                            violations.Add($"{relativePath}: oneof '{name}' in {CurrentMessage()} is not lower_snake_case");
                        }

                        return new Scope(ScopeKind.Oneof, name);
                }
            }

            if (header.StartsWith("rpc ", StringComparison.Ordinal))
            {
                CheckRpc(header);
            }

            // rpc bodies, option aggregates ({ post: "..." body: "*" }) and anything else whose
            // contents are not declarations.
            return new Scope(ScopeKind.Other, header);
        }

        private void CloseScope(Scope scope)
        {
            if (scope.Kind == ScopeKind.Enum)
            {
                CheckEnumValues(scope);
            }
        }

        private void OnStatement(string statement)
        {
            Scope? scope = scopes.Count > 0 ? scopes.Peek() : null;
            string keyword = statement.Split(' ', 2)[0];

            if (scope is null)
            {
                Match package = PackageStatement.Match(statement);
                if (package.Success)
                {
                    Package = package.Groups["name"].Value;
                }

                return;
            }

            switch (scope.Kind)
            {
                case ScopeKind.Service when keyword == "rpc":
                    CheckRpc(statement);
                    break;
                case ScopeKind.Enum when keyword is not ("option" or "reserved"):
                    Match value = EnumValueDeclaration.Match(statement);
                    if (value.Success)
                    {
                        scope.EnumValues.Add((value.Groups["name"].Value, value.Groups["number"].Value));
                    }
                    else
                    {
                        violations.Add($"{relativePath}: enum {scope.Name}: cannot read value '{statement}'");
                    }

                    break;
                case ScopeKind.Message or ScopeKind.Oneof when !NonFieldKeywords.Contains(keyword):
                    Match field = FieldDeclaration.Match(statement);
                    if (field.Success)
                    {
                        string name = field.Groups["name"].Value;
                        if (!LowerSnake.IsMatch(name))
                        {
                            violations.Add($"{relativePath}: field '{name}' in {CurrentMessage()} is not lower_snake_case");
                        }
                    }

                    break;
            }
        }

        private string CurrentMessage() =>
            string.Join(".", scopes.Where(s => s.Kind == ScopeKind.Message).Select(s => s.Name).Reverse()) is { Length: > 0 } path
                ? "message " + path
                : "(no message)";

        private void CheckServiceName(string name)
        {
            CheckPascal("service", name);
            if (!name.EndsWith("Service", StringComparison.Ordinal) || name == "Service")
            {
                violations.Add($"{relativePath}: service '{name}' does not end in 'Service'");
            }
        }

        private void CheckPascal(string what, string name)
        {
            if (!Pascal.IsMatch(name))
            {
                violations.Add($"{relativePath}: {what} '{name}' is not PascalCase");
            }
        }

        private void CheckRpc(string declaration)
        {
            Match rpc = RpcDeclaration.Match(declaration);
            if (!rpc.Success)
            {
                violations.Add($"{relativePath}: cannot read rpc declaration '{declaration}'");
                return;
            }

            string name = rpc.Groups["name"].Value;
            CheckPascal("rpc", name);
            CheckRpcMessage(name, rpc.Groups["req"].Value, "Request");
            CheckRpcMessage(name, rpc.Groups["res"].Value, "Response");
        }

        private void CheckRpcMessage(string rpcName, string typeName, string suffix)
        {
            string simpleName = typeName[(typeName.LastIndexOf('.') + 1)..];
            string role = suffix.ToLowerInvariant();
            if (simpleName != rpcName + suffix)
            {
                violations.Add($"{relativePath}: rpc {rpcName}: {role} type is '{simpleName}', expected '{rpcName}{suffix}'");
            }

            string use = $"the {role} of rpc {rpcName}";
            if (messageUse.TryGetValue(typeName, out string? firstUse))
            {
                violations.Add($"{relativePath}: message '{typeName}' is {use} and also {firstUse}; each RPC needs its own");
            }
            else
            {
                messageUse[typeName] = use;
            }
        }

        private void CheckEnumValues(Scope scope)
        {
            string prefix = ToUpperSnakeCase(scope.Name) + "_";
            if (scope.EnumValues.Count == 0)
            {
                violations.Add($"{relativePath}: enum {scope.Name} has no values");
                return;
            }

            (string firstName, string firstNumber) = scope.EnumValues[0];
            if (firstName != prefix + "UNSPECIFIED" || firstNumber != "0")
            {
                violations.Add($"{relativePath}: enum {scope.Name}: first value is '{firstName} = {firstNumber}', expected '{prefix}UNSPECIFIED = 0'");
            }

            foreach ((string valueName, _) in scope.EnumValues)
            {
                if (!valueName.StartsWith(prefix, StringComparison.Ordinal))
                {
                    violations.Add($"{relativePath}: enum {scope.Name}: value '{valueName}' lacks the prefix '{prefix}'");
                }
                else if (!UpperSnake.IsMatch(valueName))
                {
                    violations.Add($"{relativePath}: enum {scope.Name}: value '{valueName}' is not UPPER_SNAKE_CASE");
                }
            }
        }
    }
}
