using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Demo;

/// <summary>
/// Two weeks of the demo merchant's inbox, so the inbox is never empty on a first `dotnet run`: 26 ended chats in
/// English, French, Finnish and German with experts of five stores, ratings and comments, cart events, an internal
/// note, product cards of the demo catalogue (each with its share link), two flagged priority, one archived, and one
/// shopper blocked with a reason. Added once: a demo merchant that
/// already has a blocked shopper (this history's marker) is left alone, so an older database gets it on its next start.
/// </summary>
internal static class DemoInboxHistory
{
    private static readonly (string Language, string Department, (MessageSender Sender, string Text)[] Lines)[] Scripts =
    [
        ("en", "Footwear",
        [
            (MessageSender.Shopper, "Hi! Are the Trail Runner 2 true to size? I'm usually a 41."),
            (MessageSender.Expert, "Hi! They run slightly small, most people go half a size up. A 41.5 would be my pick."),
            (MessageSender.Shopper, "Do you have 41.5 in the grey?"),
            (MessageSender.Expert, "Yes, three pairs here in store and plenty online."),
            (MessageSender.Shopper, "Great, ordering now. Thanks!"),
        ]),
        ("en", "Outdoor gear",
        [
            (MessageSender.Shopper, "Is the Summit 2 tent OK for Scotland in October?"),
            (MessageSender.Expert, "It's a three-season tent, so yes, with the footprint and proper pegs. Expect cold nights though."),
            (MessageSender.Shopper, "Which sleeping bag would you pair with it?"),
            (MessageSender.Expert, "The Glen three-season bag is the one I'd take. It packs down small too."),
        ]),
        ("fr", "Womenswear",
        [
            (MessageSender.Shopper, "Bonjour, le manteau en laine existe-t-il en bleu marine ?"),
            (MessageSender.Expert, "Bonjour ! Oui, en bleu marine du 34 au 44."),
            (MessageSender.Shopper, "Il taille comment ? Je fais du 38 d'habitude."),
            (MessageSender.Expert, "Il taille normalement, prenez votre taille habituelle. La coupe est un peu ample."),
            (MessageSender.Shopper, "Parfait, merci beaucoup !"),
        ]),
        ("fi", "Outdoor gear",
        [
            (MessageSender.Shopper, "Hei! Onko Vaellus 40 -reppu vedenpitävä?"),
            (MessageSender.Expert, "Hei! Kangas hylkii vettä, ja mukana tulee sadesuoja kovempaan sateeseen."),
            (MessageSender.Shopper, "Sopiiko se lyhyelle selälle?"),
            (MessageSender.Expert, "Kyllä, selkäosa säätyy. Tule kokeilemaan Aleksanterinkadulle, autan mielelläni."),
        ]),
        ("de", "Menswear",
        [
            (MessageSender.Shopper, "Hallo, gibt es das Leinenhemd auch in XXL?"),
            (MessageSender.Expert, "Hallo! Ja, in Weiß und Hellblau, online sofort lieferbar."),
            (MessageSender.Shopper, "Wie lange dauert der Versand nach München?"),
            (MessageSender.Expert, "Zwei bis vier Werktage. Rücksendungen sind 30 Tage kostenlos."),
        ]),
        ("en", "Customer Service",
        [
            (MessageSender.Shopper, "My order hasn't arrived yet, it's been a week."),
            (MessageSender.Expert, "I'm sorry about that! Could you give me the order number?"),
            (MessageSender.Shopper, "It's DO-48213."),
            (MessageSender.Expert, "Thanks. It's with the courier and due tomorrow before 12. I've added a note to follow up if not."),
            (MessageSender.Shopper, "OK, thank you."),
        ]),
        ("en", "Menswear",
        [
            (MessageSender.Shopper, "Looking for a suit for a wedding in June, something light."),
            (MessageSender.Expert, "Our linen-blend suits are perfect for that. Sand or light blue are popular for summer weddings."),
            (MessageSender.Shopper, "Can I get trousers hemmed in store?"),
            (MessageSender.Expert, "Yes, free alterations on full-price suits, ready in about five days."),
        ]),
        ("fr", "Footwear",
        [
            (MessageSender.Shopper, "Est-ce que je peux retourner des chaussures portées une fois ?"),
            (MessageSender.Expert, "Si elles ont été portées à l'intérieur seulement et sont propres, oui, sous 30 jours."),
            (MessageSender.Shopper, "D'accord, merci pour la réponse rapide."),
        ]),
    ];

