using Commerce.ServiceDefaults.Errors;

namespace Commerce.Bidding.Domain;

/// <summary>What a campaign must satisfy; checked in full before anything is written, so nothing is half-applied.</summary>
public static class CampaignRules
{
    public const long MicrosPerUnit = 1_000_000;
    public const long MaxDailyBudgetMicros = 1_000_000 * MicrosPerUnit;
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static void Validate(CampaignRecord c)
    {
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 100) throw new InvalidInputException("name must be 1-100 characters");
        if (!Enum.IsDefined(c.TargetKind)) throw new InvalidInputException("target.kind must be LIVE_ROOM, VIDEO or PRODUCT");
        if (string.IsNullOrWhiteSpace(c.TargetId) || c.TargetId.Length > 128) throw new InvalidInputException("target.target_id must be 1-128 characters");
        if (c.DailyBudgetMicros <= 0) throw new InvalidInputException("daily_budget must be positive");
        if (c.DailyBudgetMicros > MaxDailyBudgetMicros) throw new InvalidInputException("daily_budget may be at most 1,000,000 a day");
        switch (c.Goal)
        {
            case GoalKind.TargetCpa when c.TargetCpaMicros <= 0 || c.TargetCpaMicros > c.DailyBudgetMicros:
                throw new InvalidInputException("goal.target_cpa must be positive and at most the daily budget");
            case GoalKind.TargetRoi when !(c.TargetRoi > 0 && c.TargetRoi <= 1000):
                throw new InvalidInputException("goal.target_roi must be greater than 0 and at most 1000");
            case GoalKind.TargetCpa or GoalKind.TargetRoi:
                break;
            default:
                throw new InvalidInputException("goal needs target_cpa or target_roi");
        }

        if (c.MaxBidMicros is { } maxBid && (maxBid <= 0 || maxBid > c.DailyBudgetMicros))
        {
            throw new InvalidInputException("max_bid must be positive and at most the daily budget");
        }

        if (c.StartTime is { } start && c.EndTime is { } end && end <= start) throw new InvalidInputException("schedule.end_time must be after start_time");
        ResolveTimeZone(c.TimeZone);
    }

    public static TimeZoneInfo ResolveTimeZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(id) ? DefaultTimeZone : id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidInputException($"schedule.time_zone '{id}' is not an IANA time zone");
        }
    }

    /// <summary>The budget day and the 30-minute interval (0-47) of an instant in the campaign's time zone.</summary>
    public static (DateOnly Day, int Interval) DayAndInterval(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return (DateOnly.FromDateTime(local.DateTime), (local.Hour * 60 + local.Minute) / 30);
    }
}
