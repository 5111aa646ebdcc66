using System.Text.RegularExpressions;
using Commerce.CsAgent.Domain.Intents;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.CsAgent.Domain.Retention;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Agent;

/// <summary>
/// The agent's reasoning for one buyer message: tone and intent, then the one tool path the intent needs (facts, size
/// chart, order look-up, refund with retention offer, policy), each answer built from cited facts. When it does not
/// know (no fact, low intent confidence) or the buyer is angry or complaining, it hands the conversation to a person
/// with a summary instead of answering. Every order it touches goes through <see cref="OrderAccess"/> with the
/// verified buyer id, whatever the message claims.
/// </summary>
public sealed partial class CustomerServiceAgent(KnowledgeBase knowledge, IntentClassifier classifier, OrderAccess access, IOrderBook orders,
    RefundDesk refunds, IRefundCaseStore cases, TimeProvider time)
{
    public AgentReply Respond(Conversation conversation, string message, string? productId, string? orderId, string? languageCode)
    {
        var lang = TextLanguage.FromCode(languageCode) ?? TextLanguage.Detect(message);
        if (!string.IsNullOrEmpty(productId)) conversation.ProductId = productId;
        var zh = lang == TextLanguage.Chinese;

        if (conversation.State == ConversationState.Escalated)
        {
            return new AgentReply
            {
                Text = zh ? "已为您转接人工客服，同事会在这里回复您。" : "A colleague has your conversation and will reply here shortly.",
                Intent = BuyerIntent.ChitChat, Confidence = 1, Escalated = true,
            };
        }

        if (conversation.PendingRefundRequestId is { } pendingId && OfferAnswer(message) is { } accept)
        {
            return AnswerOffer(conversation, pendingId, accept, lang);
        }

        if (ToneDetector.IsAngry(message)) return Escalate(conversation, message, BuyerIntent.Complaint, 0.9, "the buyer is angry", lang);

        var prediction = classifier.Classify(message);
        if (prediction.Confidence < IntentClassifier.UnsureBelow && prediction.Intent is not (BuyerIntent.OutOfScope or BuyerIntent.ChitChat))
        {
            return Escalate(conversation, message, prediction.Intent, prediction.Confidence, $"unsure of the intent ({prediction.Intent}, {prediction.Confidence:0.00})", lang);
        }

        var mentionedOrder = IntentClassifier.OrderNumber.Match(message) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
        var explicitOrder = !string.IsNullOrEmpty(orderId) ? orderId : mentionedOrder;

        return prediction.Intent switch
        {
            BuyerIntent.ProductFact => ProductFact(conversation, message, prediction, lang),
            BuyerIntent.SizeAdvice => SizeAdvice(conversation, message, prediction, lang),
            BuyerIntent.OrderStatus => OrderStatus(conversation, message, explicitOrder, prediction, lang),
            BuyerIntent.Shipping => Shipping(conversation, message, explicitOrder, prediction, lang),
            BuyerIntent.ReturnPolicy => ReturnPolicy(conversation, message, explicitOrder, prediction, lang),
            BuyerIntent.RefundRequest => Refund(conversation, message, explicitOrder, prediction, lang),
            BuyerIntent.Complaint => Escalate(conversation, message, BuyerIntent.Complaint, prediction.Confidence, "complaint", lang),
            BuyerIntent.ChitChat => new AgentReply { Text = ChitChat(message, zh), Intent = BuyerIntent.ChitChat, Confidence = prediction.Confidence },
            _ => new AgentReply
            {
                Text = zh ? "抱歉，我只能解答本店商品、订单、物流和退换货相关的问题。" : "Sorry, I can only help with this store's products, your orders, shipping and returns.",
                Intent = BuyerIntent.OutOfScope, Confidence = prediction.Confidence,
            },
        };
    }

    private AgentReply ProductFact(Conversation c, string message, IntentPrediction p, string lang)
    {
        var productId = c.ProductId ?? OwnOrder(c)?.ProductId;
        if (productId is null) return Clarify(p, lang, "Which product do you mean? Open it and ask again, or tell me the order number.", "请问是哪件商品？可以在商品页提问或告诉我订单号。");
        var answer = knowledge.Answer(productId, message, lang);
        if (!answer.Known) return Escalate(c, message, p.Intent, p.Confidence, "no confirmed fact for the question", lang);
        var confidence = Math.Min(p.Confidence, answer.Match * answer.Facts.Max(f => f.Confidence));
        return new AgentReply
        {
            Text = ReplyWording.Facts(answer.Facts, lang),
            Intent = BuyerIntent.ProductFact,
            Confidence = confidence,
            Sources = answer.Facts.Select(Cite).ToList(),
        };
    }

    private AgentReply SizeAdvice(Conversation c, string message, IntentPrediction p, string lang)
    {
        var productId = c.ProductId ?? OwnOrder(c)?.ProductId;
        var product = productId is null ? null : knowledge.Product(productId);
        if (product is null) return Clarify(p, lang, "Which product would you like size advice for?", "请问想咨询哪件商品的尺码？");
        var (height, weight) = SizeAdvisor.ParseBody(message);
        if (height is null)
        {
            return Clarify(p, lang, "Could you tell me your height and weight? Then I can suggest a size from the size chart.", "请告诉我您的身高和体重，我按尺码表为您推荐。");
        }

        var facts = knowledge.Facts(product.ProductId);
        var advice = SizeAdvisor.Advise(product.SizeChart, height.Value, weight, facts.Where(f => f.Language == TextLanguage.English).ToList());
        if (advice is null) return Escalate(c, message, p.Intent, p.Confidence, "no size chart with height ranges", lang);
        var zh = lang == TextLanguage.Chinese;
        var range = $"{advice.Row.MeasurementsCm[SizeChartKeys.Min(SizeChartKeys.Height)]:0}-{advice.Row.MeasurementsCm[SizeChartKeys.Max(SizeChartKeys.Height)]:0}";
        var text = zh
            ? $"建议选{advice.Size}码（尺码表：适合身高{range}cm）。" + (advice.FitFact is null ? "" : advice.Shift < 0 ? "买家评价普遍反映偏大，已为您选小一码。" : advice.Shift > 0 ? "买家评价普遍反映偏小，已为您选大一码。" : "")
            : $"I suggest size {advice.Size} (size chart: fits {range} cm)." + (advice.FitFact is null ? "" : advice.Shift < 0 ? " Buyers say it runs large, so that is one size down." : advice.Shift > 0 ? " Buyers say it runs small, so that is one size up." : "");
        var sources = new List<Citation>
        {
            new(CitationKind.DetailAttribute, "size_chart:" + advice.Size, product.ProductId, "size_chart", advice.Size, $"{advice.Size}: {range} cm", DetailPageMiner.AttributeConfidence),
        };
        if (advice.FitFact is not null) sources.Add(Cite(advice.FitFact));
        return new AgentReply { Text = text, Intent = BuyerIntent.SizeAdvice, Confidence = Math.Min(p.Confidence, 0.9), Sources = sources };
    }

    private AgentReply OrderStatus(Conversation c, string message, string? explicitOrder, IntentPrediction p, string lang)
    {
        var (order, action, refusal) = ResolveOrder(c, explicitOrder, ActionType.LookUpOrders, message, lang);
        if (refusal is not null) return refusal with { Intent = p.Intent, Confidence = p.Confidence };
        if (order is null)
        {
            var mine = orders.ForBuyer(c.BuyerId).OrderByDescending(o => o.PlacedAt).Take(5).ToList();
            var list = string.Join(lang == TextLanguage.Chinese ? "；" : "; ", mine.Select(o => ReplyWording.OrderStatus(o, lang).TrimEnd('.', '。')));
            return new AgentReply
            {
                Text = mine.Count == 0
                    ? lang == TextLanguage.Chinese ? "您目前没有订单。" : "You have no orders with us yet."
                    : (lang == TextLanguage.Chinese ? "您最近的订单：" : "Your recent orders: ") + list + (lang == TextLanguage.Chinese ? "。" : "."),
                Intent = BuyerIntent.OrderStatus, Confidence = p.Confidence,
                Sources = mine.Select(o => new Citation(CitationKind.Order, o.OrderId, o.ProductId, "state", o.State.ToString(), o.OrderId, 1)).ToList(),
                Actions = [new AgentActionRecord(ActionType.LookUpOrders, null, ActionOutcome.Succeeded, $"listed {mine.Count} of the buyer's orders")],
            };
        }

        return new AgentReply
        {
            Text = ReplyWording.OrderStatus(order, lang), Intent = BuyerIntent.OrderStatus, Confidence = p.Confidence,
            Sources = [OrderCitation(order)], Actions = [action!],
        };
    }

    private AgentReply Shipping(Conversation c, string message, string? explicitOrder, IntentPrediction p, string lang)
    {
        var text = StorePolicy.Shipping(lang);
        var sources = new List<Citation> { new(CitationKind.Policy, StorePolicy.ShippingId, null, "shipping", null, text, 1) };
        var actions = new List<AgentActionRecord>();
        if (explicitOrder is not null)
        {
            var (order, action, refusal) = ResolveOrder(c, explicitOrder, ActionType.LookUpOrders, message, lang);
            if (refusal is not null) return refusal with { Intent = p.Intent, Confidence = p.Confidence };
            if (order is not null)
            {
                text += (lang == TextLanguage.Chinese ? "" : " ") + ReplyWording.OrderStatus(order, lang);
                sources.Add(OrderCitation(order));
                actions.Add(action!);
            }
        }

        return new AgentReply { Text = text, Intent = BuyerIntent.Shipping, Confidence = p.Confidence, Sources = sources, Actions = actions };
    }

    private AgentReply ReturnPolicy(Conversation c, string message, string? explicitOrder, IntentPrediction p, string lang)
    {
        var text = StorePolicy.Returns(lang);
        var sources = new List<Citation> { new(CitationKind.Policy, StorePolicy.ReturnsId, null, "returns", null, text, 1) };
        var actions = new List<AgentActionRecord>();
        if (explicitOrder is not null)
        {
            var (order, action, refusal) = ResolveOrder(c, explicitOrder, ActionType.LookUpOrders, message, lang);
            if (refusal is not null) return refusal with { Intent = p.Intent, Confidence = p.Confidence };
            if (order is { State: FulfilmentState.Delivered, DeliveredAt: { } d })
            {
                var until = d + RetentionPolicy.StatutoryWindow;
                var within = until >= time.GetUtcNow();
                text += lang == TextLanguage.Chinese
                    ? within ? $"您的订单{order.OrderId}在{until:yyyy-MM-dd}前可无理由退货。" : $"您的订单{order.OrderId}已超过7天无理由退货期。"
                    : within ? $" Your order {order.OrderId} can be returned without a reason until {until:yyyy-MM-dd}." : $" Your order {order.OrderId} is past the 7-day no-reason window.";
                sources.Add(OrderCitation(order));
                actions.Add(action!);
            }
        }

        return new AgentReply { Text = text, Intent = BuyerIntent.ReturnPolicy, Confidence = p.Confidence, Sources = sources, Actions = actions };
    }

    private AgentReply Refund(Conversation c, string message, string? explicitOrder, IntentPrediction p, string lang)
    {
        var (order, _, refusal) = ResolveOrder(c, explicitOrder, ActionType.StartReturn, message, lang);
        if (refusal is not null) return refusal with { Intent = BuyerIntent.RefundRequest, Confidence = p.Confidence };
        if (order is null)
        {
            var mine = orders.ForBuyer(c.BuyerId).Where(o => o.State is not FulfilmentState.Refunded).OrderByDescending(o => o.PlacedAt).Take(5).ToList();
            if (mine.Count == 1) order = mine[0];
            else
            {
                return Clarify(p, lang, "Which order would you like refunded? Your orders: " + string.Join(", ", mine.Select(o => o.OrderId)) + ".",
                    "请问要退哪个订单？您的订单：" + string.Join("、", mine.Select(o => o.OrderId)) + "。");
            }
        }

        c.OrderId = order.OrderId;
        var reason = ReasonParser.Parse(message);
        var refundCase = refunds.Open(order, reason, message);
        return DescribeCase(c, refundCase, order, lang, p.Confidence);
    }

    private AgentReply DescribeCase(Conversation c, RefundCase rc, OrderRecord order, string lang, double confidence)
    {
        var zh = lang == TextLanguage.Chinese;
        var money = ReplyWording.Money(rc.RefundAmount, rc.Currency, lang);
        var sources = new List<Citation> { OrderCitation(order), new(CitationKind.Policy, StorePolicy.ReturnsId, null, "returns", null, StorePolicy.Returns(lang), 1) };
        if (rc.State == RefundCaseState.OfferPending && rc.Offer is { } offer)
        {
            c.PendingRefundRequestId = rc.RefundRequestId;
            var statutory = rc.Statutory ? (zh ? "您享有7天无理由退货权利，选择不接受将全额退款。" : " Your 7-day no-reason return right applies: saying no refunds you in full.") : "";
            var text = zh
                ? $"已为订单{order.OrderId}创建退款申请{rc.RefundRequestId}。{offer.DescriptionZh}回复“好的”接受，回复“不用”则继续退款{money}。{statutory}"
                : $"I've opened refund request {rc.RefundRequestId} for order {order.OrderId}. {offer.DescriptionEn} Reply yes to accept, or no to go ahead with the refund of {money}.{statutory}";
            return new AgentReply { Text = text, Intent = BuyerIntent.RefundRequest, Confidence = confidence, Sources = sources, RefundCase = rc };
        }

        c.PendingRefundRequestId = null;
        var done = zh
            ? $"已为订单{order.OrderId}发起退款{money}（申请号{rc.RefundRequestId}）" + (order.State == FulfilmentState.Placed ? "，订单未发货，款项24小时内原路退回。" : "，商品寄回后即退款。")
            : $"I've started the refund of {money} for order {order.OrderId} (request {rc.RefundRequestId})" + (order.State == FulfilmentState.Placed ? "; it has not shipped, so the money is back within 24 hours." : "; the money is refunded once the parcel is back.");
        return new AgentReply
        {
            Text = done, Intent = BuyerIntent.RefundRequest, Confidence = confidence, Sources = sources, RefundCase = rc,
            Actions = [new AgentActionRecord(ActionType.StartReturn, order.OrderId, ActionOutcome.Succeeded, rc.Rationale)],
        };
    }

    private AgentReply AnswerOffer(Conversation c, string refundRequestId, bool accept, string lang)
    {
        var rc = cases.Find(refundRequestId);
        c.PendingRefundRequestId = null;
        if (rc is null || rc.BuyerId != c.BuyerId || rc.Offer is null || rc.State != RefundCaseState.OfferPending)
        {
            return new AgentReply { Text = lang == TextLanguage.Chinese ? "这个退款申请已处理。" : "That refund request has already been handled.", Intent = BuyerIntent.RefundRequest, Confidence = 0.9 };
        }

        var (after, events) = refunds.Respond(rc, rc.Offer.OfferId, accept);
        var order = orders.Find(after.OrderId)!;
        var zh = lang == TextLanguage.Chinese;
        if (after.State == RefundCaseState.Retained)
        {
            return new AgentReply
            {
                Text = zh ? $"好的，已为订单{order.OrderId}办理：{rc.Offer.DescriptionZh}" : $"Done: {rc.Offer.DescriptionEn} Order {order.OrderId} stays with you.",
                Intent = BuyerIntent.RefundRequest, Confidence = 0.95, RefundCase = after, Events = events,
                Sources = [OrderCitation(order)],
                Actions = [new AgentActionRecord(ActionType.ApplyOffer, order.OrderId, ActionOutcome.Succeeded, rc.Offer.Kind.ToString())],
            };
        }

        var money = ReplyWording.Money(after.RefundAmount, after.Currency, lang);
        return new AgentReply
        {
            Text = zh ? $"好的，已为订单{order.OrderId}发起退款{money}。" : $"Understood: I've started the refund of {money} for order {order.OrderId}.",
            Intent = BuyerIntent.RefundRequest, Confidence = 0.95, RefundCase = after, Sources = [OrderCitation(order)],
            Actions = [new AgentActionRecord(ActionType.StartReturn, order.OrderId, ActionOutcome.Succeeded, "offer declined: refund")],
        };
    }

    /// <summary>The order the buyer means, if it is theirs. A refusal reply is returned when it is someone else's.</summary>
    private (OrderRecord? Order, AgentActionRecord? Action, AgentReply? Refusal) ResolveOrder(Conversation c, string? explicitOrder, ActionType intended, string message, string lang)
    {
        var id = explicitOrder ?? c.OrderId;
        if (id is null) return (null, null, null);
        var (result, order) = access.ForBuyer(c.BuyerId, id, intended.ToString(), message);
        if (result == OrderAccessResult.Granted)
        {
            c.OrderId = order!.OrderId;
            return (order, new AgentActionRecord(ActionType.LookUpOrders, order.OrderId, ActionOutcome.Succeeded, "looked up the buyer's order"), null);
        }

        var text = lang == TextLanguage.Chinese ? $"在您的账户下没有找到订单{id}，请核对订单号。" : $"I can't find order {id} among your orders; please check the number.";
        var outcome = result == OrderAccessResult.Refused ? ActionOutcome.Refused : ActionOutcome.Failed;
        var detail = result == OrderAccessResult.Refused ? "the order is not the caller's: nothing was done (logged)" : "no such order";
        return (null, null, new AgentReply
        {
            Text = text, Intent = BuyerIntent.OrderStatus, Confidence = 1,
            Actions = [new AgentActionRecord(intended, id, outcome, detail)],
        });
    }

    private OrderRecord? OwnOrder(Conversation c) => c.OrderId is { } id && orders.Find(id) is { } o && o.BuyerId == c.BuyerId ? o : null;

    private AgentReply Escalate(Conversation c, string message, BuyerIntent intent, double confidence, string reason, string lang)
    {
        c.State = ConversationState.Escalated;
        var recent = c.Turns.Where(t => t.Speaker == Speaker.Buyer).TakeLast(3).Select(t => t.Text).Append(message);
        var merchant = c.ProductId is { } pid ? knowledge.Product(pid)?.MerchantId : null;
        var summary = $"intent {intent} ({confidence:0.00}); product {c.ProductId ?? "-"}; order {c.OrderId ?? "-"}; buyer said: " + string.Join(" | ", recent);
        return new AgentReply
        {
            Text = lang == TextLanguage.Chinese ? "这个问题我需要请人工同事确认，已为您转接，请稍候。" : "I want to get this right, so I've passed your question to a colleague who will reply here shortly.",
            Intent = intent, Confidence = confidence, Escalated = true, EscalationReason = reason,
            Actions = [new AgentActionRecord(ActionType.Escalate, c.OrderId, ActionOutcome.Succeeded, reason)],
            Events =
            [
                new EscalatedToHuman
                {
                    ConversationId = c.ConversationId, BuyerId = c.BuyerId, MerchantId = merchant, Reason = reason,
                    Summary = summary.Length > 1000 ? summary[..1000] : summary,
                },
            ],
        };
    }

    private static AgentReply Clarify(IntentPrediction p, string lang, string en, string zh) =>
        new() { Text = lang == TextLanguage.Chinese ? zh : en, Intent = p.Intent, Confidence = p.Confidence };

    private static string ChitChat(string message, bool zh)
    {
        var lower = message.ToLowerInvariant();
        if (Thanks().IsMatch(lower)) return zh ? "不客气，还有什么可以帮您？" : "You're welcome! Anything else I can help with?";
        if (Robot().IsMatch(lower)) return zh ? "我是店铺的智能客服，解答不了的问题会转给人工同事。" : "I'm the store's assistant; anything I can't answer I pass to a colleague.";
        return zh ? "您好，我可以解答商品、订单、物流和退换货问题。" : "Hello! I can answer questions about products, your orders, shipping and returns.";
    }

    private static Citation Cite(ProductFact f) => new(f.Source switch
    {
        FactSource.DetailAttribute => CitationKind.DetailAttribute,
        FactSource.DetailText => CitationKind.DetailText,
        FactSource.Review => CitationKind.Review,
        _ => CitationKind.ResolvedDialog,
    }, f.SourceId, f.ProductId, f.Attribute, f.Value, f.Excerpt, f.Confidence);

    private static Citation OrderCitation(OrderRecord o) => new(CitationKind.Order, o.OrderId, o.ProductId, "state", o.State.ToString(), $"{o.OrderId}: {o.State}", 1);

    /// <summary>true accept, false decline, null when the message is not an answer to the offer.</summary>
    public static bool? OfferAnswer(string message)
    {
        var t = message.ToLowerInvariant().Trim();
        if (Decline().IsMatch(t)) return false;
        if (Accept().IsMatch(t)) return true;
        return null;
    }

    [GeneratedRegex(@"^(no\b|nope|decline|not interested|just refund|refund (it|me|please)|i still want (a|the|my) refund)|不要|不用|不接受|直接退|还是退|不需要")]
    private static partial Regex Decline();

    [GeneratedRegex(@"^(yes|yeah|yep|ok|okay|sure|accept|deal|fine|sounds good|i accept|i'll take it)\b|^好|^可以|^行|接受|同意")]
    private static partial Regex Accept();

    [GeneratedRegex(@"thank|thx|谢谢|感谢|多谢")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"robot|bot\b|human|机器人|真人")]
    private static partial Regex Robot();
}
