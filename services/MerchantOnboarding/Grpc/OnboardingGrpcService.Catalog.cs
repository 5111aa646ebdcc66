using Commerce.Onboarding.Domain.Library;
using Commerce.Onboarding.Domain.Listings;
using Commerce.Onboarding.Storage;
using Commerce.Protos.Onboarding.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.Onboarding.Grpc;

/// <summary>The distribution library and store listings.</summary>
public sealed partial class OnboardingGrpcService
{
    private static readonly HashSet<string> UpdatablePaths = ["title", "attributes", "selling_points", "price", "stock", "size_chart", "status"];

    public override Task<SearchLibraryResponse> SearchLibrary(SearchLibraryRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireRole(CallerRole.Merchant);
        var text = request.Query ?? "";
        if (text.Length > 200) throw new InvalidInputException($"query must be at most 200 characters (got {text.Length})");
        var category = request.Category is { Levels.Count: > 0 } ? Validate.Category(request.Category, "category") : [];
        decimal? min = request.MinPrice is null ? null : ProtoMapper.Amount(request.MinPrice, "min_price");
        decimal? max = request.MaxPrice is null ? null : ProtoMapper.Amount(request.MaxPrice, "max_price");
        if (min is { } lo && max is { } hi && lo > hi) throw new InvalidInputException("min_price is above max_price");
        var (offset, size) = Validate.Page(request.PageSize, request.PageToken);
        var order = request.Sort switch
        {
            LibrarySort.Sales => LibraryOrder.Sales,
            LibrarySort.Commission => LibraryOrder.Commission,
            LibrarySort.Rating => LibraryOrder.Rating,
            LibrarySort.PriceAscending => LibraryOrder.PriceAscending,
            LibrarySort.PriceDescending => LibraryOrder.PriceDescending,
            _ => LibraryOrder.Relevance,
        };
        var (items, total) = library.Search(new LibraryQuery(text, category, min, max, order, offset, size));
        var response = new SearchLibraryResponse { TotalSize = total, NextPageToken = Validate.NextToken(offset, size, total) };
        response.Products.AddRange(items.Select(ProtoMapper.Library));
        return Task.FromResult(response);
    }

    public override Task<GetLibraryProductResponse> GetLibraryProduct(GetLibraryProductRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireRole(CallerRole.Merchant);
        return Task.FromResult(new GetLibraryProductResponse { Product = ProtoMapper.Library(FindLibrary(request.LibraryProductId)) });
    }

