using Commerce.Onboarding.Domain.Library;

namespace Commerce.Onboarding.Tests;

public sealed class LibraryGeneratorTests
{
    [Test]
    public void Fifty_thousand_products_are_deterministic_bilingual_and_span_a_three_level_tree()
    {
        var first = new LibraryGenerator(7).Generate(50_000).ToList();
        var again = new LibraryGenerator(7).Generate(50_000).ToList();
        var other = new LibraryGenerator(8).Product(123);

        Assert.That(first, Has.Count.EqualTo(50_000));
        Assert.That(first.Select(p => p.LibraryProductId).Distinct().Count(), Is.EqualTo(50_000));
        Assert.That(first.Zip(again).All(x => System.Text.Json.JsonSerializer.Serialize(x.First) == System.Text.Json.JsonSerializer.Serialize(x.Second)), Is.True);
        Assert.That(System.Text.Json.JsonSerializer.Serialize(other), Is.Not.EqualTo(System.Text.Json.JsonSerializer.Serialize(first[123])));
        Assert.That(first.All(p => p.CategoryPath.Count == 3 && CategoryTree.Default.IsLeaf(p.CategoryPath)), Is.True);
        Assert.That(first.Select(p => string.Join('/', p.CategoryPath)).Distinct().Count(), Is.EqualTo(CategoryTree.Default.Leaves.Count));
        Assert.That(first.All(p => p.Zh.Title.Any(Domain.Advisor.TextTokenizer.IsCjk) && !p.En.Title.Any(Domain.Advisor.TextTokenizer.IsCjk)), Is.True);
        Assert.That(first.All(p => p.En.Attributes.Count == p.Zh.Attributes.Count && p.En.SellingPoints.Count == p.Zh.SellingPoints.Count), Is.True);
        Assert.That(first.All(p => p.Price > 0 && p.CommissionRate is > 0 and < 1 && p.ImageUris.Count >= 3), Is.True);
        var apparel = first.Where(p => p.CategoryPath[0] is "Women's Clothing" or "Men's Clothing").ToList();
        Assert.That(apparel, Is.Not.Empty);
        Assert.That(apparel.All(p => p.SizeChart is { Rows.Count: 5 }), Is.True, "apparel has a size chart");
        Assert.That(first.Where(p => p.CategoryPath[0] == "Food").All(p => p.SizeChart is null), Is.True);
        TestContext.Out.WriteLine($"{first.Count} products, {CategoryTree.Default.Leaves.Count} leaf categories, {apparel.Count} with size charts");
    }
}