    private static readonly (string Name, string? Email, int Script, string Expert, int? Rating, string? Comment)[] Chats =
    [
        ("Olivia Bennett", "olivia.bennett@example.com", 0, "Sam Taylor", 5, "Spot-on sizing advice."),
        ("Tom Hughes", null, 1, "Oliver Brown", 5, "Really knew his stuff."),
        ("Élodie Martin", "elodie.m@example.fr", 2, "Camille Dubois", 5, "Très agréable, merci !"),
        ("Sanna Laine", null, 3, "Aino Virtanen", 4, "Nopea vastaus."),
        ("Lukas Weber", "lukas.weber@example.de", 4, "Emma Wilson", 4, null),
        ("Rachel Green", "rachel.g@example.com", 5, "Sam Taylor", 3, "Took a while but sorted in the end."),
        ("James Carter", null, 6, "Maya Johnson", 5, "Booked my alterations, brilliant."),
        ("Chloé Bernard", null, 7, "Camille Dubois", null, null),
        ("Aisha Khan", "aisha.khan@example.com", 0, "Emma Wilson", 4, null),
        (string.Empty, null, 1, "Oliver Brown", null, null),
        ("Matti Virtanen", "matti.v@example.fi", 3, "Aino Virtanen", 5, "Kiitos avusta!"),
        ("Sophie Dubois", null, 2, "Camille Dubois", 4, null),
        ("Daniel Kim", "daniel.kim@example.com", 6, "Maya Johnson", 2, "Wanted a straight answer on delivery."),
        ("Hannah Schmidt", null, 4, "Emma Wilson", 5, "Sehr hilfreich."),
        ("Grace O'Neill", "grace.oneill@example.ie", 5, "Sam Taylor", 4, null),
        (string.Empty, null, 7, "Camille Dubois", null, null),
        ("Ben Foster", null, 1, "Oliver Brown", 4, "Good tent advice."),
        ("Emily Clarke", "emily.clarke@example.com", 0, "Sam Taylor", 5, null),
        ("Noah Levi", null, 6, "Maya Johnson", null, null),
        ("Laura Rossi", "laura.rossi@example.it", 2, "Camille Dubois", 4, null),
        ("Jack Murphy", null, 5, "Emma Wilson", 1, "Order still not here."),
        ("Ella Koskinen", null, 3, "Aino Virtanen", 5, null),
        ("Oscar Lind", "oscar.lind@example.se", 1, "Oliver Brown", 5, "Perfect for my trip."),
        ("Mia Wong", null, 0, "Sam Taylor", 4, null),
        ("Felix Braun", null, 4, "Emma Wilson", null, null),
        ("Zoe Adams", "zoe.adams@example.com", 6, "Maya Johnson", 5, "Lovely to chat with."),
    ];

    /// <summary>
    /// Product cards the experts sent (chat, after which line of its script, the demo feed's product id, and a line the
    /// expert wrote just before it, if any); a card whose product is not in the catalogue is left out.
    /// </summary>
    private static readonly (int Chat, int AfterLine, string ProductId, string? Intro)[] ProductCards =
    [
        (16, 1, "TNT-S2", null),
        (16, 3, "SLB-3S", null),
        (22, 3, "SLB-3S", null),
        (22, 3, "DPJ-NAV", "And for cold evenings, the Cairn down jacket is on sale this week:"),
    ];

