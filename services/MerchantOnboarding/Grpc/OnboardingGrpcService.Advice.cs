using Commerce.Onboarding.Storage;
using Commerce.Protos.Onboarding.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.Onboarding.Grpc;

/// <summary>The merchant advisor and the daily business report.</summary>
public sealed partial class OnboardingGrpcService
{
    public override Task<AskAdvisorResponse> AskAdvisor(AskAdvisorRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireRole(CallerRole.Merchant);
        var question = Validate.Text(request.Question, "question", 1, 1000);
        var language = string.IsNullOrEmpty(request.LanguageCode) ? null : Validate.Language(request.LanguageCode, "language_code", "zh-CN");
        var answer = advisor.Ask(question, language);
        var response = new AskAdvisorResponse
        {
            Status = answer.Known ? AdvisorAnswerStatus.Answered : AdvisorAnswerStatus.NotKnown,
            Answer = answer.Answer,
            Confidence = answer.Confidence,
        };
        response.Citations.AddRange(answer.Citations.Select(h => new PolicyCitation
        {
            DocumentId = h.Passage.DocumentId, Title = h.Passage.Title, Section = h.Passage.Section,
            Excerpt = h.Passage.Text.Length > 500 ? h.Passage.Text[..500] : h.Passage.Text, Uri = h.Passage.Uri, Score = Math.Round(h.Coverage, 3),
        }));
        return Task.FromResult(response);
    }

    public override Task<GetDailyReportResponse> GetDailyReport(GetDailyReportRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        string merchantId;
        if (caller.IsOperator)
        {
            merchantId = string.IsNullOrWhiteSpace(request.MerchantId)
                ? throw new InvalidInputException("merchant_id is required for operators")
                : request.MerchantId;
        }
        else
        {
            var own = caller.RequireOwnMerchant();
            if (!string.IsNullOrEmpty(request.MerchantId) && request.MerchantId != own)
                throw new AccessDeniedException("a merchant sees only its own daily report");
            merchantId = own;
        }

        if (request.TopProductCount is < 0 or > 20) throw new InvalidInputException($"top_product_count must be 0-20 (got {request.TopProductCount})");
        var day = string.IsNullOrEmpty(request.ReportDate) ? ReportDay.DateOf(time.GetUtcNow()).AddDays(-1) : ReportStore.ParseDay(request.ReportDate);
        var days = reports.Days(merchantId, day.AddDays(-7), day);
        var week = days.Take(7).ToList();
        var report = new DailyReport
        {
            MerchantId = merchantId,
            ReportDate = ReportStore.Iso(day),
            Day = Figures(days[^1]),
            TrailingWeekAverage = new DailyFigures
            {
                OrderCount = week.Average(d => d.Orders), Gmv = ProtoMapper.Money(Math.Round(week.Average(d => d.Gmv), 2)),
                LiveMinutes = week.Average(d => d.LiveMinutes), ClipsPublished = week.Average(d => d.Clips),
                AdSpend = ProtoMapper.Money(Math.Round(week.Average(d => d.AdSpend), 2)),
            },
        };
        report.TrailingWeekDays.AddRange(week.Select(Figures));
        foreach (var top in reports.TopProducts(merchantId, day, request.TopProductCount == 0 ? 5 : request.TopProductCount))
        {
            report.TopProducts.Add(new TopProduct
            {
                ProductId = top.ProductId, Title = listings.Get(top.ProductId)?.Texts.Title ?? top.ProductId,
                OrderCount = top.Orders, Gmv = ProtoMapper.Money(top.Gmv),
            });
        }

        return Task.FromResult(new GetDailyReportResponse { Report = report });
    }

    private static DailyFigures Figures(DayFigures d) => new()
    {
        Date = d.Date, OrderCount = d.Orders, Gmv = ProtoMapper.Money(d.Gmv), LiveMinutes = d.LiveMinutes, ClipsPublished = d.Clips,
        AdSpend = ProtoMapper.Money(d.AdSpend),
    };
}
