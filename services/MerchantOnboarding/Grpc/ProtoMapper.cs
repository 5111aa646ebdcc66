using Commerce.Onboarding.Domain.Library;
using Commerce.Onboarding.Domain.Listings;
using Commerce.Onboarding.Domain.Live;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Proto = Commerce.Protos.Onboarding.V1;

namespace Commerce.Onboarding.Grpc;

/// <summary>Domain records to proto messages and back; the only place that knows both.</summary>
public static class ProtoMapper
{
    public static Money Money(decimal amount) => new()
    {
        CurrencyCode = "CNY",
        Units = (long)decimal.Truncate(amount),
        Nanos = (int)((amount - decimal.Truncate(amount)) * 1_000_000_000m),
    };

    public static decimal Amount(Money money, string field)
    {
        if (money.CurrencyCode is not ("CNY" or "")) throw new InvalidInputException($"{field}: only CNY is accepted (got '{money.CurrencyCode}')");
        if (money.Nanos is <= -1_000_000_000 or >= 1_000_000_000) throw new InvalidInputException($"{field}: nanos must be within ±999,999,999");
        if (money.Units > 0 && money.Nanos < 0 || money.Units < 0 && money.Nanos > 0) throw new InvalidInputException($"{field}: units and nanos must have the same sign");
        return money.Units + money.Nanos / 1_000_000_000m;
    }

    public static CategoryPath Category(IEnumerable<string> levels)
    {
        var path = new CategoryPath();
        path.Levels.AddRange(levels);
        return path;
    }

