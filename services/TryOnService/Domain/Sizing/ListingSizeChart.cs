using Commerce.IntegrationEvents.V1;

namespace Commerce.TryOn.Domain.Sizing;

/// <summary>A listing's size chart (body ranges per size, <see cref="SizeChartKeys"/>) as the size advisor reads it.</summary>
public static class ListingSizeChart
{
    private static readonly (string Key, BodyRegion Region)[] Dimensions =
    [
        (SizeChartKeys.Height, BodyRegion.Height), (SizeChartKeys.Weight, BodyRegion.Weight), (SizeChartKeys.Bust, BodyRegion.Bust),
        (SizeChartKeys.Waist, BodyRegion.Waist), (SizeChartKeys.Hip, BodyRegion.Hip),
    ];

    /// <summary>Null when no row has a complete range of a dimension the advisor knows.</summary>
    public static SizeChart? From(IReadOnlyList<SizeChartRow> rows)
    {
        var sizes = rows.Select(row => new SizeRow(row.Size, Dimensions
                .Where(d => row.MeasurementsCm.ContainsKey(SizeChartKeys.Min(d.Key)) && row.MeasurementsCm.ContainsKey(SizeChartKeys.Max(d.Key)))
                .Select(d => new SizeRange(d.Region, row.MeasurementsCm[SizeChartKeys.Min(d.Key)], row.MeasurementsCm[SizeChartKeys.Max(d.Key)]))
                .ToList()))
            .Where(size => size.Ranges.Count > 0)
            .ToList();
        return sizes.Count == 0 ? null : new SizeChart(sizes);
    }
}