    public override Task<ListProductResponse> ListProduct(ListProductRequest request, ServerCallContext context)
    {
        var store = OwnOpenStore(request.StoreId, context);
        var requestId = Validate.RequestId(request.RequestId);
        var now = time.GetUtcNow();
        StoreListing listing;
        switch (request.SourceCase)
        {
            case ListProductRequest.SourceOneofCase.Library:
            {
                var item = FindLibrary(request.Library.LibraryProductId);
                var price = request.Library.Price is null ? item.Price : ProtoMapper.Amount(request.Library.Price, "library.price");
                if (price <= 0) throw new InvalidInputException("library.price must be positive");
                var stock = request.Library.Stock;
                if (stock < 0 || stock > item.AvailableStock)
                    throw new InvalidInputException($"library.stock must be 0-{item.AvailableStock} (the supplier's available stock)");
                const string language = "zh-CN";
                listing = new StoreListing
                {
                    ProductId = "", StoreId = store.StoreId, MerchantId = store.MerchantId, LibraryProductId = item.LibraryProductId,
                    Language = language, Texts = item.Zh, Translations = [new ListingTexts("en", item.En)], Category = item.CategoryPath,
                    Price = price, Stock = stock, SizeChart = item.SizeChart, ImageUris = item.ImageUris, CreatedAt = now, UpdatedAt = now,
                };
                break;
            }
            case ListProductRequest.SourceOneofCase.Draft:
            {
                var d = request.Draft;
                var title = Validate.Text(d.Title, "draft.title", 1, 120);
                var category = Validate.Category(d.Category, "draft.category", leaf: true);
                if (d.Price is null) throw new InvalidInputException("draft.price is required");
                var price = ProtoMapper.Amount(d.Price, "draft.price");
                if (price <= 0) throw new InvalidInputException("draft.price must be positive");
                if (d.Stock < 0) throw new InvalidInputException("draft.stock must be 0 or more");
                if (d.Images.Count > 9) throw new InvalidInputException($"draft.images: at most 9 (got {d.Images.Count})");
                for (var i = 0; i < d.Images.Count; i++) Validate.Image(d.Images[i].Span, $"draft.images[{i}]");
                var language = Validate.Language(d.LanguageCode, "draft.language_code", "zh-CN");
                var texts = new ProductTexts(title, Validate.Attributes(d.Attributes, "draft.attributes"), Validate.SellingPoints(d.SellingPoints, "draft.selling_points"));
                // No blob store runs in this fleet: photos are checked and named by content hash; the bytes are not kept.
                var images = d.Images.Select(b => "https://img.commerce.example/drafts/" +
                    Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b.Span))[..24] + (b.Span[0] == 0x89 ? ".png" : ".jpg")).ToList();
                listing = new StoreListing
                {
                    ProductId = "", StoreId = store.StoreId, MerchantId = store.MerchantId, Language = language, Texts = texts, Category = category,
                    Price = price, Stock = d.Stock, SizeChart = ProtoMapper.SizeChart(d.SizeChart), ImageUris = images, CreatedAt = now, UpdatedAt = now,
                };
                break;
            }
            default:
                throw new InvalidInputException("set either library (a library product) or draft (your own product)");
        }

        var saved = listings.List(requestId, listing);
        return Task.FromResult(new ListProductResponse { Product = ProtoMapper.Listing(saved) });
    }

    public override Task<UpdateProductResponse> UpdateProduct(UpdateProductRequest request, ServerCallContext context)
    {
        var p = request.Product ?? throw new InvalidInputException("product is required");
        if (string.IsNullOrWhiteSpace(p.ProductId)) throw new InvalidInputException("product.product_id is required");
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        if (paths.Count == 0) throw new InvalidInputException($"update_mask is empty: name the fields to change ({string.Join(", ", UpdatablePaths)})");
        var unknown = paths.Where(x => !UpdatablePaths.Contains(x)).ToList();
        if (unknown.Count > 0) throw new InvalidInputException($"update_mask: cannot update {string.Join(", ", unknown)}; updatable: {string.Join(", ", UpdatablePaths)}");
        var existing = listings.Get(p.ProductId) ?? throw new NotFoundException($"product {p.ProductId} not found");
        OwnOpenStore(existing.StoreId, context);

        // Validate everything before the transaction so a bad field changes nothing.
        var title = paths.Contains("title") ? Validate.Text(p.Title, "product.title", 1, 120) : null;
        var attributes = paths.Contains("attributes") ? Validate.Attributes(p.Attributes, "product.attributes") : null;
        var points = paths.Contains("selling_points") ? Validate.SellingPoints(p.SellingPoints, "product.selling_points") : null;
        decimal? price = null;
        if (paths.Contains("price"))
        {
            price = ProtoMapper.Amount(p.Price ?? throw new InvalidInputException("product.price is required by the mask"), "product.price");
            if (price <= 0) throw new InvalidInputException("product.price must be positive");
        }

        if (paths.Contains("stock") && p.Stock < 0) throw new InvalidInputException("product.stock must be 0 or more");
        if (paths.Contains("status") && p.Status == ListingStatus.Unspecified) throw new InvalidInputException("product.status must be ON_SHELF or OFF_SHELF");
        var chart = paths.Contains("size_chart") ? ProtoMapper.SizeChart(p.SizeChart) : null;

        var after = listings.Update(p.ProductId, l =>
        {
            var texts = l.Texts with
            {
                Title = title ?? l.Texts.Title,
                Attributes = attributes ?? l.Texts.Attributes,
                SellingPoints = points ?? l.Texts.SellingPoints,
            };
            return l with
            {
                Texts = texts,
                Price = price ?? l.Price,
                Stock = paths.Contains("stock") ? p.Stock : l.Stock,
                SizeChart = paths.Contains("size_chart") ? chart : l.SizeChart,
                OnShelf = paths.Contains("status") ? p.Status == ListingStatus.OnShelf : l.OnShelf,
            };
        });
        return Task.FromResult(new UpdateProductResponse { Product = ProtoMapper.Listing(after) });
    }

    public override Task<ListStoreProductsResponse> ListStoreProducts(ListStoreProductsRequest request, ServerCallContext context)
    {
        var store = FindStore(request.StoreId);
        context.GetCaller().RequireMerchant(store.MerchantId);
        var (offset, size) = Validate.Page(request.PageSize, request.PageToken);
        bool? onShelf = request.Status switch { ListingStatus.OnShelf => true, ListingStatus.OffShelf => false, _ => null };
        var (items, total) = listings.ListByStore(store.StoreId, onShelf, offset, size);
        var response = new ListStoreProductsResponse { TotalSize = total, NextPageToken = Validate.NextToken(offset, size, total) };
        response.Products.AddRange(items.Select(ProtoMapper.Listing));
        return Task.FromResult(response);
    }

    private LibraryItem FindLibrary(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new InvalidInputException("library_product_id is required");
        return library.Get(id) ?? throw new NotFoundException($"library product {id} is not in the distribution library");
    }
}
