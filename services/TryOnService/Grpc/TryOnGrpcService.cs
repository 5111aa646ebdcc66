using System.Text.Json;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.TryOn.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Commerce.TryOn.Domain.Garments;
using Commerce.TryOn.Domain.Imaging;
using Commerce.TryOn.Domain.Pipeline;
using Commerce.TryOn.Domain.Sizing;
using Commerce.TryOn.Storage;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Proto = Commerce.Protos.TryOn.V1;
using Type = Commerce.Protos.Type.V1;

namespace Commerce.TryOn.Grpc;

/// <summary>Thin adapter over the domain: validate, call, map.</summary>
public sealed class TryOnGrpcService(
    TryOnPipeline pipeline, SizeAdvisor advisor, TryOnStore store, ProductChartStore charts, IPublishEndpoint publish, TimeProvider clock,
    IOptions<TryOnSettings> settings)
    : Proto.TryOnService.TryOnServiceBase
{
    public override async Task<TryOnResponse> TryOn(TryOnRequest request, ServerCallContext context)
    {
        var owner = context.GetCaller().RequireUser();
        if (string.IsNullOrWhiteSpace(request.RequestId) || request.RequestId.Length > 64) throw new InvalidInputException("request_id is required (at most 64 characters)");
        if (store.FindByRequest(owner, request.RequestId) is { } earlier) return new TryOnResponse { Result = ToProto(earlier) };
        var options = request.Options ?? new TryOnOptions();
        if (options.MaxOutputSidePx != 0 && options.MaxOutputSidePx is < 256 or > 2048) throw new InvalidInputException("max_output_side_px must be 0 or 256-2048");
        if (request.GarmentCase == TryOnRequest.GarmentOneofCase.None) throw new InvalidInputException("a garment is required: product_id or garment_image");
        if (request.GarmentCase == TryOnRequest.GarmentOneofCase.ProductId)
        {
            // No product catalogue projection is kept here yet: product photos arrive with listings (MerchantOnboarding).
            throw new PreconditionFailedException($"product {request.ProductId} has no garment photo known to try-on yet; send garment_image");
        }

        var personBytes = request.PersonImage.ToByteArray();
        var garmentBytes = request.GarmentImage.ToByteArray();
        using var person = ImageDecoder.Decode(personBytes, "person_image");
        using var garment = ImageDecoder.Decode(garmentBytes, "garment_image");
        GarmentClass? hint = request.Options?.GarmentTypeHint is { } t && t != GarmentType.Unspecified ? (GarmentClass)((int)t - 1) : null;
        using var rendering = await pipeline.RunAsync(person, garment, hint, context.CancellationToken);

        using var output = Shrink(rendering.Composite, options.MaxOutputSidePx == 0 ? 2048 : options.MaxOutputSidePx);
        var png = options.OutputFormat == Proto.ImageFormat.Png;
        var encoded = png ? output.ImEncode(".png") : output.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        var now = clock.GetUtcNow();
        var stored = new StoredResult(Guid.NewGuid().ToString("N"), owner, null, encoded, png ? "image/png" : "image/jpeg", output.Width, output.Height,
            (int)rendering.GarmentClass, rendering.GarmentConfidence, rendering.PoseConfidence,
            JsonSerializer.Serialize(rendering.Warnings.Select(w => new[] { w.Code.ToString(), w.Message })), now, now + settings.Value.ResultLifetime);
        store.Save(stored, request.RequestId, personBytes, garmentBytes);
        await publish.Publish(new TryOnCompleted
        {
            UserId = owner, ProductId = stored.ProductId ?? "", ResultId = stored.ResultId, GarmentType = GarmentClasses.Name(rendering.GarmentClass),
        }, context.CancellationToken);
        return new TryOnResponse { Result = ToProto(stored) };
    }

    public override Task<GetTryOnResultResponse> GetTryOnResult(GetTryOnResultRequest request, ServerCallContext context)
    {
        var owner = context.GetCaller().RequireUser();
        if (string.IsNullOrWhiteSpace(request.ResultId)) throw new InvalidInputException("result_id is required");
        var found = store.Find(owner, request.ResultId) ?? throw new NotFoundException($"try-on result {request.ResultId} not found (expired, deleted or not yours)");
        return Task.FromResult(new GetTryOnResultResponse { Result = ToProto(found) });
    }

    public override Task<DeleteTryOnDataResponse> DeleteTryOnData(DeleteTryOnDataRequest request, ServerCallContext context)
    {
        var owner = context.GetCaller().RequireUser();
        if (request.DeleteAll == (request.ResultIds.Count > 0)) throw new InvalidInputException("give exactly one of result_ids and delete_all");
        if (request.ResultIds.Count > 100) throw new InvalidInputException("at most 100 result_ids");
        var n = store.Delete(owner, request.DeleteAll ? null : request.ResultIds.ToList());
        return Task.FromResult(new DeleteTryOnDataResponse { DeletedCount = n });
    }

    public override Task<RecommendSizeResponse> RecommendSize(RecommendSizeRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireUser();
        var b = request.Body ?? throw new InvalidInputException("body is required");
        var profile = new Domain.Sizing.BodyProfile(b.HeightCm, b.WeightKg, b.HasBustCm ? b.BustCm : null, b.HasWaistCm ? b.WaistCm : null, b.HasHipCm ? b.HipCm : null,
            b.Sex switch { Proto.Sex.Female => Domain.Sizing.Sex.Female, Proto.Sex.Male => Domain.Sizing.Sex.Male, _ => Domain.Sizing.Sex.Unspecified });
        var chart = request.ChartCase switch
        {
            RecommendSizeRequest.ChartOneofCase.SizeChart => ToDomain(request.SizeChart),
            RecommendSizeRequest.ChartOneofCase.ProductId => ChartOfListing(request.ProductId),
            _ => throw new InvalidInputException("a size chart is required: product_id or size_chart"),
        };
        var preference = request.FitPreference switch
        {
            Proto.FitPreference.Snug => Domain.Sizing.FitPreference.Snug,
            Proto.FitPreference.Relaxed => Domain.Sizing.FitPreference.Relaxed,
            _ => Domain.Sizing.FitPreference.Regular,
        };
        var advice = advisor.Advise(profile, chart, preference);
        var response = new RecommendSizeResponse { RecommendedSize = advice.RecommendedSize, Confidence = advice.Confidence };
        response.RegionFits.AddRange(advice.RegionFits.Select(f => new RegionFit
        {
            Dimension = ToProto(f.Region), BodyCm = Math.Round(f.BodyCm, 1), SizeMinCm = f.SizeMin, SizeMaxCm = f.SizeMax,
            Fit = f.Fit switch { Domain.Sizing.Fit.Tight => FitLevel.Tight, Domain.Sizing.Fit.Loose => FitLevel.Loose, _ => FitLevel.Fits },
        }));
        response.SizeProbabilities.AddRange(advice.SizeProbabilities.Select(p => new SizeProbability { SizeLabel = p.Label, Probability = p.Probability }));
        response.BodyMeasurements.AddRange(advice.Measurements.Select(m => new BodyMeasurement { Dimension = ToProto(m.Region), Value = m.Value, Estimated = m.Estimated }));
        return Task.FromResult(response);
    }

    private SizeChart ChartOfListing(string productId)
    {
        if (string.IsNullOrWhiteSpace(productId)) throw new InvalidInputException("product_id is empty");
        var rows = charts.Find(productId) ?? throw new NotFoundException($"product {productId} is not listed (no ProductListed seen by try-on); send size_chart");
        return ListingSizeChart.From(rows)
            ?? throw new PreconditionFailedException($"product {productId} has no size chart with body ranges (height, weight, bust, waist or hip); send size_chart");
    }

    private static SizeChart ToDomain(Type.SizeChart chart)
    {
        if (chart.Rows.Count > SizeAdvisor.MaxRows) throw new InvalidInputException($"the size chart has more than {SizeAdvisor.MaxRows} rows");
        return new SizeChart(chart.Rows.Select(r => new SizeRow(r.SizeLabel, r.Measurements.Select(m => new SizeRange(
            m.Dimension switch
            {
                Type.BodyDimension.Height => BodyRegion.Height,
                Type.BodyDimension.Weight => BodyRegion.Weight,
                Type.BodyDimension.Bust => BodyRegion.Bust,
                Type.BodyDimension.Waist => BodyRegion.Waist,
                Type.BodyDimension.Hip => BodyRegion.Hip,
                Type.BodyDimension.ShoulderWidth => BodyRegion.ShoulderWidth,
                Type.BodyDimension.SleeveLength => BodyRegion.SleeveLength,
                Type.BodyDimension.GarmentLength => BodyRegion.GarmentLength,
                Type.BodyDimension.Inseam => BodyRegion.Inseam,
                _ => throw new InvalidInputException($"size {r.SizeLabel}: every measurement needs a dimension"),
            }, m.Min, m.Max)).ToList())).ToList(), chart.Basis == Type.SizeChartBasis.Garment);
    }

    private static Type.BodyDimension ToProto(BodyRegion r) => r switch
    {
        BodyRegion.Height => Type.BodyDimension.Height,
        BodyRegion.Weight => Type.BodyDimension.Weight,
        BodyRegion.Bust => Type.BodyDimension.Bust,
        BodyRegion.Waist => Type.BodyDimension.Waist,
        BodyRegion.Hip => Type.BodyDimension.Hip,
        BodyRegion.ShoulderWidth => Type.BodyDimension.ShoulderWidth,
        BodyRegion.SleeveLength => Type.BodyDimension.SleeveLength,
        BodyRegion.GarmentLength => Type.BodyDimension.GarmentLength,
        _ => Type.BodyDimension.Inseam,
    };

    private static Mat Shrink(Mat image, int maxSide)
    {
        var longest = Math.Max(image.Width, image.Height);
        if (longest <= maxSide) return image.Clone();
        var scale = maxSide / (double)longest;
        var resized = new Mat();
        Cv2.Resize(image, resized, new Size(), scale, scale, InterpolationFlags.Area);
        return resized;
    }

    private static TryOnResult ToProto(StoredResult r)
    {
        var result = new TryOnResult
        {
            ResultId = r.ResultId, ProductId = r.ProductId ?? "", Image = ByteString.CopyFrom(r.Image), ContentType = r.ContentType,
            WidthPx = r.Width, HeightPx = r.Height, GarmentType = (GarmentType)(r.GarmentClass + 1), GarmentTypeConfidence = r.GarmentConfidence,
            PoseConfidence = r.PoseConfidence, CreateTime = Timestamp.FromDateTimeOffset(r.CreatedAt), ExpireTime = Timestamp.FromDateTimeOffset(r.ExpiresAt),
        };
        foreach (var w in JsonSerializer.Deserialize<string[][]>(r.WarningsJson) ?? [])
        {
            result.Warnings.Add(new Proto.TryOnWarning
            {
                Code = w[0] switch
                {
                    nameof(Domain.Pipeline.TryOnWarning.ArmsCrossTorso) => TryOnWarningCode.ArmsCrossTorso,
                    nameof(Domain.Pipeline.TryOnWarning.NotFullBody) => TryOnWarningCode.NotFullBody,
                    nameof(Domain.Pipeline.TryOnWarning.LowPoseConfidence) => TryOnWarningCode.LowPoseConfidence,
                    nameof(Domain.Pipeline.TryOnWarning.GarmentTypeUncertain) => TryOnWarningCode.GarmentTypeUncertain,
                    _ => TryOnWarningCode.LowResolution,
                },
                Message = w[1],
            });
        }

        return result;
    }
}
