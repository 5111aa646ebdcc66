namespace Commerce.TryOn.Domain.Garments;

/// <summary>The ten Fashion-MNIST classes the garment_type model answers, in its output order.</summary>
public enum GarmentClass
{
    TShirtTop = 0, Trouser = 1, Pullover = 2, Dress = 3, Coat = 4, Sandal = 5, Shirt = 6, Sneaker = 7, Bag = 8, AnkleBoot = 9,
}

/// <summary>How a class is worn, which decides the body keypoints it is fitted to.</summary>
public enum GarmentFit { Top, Dress, Coat, Trousers, NotWearable }

public static class GarmentClasses
{
    public static GarmentFit FitOf(GarmentClass c) => c switch
    {
        GarmentClass.TShirtTop or GarmentClass.Pullover or GarmentClass.Shirt => GarmentFit.Top,
        GarmentClass.Dress => GarmentFit.Dress,
        GarmentClass.Coat => GarmentFit.Coat,
        GarmentClass.Trouser => GarmentFit.Trousers,
        _ => GarmentFit.NotWearable,
    };

    public static string Name(GarmentClass c) => c switch
    {
        GarmentClass.TShirtTop => "t-shirt/top",
        GarmentClass.Trouser => "trousers",
        GarmentClass.Pullover => "pullover",
        GarmentClass.Dress => "dress",
        GarmentClass.Coat => "coat",
        GarmentClass.Sandal => "sandal",
        GarmentClass.Shirt => "shirt",
        GarmentClass.Sneaker => "sneaker",
        GarmentClass.Bag => "bag",
        _ => "ankle boot",
    };
}
