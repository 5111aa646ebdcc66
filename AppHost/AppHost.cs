using Commerce.AppHost;
using Commerce.AppHost.Broker;

var builder = DistributedApplication.CreateBuilder(args);
var layout = FleetLayout.From(builder.Configuration, builder.AppHostDirectory);

var rabbit = builder.AddFleetBroker(layout);
var jwtKey = builder.AddParameter("jwt-signing-key", JwtKeyFile.ReadOrCreate(layout.JwtSigningKeyFile), secret: true);

var inference = builder.AddProject<Projects.InferenceHost>("inference").WithFleetStorage(layout);
var onboarding = builder.AddFleetService<Projects.MerchantOnboarding>("onboarding", rabbit, layout);
var reco = builder.AddFleetService<Projects.RecoService>("reco", rabbit, layout);
var tryon = builder.AddFleetService<Projects.TryOnService>("tryon", rabbit, layout).WithReference(inference).WaitFor(inference);
var asr = builder.AddFleetService<Projects.AsrCommentService>("asr", rabbit, layout);
var csagent = builder.AddFleetService<Projects.CsAgentService>("csagent", rabbit, layout);
var clip = builder.AddFleetService<Projects.ClipService>("clip", rabbit, layout).WithReference(inference).WaitFor(inference);
var bidding = builder.AddFleetService<Projects.BiddingService>("bidding", rabbit, layout);

builder.AddProject<Projects.Gateway>("gateway")
    .WithEnvironment("Gateway__Jwt__SigningKey", jwtKey)
    .WithRoutesTo(inference, onboarding, reco, tryon, asr, csagent, clip, bidding);

builder.Build().Run();
