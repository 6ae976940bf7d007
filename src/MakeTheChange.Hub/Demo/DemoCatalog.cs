namespace MakeTheChange.Hub.Demo;

/// <summary>
/// The demo catalog, after the retailer's own documents (../shared/seeds): five Urban Therapy stores in
/// Belgium and the Benelux micro-hub; the micro-stock heroes (an ILANGA honey 250 g, a 3-honey and
/// spice mini box, a HABEEBEE mini-soap box) received in lots with best-before dates, about 250 units
/// in all; and about twenty dropship products whose stock sits with HABEEBEE and ILANGA NATURE.
/// </summary>
internal static class DemoCatalog
{
    public const string HeroHoney = "ILANGA-MIEL-250";
    public const string HeroSpiceBox = "ILANGA-COFFRET-3MIELS";
    public const string HeroSoapBox = "HABEEBEE-COFFRET-SAVONS";
    public const string MicroHub = "mtc-microhub-benelux";
    public const string Habeebee = "partner-habeebee";
    public const string IlangaNature = "partner-ilanga-nature";

    public static readonly IReadOnlyList<DemoLocation> Locations =
    [
        new("ut-bruxelles-sablon", "Urban Therapy Bruxelles – Sablon", "store", ClickAndCollect: true),
        new("ut-ixelles", "Urban Therapy Ixelles", "store", ClickAndCollect: true),
        new("ut-gent", "Urban Therapy Gent", "store", ClickAndCollect: true),
        new("ut-antwerpen", "Urban Therapy Antwerpen", "store", ClickAndCollect: true),
        new("ut-liege", "Urban Therapy Liège", "store", ClickAndCollect: true),
        new(MicroHub, "Micro-hub Benelux (Make the CHANGE)", "warehouse", ClickAndCollect: false),
        new(Habeebee, "HABEEBEE (Belgique) – dropship", "partner", ClickAndCollect: false),
        new(IlangaNature, "ILANGA NATURE – stock tampon France", "partner", ClickAndCollect: false),
    ];

    public static readonly IReadOnlyList<DemoProduct> Products =
    [
        new(HeroHoney, "Miel ILANGA 250 g", "miel", 1290, null),
        new(HeroSpiceBox, "Mini-coffret ILANGA 3 miels & épices", "coffret", 1390, null),
        new(HeroSoapBox, "Coffret mini-savons HABEEBEE", "cosmetique", 1350, null),

        new("HABEEBEE-MIEL-PRINTEMPS-250", "Miel de printemps 250 g", "miel", 890, Habeebee),
        new("HABEEBEE-MIEL-ETE-500", "Miel d'été 500 g", "miel", 1450, Habeebee),
        new("HABEEBEE-MIEL-FORET-250", "Miel de forêt 250 g", "miel", 990, Habeebee),
        new("HABEEBEE-MIEL-CREMEUX-250", "Miel crémeux 250 g", "miel", 890, Habeebee),
        new("HABEEBEE-MIEL-TILLEUL-250", "Miel de tilleul 250 g", "miel", 1050, Habeebee),
        new("HABEEBEE-MIEL-ACACIA-250", "Miel d'acacia 250 g", "miel", 1090, Habeebee),
        new("HABEEBEE-MIEL-BRUXELLES-250", "Miel des toits de Bruxelles 250 g", "miel", 1250, Habeebee),
        new("HABEEBEE-POLLEN-200", "Pollen frais 200 g", "apiculture", 1190, Habeebee),
        new("HABEEBEE-PROPOLIS-TEINTURE-30", "Teinture de propolis 30 ml", "apiculture", 1490, Habeebee),
        new("HABEEBEE-GELEE-ROYALE-10", "Gelée royale 10 g", "apiculture", 1990, Habeebee),
        new("HABEEBEE-BAUME-LEVRES", "Baume à lèvres à la cire d'abeille", "cosmetique", 650, Habeebee),
        new("HABEEBEE-BAUME-CIRE-50", "Baume nourrissant à la cire 50 ml", "cosmetique", 1390, Habeebee),
        new("HABEEBEE-BOUGIE-CIRE", "Bougie en cire d'abeille", "maison", 1590, Habeebee),
        new("HABEEBEE-HYDROMEL-75", "Hydromel 75 cl", "boisson", 1890, Habeebee),
        new("HABEEBEE-PAIN-EPICES", "Pain d'épices au miel", "epicerie", 790, Habeebee),

        new("ILANGA-HE-RAVINTSARA-10", "Huile essentielle de ravintsara bio 10 ml", "huile-essentielle", 990, IlangaNature),
        new("ILANGA-HE-YLANG-10", "Huile essentielle d'ylang-ylang bio 10 ml", "huile-essentielle", 1190, IlangaNature),
        new("ILANGA-HUILE-BAOBAB-50", "Huile de baobab bio 50 ml", "cosmetique", 1690, IlangaNature),
        new("ILANGA-BAUME-KARITE-VANILLE", "Baume karité & vanille bio", "cosmetique", 1490, IlangaNature),
        new("ILANGA-POIVRE-SAUVAGE-50", "Poivre sauvage de Madagascar 50 g", "epicerie", 890, IlangaNature),
    ];

    /// <summary>The heroes arrive at the micro-hub in lots, and a few units wait in each store for click &amp; collect.</summary>
    public static IEnumerable<DemoReceipt> Receipts()
    {
        yield return new(HeroHoney, MicroHub, 60, "IL-MIEL-2609", new DateOnly(2028, 3, 31));
        yield return new(HeroHoney, MicroHub, 40, "IL-MIEL-2611", new DateOnly(2028, 6, 30));
        yield return new(HeroSpiceBox, MicroHub, 50, "IL-COF-2610", new DateOnly(2027, 12, 31));
        yield return new(HeroSoapBox, MicroHub, 60, "HB-SAV-2610", new DateOnly(2028, 10, 31));
        foreach (var store in Locations.Where(location => location.Kind == "store"))
        {
            yield return new(HeroHoney, store.LocationId, 6, "IL-MIEL-2609", new DateOnly(2028, 3, 31));
            yield return new(HeroSpiceBox, store.LocationId, 4, "IL-COF-2610", new DateOnly(2027, 12, 31));
            yield return new(HeroSoapBox, store.LocationId, 4, "HB-SAV-2610", new DateOnly(2028, 10, 31));
        }

        // What the partners declare available; they ship these themselves.
        var quantity = 18;
        foreach (var product in Products.Where(product => product.Partner is not null))
        {
            yield return new(product.Sku, product.Partner!, quantity, null, null);
            quantity = 12 + ((quantity * 7) % 60);
        }
    }

    /// <summary>One week of sales at the micro-hub ("stock sécurité : 1 semaine de ventes = 20 u").</summary>
    public const int HeroSafetyStock = 20;
}
