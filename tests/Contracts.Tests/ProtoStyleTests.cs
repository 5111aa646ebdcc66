using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Commerce.Contracts.Tests;

/// <summary>
/// Every contract under protos/commerce follows the buf STANDARD style (see ProtoStyleChecker);
/// each file is its own test case so a failure names the file and every violation in it.
/// protos/inference is not checked: it is the Open Inference Protocol verbatim, whose names and
/// field numbers must stay as published for Triton clients to interoperate.
/// </summary>
[TestFixture]
public sealed class ProtoStyleTests
{
    /// <summary>The service packages of the fleet (ARCHITECTURE.md), each with its v1 contract.</summary>
    private static readonly string[] ServicePackages = ["reco", "tryon", "asr", "csagent", "clip", "bidding", "onboarding"];

    public static IEnumerable<TestCaseData> CommerceProtoFiles()
    {
        string protosRoot = ProtosRoot();
        string commerceRoot = Path.Combine(protosRoot, "commerce");
        foreach (string file in Directory.EnumerateFiles(commerceRoot, "*.proto", SearchOption.AllDirectories)
                     .Order(StringComparer.Ordinal))
        {
            string relativePath = Path.GetRelativePath(protosRoot, file).Replace('\\', '/');
            yield return new TestCaseData(relativePath).SetArgDisplayNames(relativePath);
        }
    }

    public static IEnumerable<TestCaseData> ServiceContracts() =>
        ServicePackages.Select(package =>
            new TestCaseData($"commerce/{package}/v1/{package}_service.proto").SetArgDisplayNames(package));

    [TestCaseSource(nameof(CommerceProtoFiles))]
    public void ProtoFileFollowsBufStyle(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(ProtosRoot(), relativePath));

        IReadOnlyList<string> violations = ProtoStyleChecker.Check(relativePath, text);

        Assert.That(violations, Is.Empty, $"style violations:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [TestCaseSource(nameof(ServiceContracts))]
    public void ServiceHasItsV1Contract(string relativePath)
    {
        Assert.That(Path.Combine(ProtosRoot(), relativePath), Does.Exist);
    }

    [Test]
    public void SharedTypesLiveInCommerceTypeV1()
    {
        string typeDirectory = Path.Combine(ProtosRoot(), "commerce", "type", "v1");

        Assert.That(Directory.GetFiles(typeDirectory, "*.proto"), Is.Not.Empty);
    }

    [Test]
    public void CheckerAcceptsAWellFormedContract()
    {
        const string good = """
            syntax = "proto3";

            // message bad_name { string BadField = 1; }  (a comment, not a declaration)
            package commerce.demo.v1;

            import "google/api/annotations.proto";

            option csharp_namespace = "Commerce.Protos.Demo.V1";

            /* enum Broken { NOPE = 1; } */
            service DemoService {
              rpc GetThing(GetThingRequest) returns (GetThingResponse) {
                option (google.api.http) = {get: "/v1/demo/things/{thing_id}//not-a-comment"};
              }
              rpc WatchThings(stream WatchThingsRequest) returns (stream WatchThingsResponse);
            }

            message GetThingRequest { string thing_id = 1; }
            message GetThingResponse {
              message Part { int64 size_bytes = 1; }
              enum PartKind {
                PART_KIND_UNSPECIFIED = 0;
                PART_KIND_HTTP2_FRAME = 1;
              }
              map<string, Part> parts = 1;
              oneof choice {
                string label = 2;
                PartKind kind = 3;
              }
              repeated string tags = 4 [deprecated = true];
              reserved 5;
            }
            message WatchThingsRequest { optional string thing_id = 1; }
            message WatchThingsResponse { ThingState state = 1; }
            enum ThingState {
              option allow_alias = false;
              THING_STATE_UNSPECIFIED = 0;
              THING_STATE_READY = 1;
            }
            """;

        IReadOnlyList<string> violations = ProtoStyleChecker.Check("commerce/demo/v1/demo_service.proto", good);

        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations));
    }

    [Test]
    public void CheckerReportsEveryKindOfViolation()
    {
        const string bad = """
            syntax = "proto3";

            package commerce.wrong.v1;

            option csharp_namespace = "Commerce.Protos.Other.V1";

            service Demo {
              rpc GetThing(ThingQuery) returns (GetThingResponse);
              rpc ListThings(GetThingResponse) returns (ListThingsResponse);
            }

            message ThingQuery { string thingId = 1; }
            message GetThingResponse { string name = 1; }
            message ListThingsResponse { repeated string names = 1; }
            message bad_message { string ok_field = 1; }

            enum Colour {
              RED = 0;
              COLOUR_GREEN = 1;
            }
            enum Size {
              SIZE_SMALL = 0;
              SIZE_UNSPECIFIED = 1;
            }
            """;

        IReadOnlyList<string> violations = ProtoStyleChecker.Check("commerce/demo/v1/DemoService.proto", bad);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(violations, Has.Some.Contains("file name 'DemoService.proto' is not lower_snake_case"));
            Assert.That(violations, Has.Some.Contains("package 'commerce.wrong.v1' does not match its directory; expected 'commerce.demo.v1'"));
            Assert.That(violations, Has.Some.Contains("csharp_namespace 'Commerce.Protos.Other.V1' does not match"));
            Assert.That(violations, Has.Some.Contains("service 'Demo' does not end in 'Service'"));
            Assert.That(violations, Has.Some.Contains("rpc GetThing: request type is 'ThingQuery', expected 'GetThingRequest'"));
            Assert.That(violations, Has.Some.Contains("rpc ListThings: request type is 'GetThingResponse', expected 'ListThingsRequest'"));
            Assert.That(violations, Has.Some.Contains("message 'GetThingResponse' is the request of rpc ListThings and also the response of rpc GetThing"));
            Assert.That(violations, Has.Some.Contains("field 'thingId' in message ThingQuery is not lower_snake_case"));
            Assert.That(violations, Has.Some.Contains("message 'bad_message' is not PascalCase"));
            Assert.That(violations, Has.Some.Contains("enum Colour: first value is 'RED = 0', expected 'COLOUR_UNSPECIFIED = 0'"));
            Assert.That(violations, Has.Some.Contains("enum Colour: value 'RED' lacks the prefix 'COLOUR_'"));
            Assert.That(violations, Has.Some.Contains("enum Size: first value is 'SIZE_SMALL = 0', expected 'SIZE_UNSPECIFIED = 0'"));
            Assert.That(violations, Has.None.Contains("ok_field"));
            Assert.That(violations, Has.None.Contains("COLOUR_GREEN"));
        }
    }

    [TestCase("Scenario", "SCENARIO")]
    [TestCase("TryOnWarningCode", "TRY_ON_WARNING_CODE")]
    [TestCase("GRPCStatus", "GRPC_STATUS")]
    [TestCase("Http2Mode", "HTTP2_MODE")]
    public void EnumPrefixIsUpperSnakeCaseOfTheName(string enumName, string expectedPrefix)
    {
        Assert.That(ProtoStyleChecker.ToUpperSnakeCase(enumName), Is.EqualTo(expectedPrefix));
    }

    private static string ProtosRoot() => Path.Combine(RepositoryRoot(), "protos");

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(TestContext.CurrentContext.TestDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Commerce.Aspire.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder containing Commerce.Aspire.sln above {TestContext.CurrentContext.TestDirectory}");
    }
}