    public static Timestamp? Time(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    public static Application Application(MerchantApplication a)
    {
        var proto = new Application
        {
            ApplicationId = a.ApplicationId, MerchantId = a.MerchantId, Stage = (Proto.OnboardingStage)(int)a.Stage, BusinessName = a.BusinessName,
            StoreName = a.StoreName, BusinessType = (BusinessType)a.BusinessType, PrimaryCategory = Category(a.PrimaryCategory),
            StoreId = a.StoreId ?? "", StageReason = a.StageReason ?? "", CreateTime = Time(a.CreatedAt), UpdateTime = Time(a.UpdatedAt),
            ExpireTime = a.Stage == Commerce.Onboarding.Domain.Onboarding.OnboardingStage.Applied ? Time(a.ExpireAt) : null,
        };
        proto.VerificationFailures.AddRange(a.Failures.Select(Failure));
        return proto;
    }

    public static Proto.VerificationFailure Failure(Domain.Onboarding.VerificationFailure f) => new()
    {
        Check = f.Check switch
        {
            VerificationCheckKind.LicenceAlreadyRegistered => VerificationCheck.LicenceAlreadyRegistered,
            VerificationCheckKind.HolderUnderAge => VerificationCheck.HolderUnderAge,
            _ => VerificationCheck.Unspecified,
        },
        Field = f.Field,
        Reason = f.Reason,
    };

    public static Store Store(MerchantStore s, OnboardingRules rules)
    {
        var today = Storage.ReportDay.Of(DateTimeOffset.UtcNow);
        var proto = new Store
        {
            StoreId = s.StoreId, MerchantId = s.MerchantId, Name = s.Name, Status = (StoreStatus)(int)s.Status,
            PrimaryCategory = Category(s.PrimaryCategory), GoodOrderCount = s.GoodOrderCount, GoodOrdersToActivate = rules.GoodOrdersToActivate,
            DepositRequired = Money(rules.DepositRequired), DepositPaid = s.DepositPaid is { } d ? Money(d) : null,
            StatusReason = s.StatusReason ?? "", CreateTime = Time(s.CreatedAt), ActivateTime = Time(s.ActivatedAt),
            TrialLimits = s.Status == StoreState.Trial
                ? new TrialLimits
                {
                    MaxDailyOrders = rules.TrialMaxDailyOrders, MaxDailyGmv = Money(rules.TrialMaxDailyGmv),
                    OrdersToday = s.TodayDate == today ? s.OrdersToday : 0, GmvToday = Money(s.TodayDate == today ? s.GmvToday : 0),
                }
                : null,
        };
        proto.Programmes.AddRange(s.Programmes.Select(p => new Proto.ProgrammeGrant
        {
            Programme = (Programme)(int)p.Programme, StartTime = Time(p.Start), EndTime = Time(p.End), Reason = p.Reason,
        }));
        return proto;
    }

    public static ProductText Texts(string language, ProductTexts texts)
    {
        var proto = new ProductText { LanguageCode = language, Title = texts.Title };
        proto.Attributes.Add(texts.Attributes.ToDictionary(k => k.Key, v => v.Value));
        proto.SellingPoints.AddRange(texts.SellingPoints);
        return proto;
    }

    public static SizeChart? SizeChart(SizeChartData? chart)
    {
        if (chart is null) return null;
        var proto = new SizeChart { Basis = chart.Basis == "garment" ? SizeChartBasis.Garment : SizeChartBasis.Body };
        foreach (var row in chart.Rows)
        {
            var r = new Commerce.Protos.Type.V1.SizeChartRow { SizeLabel = row.Label };
            r.Measurements.AddRange(row.Measurements.Select(m => new SizeMeasurement { Dimension = Dimension(m.Key), Min = m.Value.Min, Max = m.Value.Max }));
            proto.Rows.Add(r);
        }

        return proto;
    }

    public static SizeChartData? SizeChart(SizeChart? chart)
    {
        if (chart is null || chart.Rows.Count == 0) return null;
        if (chart.Rows.Count > 20) throw new InvalidInputException("size_chart: at most 20 rows");
        return new SizeChartData(chart.Basis == SizeChartBasis.Garment ? "garment" : "body", chart.Rows.Select(r =>
        {
            if (string.IsNullOrWhiteSpace(r.SizeLabel) || r.SizeLabel.Length > 20) throw new InvalidInputException("size_chart: every row needs a size_label of 1-20 characters");
            var measurements = new Dictionary<string, SizeRange>();
            foreach (var m in r.Measurements)
            {
                if (m.Dimension == BodyDimension.Unspecified) throw new InvalidInputException($"size_chart row {r.SizeLabel}: dimension is unspecified");
                if (!(m.Min >= 0 && m.Max >= m.Min && m.Max < 1000)) throw new InvalidInputException($"size_chart row {r.SizeLabel}: need 0 <= min <= max < 1000");
                measurements[m.Dimension.ToString().ToLowerInvariant()] = new SizeRange(m.Min, m.Max);
            }

            return new SizeRowData(r.SizeLabel, measurements);
        }).ToList());
    }

    private static BodyDimension Dimension(string name) =>
        System.Enum.TryParse<BodyDimension>(name.Replace("_", ""), ignoreCase: true, out var d) ? d : BodyDimension.Unspecified;

    public static LibraryProduct Library(LibraryItem item)
    {
        var proto = new LibraryProduct
        {
            LibraryProductId = item.LibraryProductId, SupplierId = item.SupplierId, Category = Category(item.CategoryPath), Price = Money(item.Price),
            CommissionRate = item.CommissionRate, SalesCount = item.SalesCount, Rating = item.Rating, RatingCount = item.RatingCount,
            SizeChart = SizeChart(item.SizeChart), AvailableStock = item.AvailableStock,
        };
        proto.Texts.Add(Texts("zh-CN", item.Zh));
        proto.Texts.Add(Texts("en", item.En));
        proto.Images.AddRange(item.ImageUris.Select(u => new ImageRef { Uri = u, ContentType = "image/jpeg", WidthPx = 800, HeightPx = 800 }));
        return proto;
    }

    public static StoreProduct Listing(StoreListing l)
    {
        var proto = new StoreProduct
        {
            ProductId = l.ProductId, StoreId = l.StoreId, MerchantId = l.MerchantId, LibraryProductId = l.LibraryProductId ?? "",
            Title = l.Texts.Title, Category = Category(l.Category), LanguageCode = l.Language, Price = Money(l.Price), Stock = l.Stock,
            SizeChart = SizeChart(l.SizeChart), Status = l.OnShelf ? ListingStatus.OnShelf : ListingStatus.OffShelf,
            CreateTime = Time(l.CreatedAt), UpdateTime = Time(l.UpdatedAt),
        };
        proto.Attributes.Add(l.Texts.Attributes.ToDictionary(k => k.Key, v => v.Value));
        proto.SellingPoints.AddRange(l.Texts.SellingPoints);
        proto.Translations.AddRange(l.Translations.Select(t => Texts(t.Language, t.Texts)));
        proto.Images.AddRange(l.ImageUris.Select(u => new ImageRef { Uri = u, ContentType = "image/jpeg" }));
        return proto;
    }

    public static ProductRef Ref(LiveProduct p) => p.IsLibrary ? new ProductRef { LibraryProductId = p.Id } : new ProductRef { ProductId = p.Id };

    public static LineupItem Lineup(LineupPick pick, int position) => new()
    {
        Position = position, Product = Ref(pick.Product), Title = pick.Product.Title, Role = (LineupRole)(int)pick.Role, Score = pick.Score,
        ScoreBreakdown = new LineupScore
        {
            CategoryFit = pick.Parts.CategoryFit, Commission = pick.Parts.Commission, Sales = pick.Parts.Sales, Rating = pick.Parts.Rating,
        },
        SlotDuration = Duration.FromTimeSpan(pick.Slot), Reason = pick.Reason,
    };

    public static LiveSession Session(PlannedSession s)
    {
        var proto = new LiveSession
        {
            SessionId = s.SessionId, StoreId = s.StoreId, MerchantId = s.MerchantId, LiveRoomId = s.RoomId, Category = Category(s.Category),
            ChosenDuration = Duration.FromTimeSpan(TimeSpan.FromMinutes(s.DurationMinutes)), PlannedDuration = Duration.FromTimeSpan(s.Script.Duration),
            ScheduledStartTime = Time(s.ScheduledStart), CreateTime = Time(s.CreatedAt),
            Script = new LiveScript { LanguageCode = s.Script.Language },
        };
        proto.Lineup.AddRange(s.Lineup.Select((p, i) => Lineup(p, i + 1)));
        foreach (var section in s.Script.Sections)
        {
            var ps = new ScriptSection
            {
                SectionId = section.SectionId, Kind = (ScriptSectionKind)(int)section.Kind, Product = section.Product is { } p ? Ref(p) : null,
                StartOffset = Duration.FromTimeSpan(section.Start), Duration = Duration.FromTimeSpan(section.Duration),
            };
            ps.Lines.AddRange(section.Lines.Select(Line));
            proto.Script.Sections.Add(ps);
        }

        return proto;
    }

    public static Proto.ScriptLine Line(ScriptLineData l)
    {
        var proto = new Proto.ScriptLine
        {
            LineId = l.LineId, Kind = (ScriptLineKind)(int)l.Kind, Text = l.Text, Tip = l.Tip, StartOffset = Duration.FromTimeSpan(l.Start),
            Duration = Duration.FromTimeSpan(l.Duration), MarketingTool = l.Tool is { } t ? (MarketingTool)(int)t : MarketingTool.Unspecified,
        };
        proto.SourceFields.AddRange(l.SourceFields);
        return proto;
    }
}
