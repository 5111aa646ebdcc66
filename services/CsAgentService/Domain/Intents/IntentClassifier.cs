using System.Text.RegularExpressions;
using Commerce.CsAgent.Domain.Knowledge;

namespace Commerce.CsAgent.Domain.Intents;

/// <summary>
/// A transparent intent model: multinomial naive Bayes (Laplace smoothing) over words plus a few pattern features
/// (an order number, a body measurement, a product concept), and two high-precision rules (refund words, complaint
/// words) that override it. Its posterior is the confidence; below <see cref="UnsureBelow"/> the agent hands off.
/// Trained in milliseconds at start from <see cref="IntentTrainingPhrases"/>.
/// </summary>
public sealed partial class IntentClassifier
{
    public const double UnsureBelow = 0.4;

    private readonly Dictionary<BuyerIntent, Dictionary<string, int>> _counts = [];
    private readonly Dictionary<BuyerIntent, int> _totals = [];
    private readonly Dictionary<BuyerIntent, double> _logPrior = [];
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);

    public IntentClassifier() : this(IntentTrainingPhrases.All)
    {
    }

    public IntentClassifier(IEnumerable<(BuyerIntent Intent, string Text)> examples)
    {
        var docs = examples.ToList();
        foreach (var intent in Enum.GetValues<BuyerIntent>())
        {
            _counts[intent] = new Dictionary<string, int>(StringComparer.Ordinal);
            _totals[intent] = 0;
        }

        foreach (var (intent, text) in docs)
        {
            foreach (var f in Features(text))
            {
                _counts[intent][f] = _counts[intent].GetValueOrDefault(f) + 1;
                _totals[intent]++;
                _vocabulary.Add(f);
            }
        }

        // Uniform priors: the training set's class sizes say nothing about how often buyers ask each thing.
        foreach (var intent in Enum.GetValues<BuyerIntent>()) _logPrior[intent] = Math.Log(1.0 / _counts.Count);
    }

    public IntentPrediction Classify(string message)
    {
        var features = Features(message);
        var logs = new Dictionary<BuyerIntent, double>();
        foreach (var intent in _counts.Keys)
        {
            var lp = _logPrior[intent];
            foreach (var f in features)
            {
                if (!_vocabulary.Contains(f)) continue;
                lp += Math.Log((_counts[intent].GetValueOrDefault(f) + 1.0) / (_totals[intent] + _vocabulary.Count));
            }

            logs[intent] = lp;
        }

        var max = logs.Values.Max();
        var z = logs.Values.Sum(v => Math.Exp(v - max));
        var best = logs.MaxBy(kv => kv.Value);
        var posterior = Math.Exp(best.Value - max) / z;
        var lower = message.ToLowerInvariant();
        var hasOrderNumber = features.Contains("#order-number");
        if (ComplaintWords().IsMatch(lower)) return new IntentPrediction(BuyerIntent.Complaint, Math.Max(posterior, 0.9), "complaint-words");
        if (message.Length <= 30 && Greeting().IsMatch(lower) && !hasOrderNumber && !features.Any(f => f.StartsWith('§')))
        {
            return new IntentPrediction(BuyerIntent.ChitChat, Math.Max(posterior, 0.8), "greeting");
        }

        if (!hasOrderNumber && ShippingWords().IsMatch(lower) && !RefundWords().IsMatch(lower)) return new IntentPrediction(BuyerIntent.Shipping, Math.Max(posterior, 0.8), "shipping-words");
        if (!features.Any(_vocabulary.Contains)) return new IntentPrediction(BuyerIntent.OutOfScope, 0.6, "no-known-word");

        if (ComplaintWords().IsMatch(lower)) return new IntentPrediction(BuyerIntent.Complaint, Math.Max(posterior, 0.9), "complaint-words");
        if (RefundWords().IsMatch(lower) && !PolicyWords().IsMatch(lower))
        {
            return new IntentPrediction(BuyerIntent.RefundRequest, Math.Max(posterior, 0.9), "refund-words");
        }

        if (hasOrderNumber && best.Key is not (BuyerIntent.RefundRequest or BuyerIntent.Shipping or BuyerIntent.ReturnPolicy or BuyerIntent.Complaint))
        {
            return new IntentPrediction(BuyerIntent.OrderStatus, Math.Max(posterior, 0.8), "order-number");
        }

        // A product concept (material, battery, capacity...) without an order number is a question about the product.
        if (!hasOrderNumber && features.Any(f => f.StartsWith('§')) && best.Key is not (BuyerIntent.SizeAdvice or BuyerIntent.Shipping or BuyerIntent.ReturnPolicy))
        {
            return new IntentPrediction(BuyerIntent.ProductFact, Math.Max(posterior, 0.85), "product-concept");
        }

        if (!hasOrderNumber && ReturnWords().IsMatch(lower)) return new IntentPrediction(BuyerIntent.ReturnPolicy, Math.Max(posterior, 0.8), "return-words");
        return new IntentPrediction(best.Key, posterior, null);
    }

    public static List<string> Features(string text)
    {
        var language = TextLanguage.Detect(text);
        var tokens = TextTokenizer.Tokenize(text, language);
        var features = new List<string>(tokens);
        foreach (var c in ConceptLexicon.ConceptsOf(tokens).Concat(ConceptLexicon.ConceptsInChineseText(text)).Distinct()) features.Add("§" + c);
        var lower = text.ToLowerInvariant();
        if (OrderNumber.IsMatch(text)) features.Add("#order-number");
        if (Measurement().IsMatch(lower)) features.Add("#body-measurement");
        return features;
    }

    public static readonly Regex OrderNumber = OrderNumberRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])ORD-[0-9A-Z]{4,}(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumberRegex();

    [GeneratedRegex(@"\d{2,3}\s*(cm|kg|公分|斤|厘米|公斤)|一米[五六七八九]")]
    private static partial Regex Measurement();

    [GeneratedRegex(@"complain|complaint|report you|投诉|举报|12315")]
    private static partial Regex ComplaintWords();

    [GeneratedRegex(@"refund|money back|退款|退钱|退差价|退货退款|取消订单")]
    private static partial Regex RefundWords();

    [GeneratedRegex(@"return policy|returns policy|send it back|exchange|退换|退货|换货|无理由")]
    private static partial Regex ReturnWords();

    [GeneratedRegex(@"\bship|courier|dispatch|postage|delivery time|快递|发货|包邮|顺丰|运费")]
    private static partial Regex ShippingWords();

    [GeneratedRegex(@"^(hi|hello|hey|good (morning|afternoon|evening))\b|你好|您好|在吗|在不在|早上好|下午好|晚上好")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"policy|how many days|how long do i have|政策|几天内|多少天")]
    private static partial Regex PolicyWords();
}
