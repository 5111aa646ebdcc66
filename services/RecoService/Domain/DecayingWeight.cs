namespace Commerce.Reco.Domain;

/// <summary>
/// A weight that halves every <c>halfLife</c>: stored as (value, time of value) and decayed on read, so adding costs
/// O(1) and nothing has to sweep the profiles.
/// </summary>
public struct DecayingWeight
{
    private double _value;
    private long _atTicks;

    public readonly double ValueAt(DateTimeOffset now, TimeSpan halfLife)
    {
        if (_value == 0) return 0;
        var dt = (now.UtcTicks - _atTicks) / (double)halfLife.Ticks;
        return dt <= 0 ? _value : _value * Math.Pow(0.5, dt);
    }

    public void Add(double weight, DateTimeOffset at, TimeSpan halfLife)
    {
        if (_atTicks == 0 || at.UtcTicks >= _atTicks)
        {
            _value = ValueAt(at, halfLife) + weight;
            _atTicks = at.UtcTicks;
        }
        else
        {
            // An older event arriving late: decay it to the stored time instead of moving time backwards.
            _value += weight * Math.Pow(0.5, (_atTicks - at.UtcTicks) / (double)halfLife.Ticks);
        }
    }
}