    public static async Task AddAsync(VirtualShoppingDbContext db, Guid merchantId, DateTimeOffset now, ProductShares shares, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (await db.BlockedShoppers.AnyAsync(cancellationToken))
        {
            return;
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id, cancellationToken);
        var staff = await db.StaffMembers.Include(s => s.Stores).ToDictionaryAsync(s => s.DisplayName, cancellationToken);
        var manager = staff["Priya Shah"];
        var productIds = ProductCards.Select(c => c.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, cancellationToken);
        var chats = new List<Chat>();
        for (var i = 0; i < Chats.Length; i++)
        {
            var (name, email, scriptIndex, expertName, rating, comment) = Chats[i];
            var (language, department, lines) = Scripts[scriptIndex];
            var expert = staff[expertName];
            var started = now.Date.AddDays(-13 + (i * 13 / Chats.Length)).AddHours(9 + (i * 5 % 9)).AddMinutes(i * 7 % 60);
            var claimed = started.AddSeconds(6 + (i % 20));
            var chat = new Chat
            {
                MerchantId = merchantId,
                ShopperId = Guid.NewGuid(),
                ShopperName = name.Length == 0 ? null : name,
                ShopperEmail = email,
                DepartmentId = departments[department],
                Language = language,
                PageUrl = "https://www.demo-outfitters.example/" + department.ToLowerInvariant().Replace(' ', '-'),
                Status = ChatStatus.Ended,
                StartedAt = started,
                QueuedAt = started,
                ClaimDeadline = started.AddSeconds(90),
                WavesSent = 1,
                ExpertId = expert.Id,
                ExpertName = expert.DisplayName,
                ExpertStoreName = expert.Stores.FirstOrDefault()?.Name,
                StoreId = expert.Stores.FirstOrDefault()?.Id,
                ClaimedAt = claimed,
                EndReason = i % 3 == 0 ? ChatEndReason.Shopper : ChatEndReason.Expert,
                Rating = rating,
                RatingComment = comment,
                TranscriptQueued = true,
                IsPriority = i is 5 or 20,
                ArchivedAt = i == 1 ? now.AddDays(-2) : null,
            };
            var sequence = 0;
            var at = claimed;
            ChatMessage Add(MessageSender sender, string text, MessageKind kind = MessageKind.Text, string? data = null, StaffMember? author = null)
            {
                at = at.AddSeconds(40 + (sequence * 17 % 50));
                var message = new ChatMessage
                {
                    MerchantId = merchantId, ChatId = chat.Id, Sequence = ++sequence, Sender = sender, Kind = kind, Text = text, Data = data, SentAt = at,
                    StaffMemberId = sender == MessageSender.Expert ? (author ?? expert).Id : null,
                    AuthorName = sender == MessageSender.Expert ? (author ?? expert).DisplayName : null,
                };
                db.ChatMessages.Add(message);
                return message;
            }

            Add(MessageSender.System, $"{expert.DisplayName} joined the chat.");
            for (var line = 0; line < lines.Length; line++)
            {
                Add(lines[line].Sender, lines[line].Text);
                foreach (var (_, _, productId, intro) in ProductCards.Where(c => c.Chat == i && c.AfterLine == line))
                {
                    if (!products.TryGetValue(productId, out var product))
                    {
                        continue;
                    }

                    if (intro is not null)
                    {
                        Add(MessageSender.Expert, intro);
                    }

                    var token = ShareToken.Generate();
                    var card = ProductCardView.Of(product, shares.LinkFor(token));
                    var sent = Add(MessageSender.Expert, card.ToText(), MessageKind.Product, card.ToData());
                    db.ProductShares.Add(new ProductShare
                    {
                        MerchantId = merchantId, Token = token, ProductId = product.Id, StaffMemberId = expert.Id, StoreId = chat.StoreId, Channel = ShareChannel.Chat,
                        ChatId = chat.Id, ShopperId = chat.ShopperId, CreatedAt = sent.SentAt,
                    });
                }
            }

            if (i is 0 or 17)
            {
                var cart = new CartView(CartAction.Add, [new CartProductView("Trail Runner 2 (grey, 41.5)", 1, 89m, 1)], 89m, "GBP");
                Add(MessageSender.Shopper, "Added Trail Runner 2 (grey, 41.5) × 1. Subtotal £89.00", MessageKind.Cart, cart.ToData());
            }

            if (i == 5)
            {
                Add(MessageSender.Expert, $"@{manager.DisplayName} second late order from this customer this month, worth a call?", MessageKind.Note, JsonSerializer.Serialize(new[] { manager.Id }), expert);
            }

            Add(MessageSender.System, chat.EndReason == ChatEndReason.Expert ? $"{expert.DisplayName} closed the chat." : "The shopper ended the chat.");
            chat.EndedAt = at;
            chat.LastActivityAt = at;
            chat.ShopperReadSequence = sequence;
            chat.ExpertReadSequence = sequence;
            chat.RatedAt = rating is null ? null : at.AddMinutes(1);
            chats.Add(chat);
        }

        db.Chats.AddRange(chats);
        var rude = chats[20];
        db.BlockedShoppers.Add(new BlockedShopper
        {
            MerchantId = merchantId,
            ShopperId = rude.ShopperId,
            ShopperName = rude.ShopperName,
            ChatId = rude.Id,
            Reason = "Abusive language towards staff in two chats.",
            BlockedById = manager.Id,
            BlockedByName = manager.DisplayName,
            BlockedAt = rude.EndedAt!.Value.AddMinutes(5),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
