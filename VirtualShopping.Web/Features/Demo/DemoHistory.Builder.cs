using System.Globalization;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Products;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Demo;

public static partial class DemoHistory
{
    /// <summary>Monday first: shoppers chat most on Saturdays and Thursdays (late opening), least on Sundays.</summary>
    private static readonly double[] WeekdayFactor = [0.8, 1.0, 0.95, 1.0, 1.15, 0.9, 1.25];

    /// <summary>Chats by hour of the merchant's day, 08:00 to 22:00: a lunchtime peak and an evening one.</summary>
    private static readonly int[] HourWeight = [2, 4, 6, 8, 9, 9, 8, 7, 7, 7, 8, 9, 8, 5, 3];

    private const int FirstHour = 8;

    /// <summary>Per department (in the demo's order): how often shoppers choose it.</summary>
    private static readonly int[] DepartmentWeight = [25, 20, 22, 18, 15];

    private static readonly string[] FirstNames = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Noah", "Oliver", "George", "Leo", "Arthur", "Sofia", "Emma", "Lucas", "Louise", "Aino", "Eetu", "Hanna", "Jules", "Chloé", "Ethan", "Maya", "James", "Grace", "Ruby", "Harry", "Freya", "Oscar", "Ella", "Jack", "Zara"];

    private static readonly string[] LastNames = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Martin", "Bernard", "Virtanen", "Korhonen", "Dubois", "Johnson", "Walker", "Wright", "Patel", "Khan", "Murphy", "Lee", "Clarke", "Green"];

    private static readonly string[][] Openers =
    [
        ["Do you have the wool coat in navy, size 12?", "Is this dress true to size?", "What would go with a grey pleated skirt?", "Is the linen shirt see-through in white?"],
        ["Does the slim-fit blazer come in a 42 long?", "Are the chinos stretchy?", "I need a suit for a summer wedding, any ideas?", "Is the merino jumper itchy?"],
        ["Do the Trail Runner 2 run small?", "Are these boots waterproof?", "Can I get the loafers in a wide fit?", "Which running shoe is best for flat feet?"],
        ["Is the Summit 2 tent OK for Scotland in October?", "Which sleeping bag for summer camping?", "How heavy is the 40 litre pack?", "Is the down jacket warm enough for Lapland?"],
        ["My order hasn't arrived yet.", "How do I return something bought online?", "Can I change the delivery address?", "Is click and collect free?"],
    ];

    private static readonly string[] ExpertLines =
    [
        "Hi! Happy to help, let me check for you.",
        "Good question. Most people go half a size up in this one.",
        "We have it in stock here and online.",
        "I'd pair it with something simple, it's a statement piece.",
        "It's our best seller this season.",
        "I can reserve one for you in store if you like.",
        "Delivery is two to four working days, returns are free for 30 days.",
        "Here's the one I'd pick:",
    ];

    private static readonly string[] ShopperLines =
    [
        "Great, thanks!",
        "Does it come in other colours?",
        "How long does delivery take?",
        "Perfect, I'll order it now.",
        "Can I return it if it doesn't fit?",
        "OK, that helps a lot.",
    ];

    private static readonly string[] LeftMessageTexts =
    [
        "Could someone tell me if the navy coat is back in stock in a 10?",
        "I'd like advice on a tent for two for next month, please call back.",
        "Do you do alterations on trousers bought online?",
        "Is there a size guide for the kids' boots?",
    ];

    /// <summary>Builds the history's rows in memory, all from one seeded <see cref="Random"/>.</summary>
    private sealed class Builder(Guid merchantId, DateTimeOffset now, TimeZoneInfo zone, string currency, World world, ProductShares shares, Random random)
    {
        private const string TokenAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        private readonly List<Guid> returningShoppers = [];

        public List<Chat> Chats { get; } = [];

        public List<ChatOffer> Offers { get; } = [];

        public List<ChatMessage> Messages { get; } = [];

        public List<LeftMessage> LeftMessages { get; } = [];

        public List<ProductShare> Shares { get; } = [];

        public List<ProductShareClick> Clicks { get; } = [];

        /// <summary>Per claimed chat: whether a product card in it was clicked, and from which browser.</summary>
        private readonly Dictionary<Guid, (ProductShare Share, ProductShareClick Click)> clicked = [];

        private readonly List<(ProductShare Share, ProductShareClick Click)> oneOffClicks = [];

        private Guid NewId()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private int Weighted(IReadOnlyList<int> weights)
        {
            var roll = random.Next(weights.Sum());
            for (var i = 0; i < weights.Count; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i;
                }
            }

            return weights.Count - 1;
        }

        private string NewToken() => new(Enumerable.Range(0, ShareToken.Length).Select(_ => TokenAlphabet[random.Next(TokenAlphabet.Length)]).ToArray());

        private DateTimeOffset Utc(DateOnly day, int hour, int minute, int second) =>
            new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute, second)), zone), TimeSpan.Zero);

        public void AddChats(DateOnly from, DateOnly today)
        {
            var days = today.DayNumber - from.DayNumber;
            for (var day = from; day <= today; day = day.AddDays(1))
            {
                // A business that grows: from about 85% of today's volume four months ago.
                var growth = 0.85 + (0.3 * (day.DayNumber - from.DayNumber) / days);
                var expected = ChatsPerDay * WeekdayFactor[((int)day.DayOfWeek + 6) % 7] * growth * (0.8 + (0.4 * random.NextDouble()));
                var count = (int)Math.Round(expected);
                for (var i = 0; i < count; i++)
                {
                    var started = Utc(day, FirstHour + Weighted(HourWeight), random.Next(60), random.Next(60));
                    if (started < now.AddHours(-1))
                    {
                        AddChat(started);
                    }
                }
            }
        }

        private void AddChat(DateTimeOffset started)
        {
            var department = world.Departments[Weighted(DepartmentWeight.Take(world.Departments.Count).ToList())];
            var candidates = world.Experts.Where(e => e.Departments.Contains(department.Id) && e.Store.IsOpenAt(started)).ToList();
            var shopperId = returningShoppers.Count > 20 && random.NextDouble() < 0.12 ? Pick(returningShoppers) : NewId();
            var name = $"{Pick(FirstNames)} {Pick(LastNames)}";
            if (candidates.Count == 0)
            {
                // Out of hours: about half the shoppers leave a message.
                if (random.NextDouble() < 0.5)
                {
                    AddLeftMessage(null, shopperId, department.Id, name, LeftMessageReason.OutOfHours, started);
                }

                return;
            }

            var chat = new Chat
            {
                Id = NewId(), MerchantId = merchantId, ShopperId = shopperId, ShopperName = random.NextDouble() < 0.8 ? name : null, DepartmentId = department.Id,
                Language = "en", PageUrl = "https://www.demo-outfitters.example/" + department.Name.ToLowerInvariant().Replace(' ', '-'),
                StartedAt = started, QueuedAt = started, ClaimDeadline = started.AddSeconds(90), TranscriptQueued = true,
            };
            Chats.Add(chat);
            var sequence = 0;
            ChatMessage Say(MessageSender sender, string text, DateTimeOffset at, Expert? expert = null, MessageKind kind = MessageKind.Text, string? data = null)
            {
                var message = new ChatMessage
                {
                    Id = NewId(), MerchantId = merchantId, ChatId = chat.Id, Sequence = ++sequence, Sender = sender, Kind = kind, Text = text, Data = data, SentAt = at,
                    StaffMemberId = sender == MessageSender.Expert ? expert?.Id : null, AuthorName = sender == MessageSender.Expert ? expert?.Name : null,
                };
                Messages.Add(message);
                return message;
            }

            var departmentIndex = world.Departments.FindIndex(d => d.Id == department.Id);
            Say(MessageSender.Shopper, Pick(Openers[Math.Min(departmentIndex, Openers.Length - 1)]), started.AddSeconds(2));
            var offered = candidates.OrderBy(_ => random.Next()).Take(3).ToList();

            // About one chat in twelve is missed: every wave runs out or is declined.
            if (random.NextDouble() < 0.08)
            {
                for (var wave = 0; wave < 3; wave++)
                {
                    foreach (var expert in offered)
                    {
                        var declined = random.NextDouble() < 0.25;
                        var offeredAt = started.AddSeconds(15 * wave);
                        Offers.Add(NewOffer(chat, expert, wave, offeredAt, declined ? OfferStatus.Declined : OfferStatus.Expired,
                            declined ? offeredAt.AddSeconds(random.Next(2, 12)) : offeredAt.AddSeconds(15)));
                    }
                }

                chat.Status = ChatStatus.Missed;
                chat.WavesSent = 3;
                chat.EndedAt = chat.ClaimDeadline;
                chat.LastActivityAt = started.AddSeconds(2);
                if (random.NextDouble() < 0.55)
                {
                    AddLeftMessage(chat.Id, shopperId, department.Id, name, LeftMessageReason.MissedChat, chat.ClaimDeadline.AddSeconds(random.Next(20, 120)));
                }

                return;
            }

            // Claimed, mostly in the first wave; earlier waves ran out or were declined, the rest of the claiming wave withdrawn.
            var claimWave = random.NextDouble() switch { < 0.75 => 0, < 0.93 => 1, _ => 2 };
            var claimer = offered[random.Next(offered.Count)];
            var claimedAt = started.AddSeconds((15 * claimWave) + random.Next(2, 13));
            for (var wave = 0; wave <= claimWave; wave++)
            {
                var offeredAt = started.AddSeconds(15 * wave);
                foreach (var expert in offered)
                {
                    if (wave == claimWave && expert == claimer)
                    {
                        Offers.Add(NewOffer(chat, expert, wave, offeredAt, OfferStatus.Claimed, claimedAt));
                    }
                    else if (wave < claimWave)
                    {
                        var declined = random.NextDouble() < 0.3;
                        Offers.Add(NewOffer(chat, expert, wave, offeredAt, declined ? OfferStatus.Declined : OfferStatus.Expired,
                            declined ? offeredAt.AddSeconds(random.Next(2, 12)) : offeredAt.AddSeconds(15)));
                    }
                    else
                    {
                        Offers.Add(NewOffer(chat, expert, wave, offeredAt, OfferStatus.Withdrawn, claimedAt));
                    }
                }
            }

            chat.WavesSent = claimWave + 1;
            chat.Status = ChatStatus.Ended;
            chat.ClaimedAt = claimedAt;
            var holder = claimer;
            Say(MessageSender.System, $"{holder.Name} joined the chat.", claimedAt);

            // First response: usually 10–40 seconds after the claim, sometimes over a minute.
            var at = claimedAt.AddSeconds(random.NextDouble() < 0.85 ? random.Next(8, 41) : random.Next(45, 150));
            Say(MessageSender.Expert, ExpertLines[0], at, holder);
            var lines = random.Next(1, 5);
            for (var line = 0; line < lines; line++)
            {
                at = at.AddSeconds(random.Next(25, 150));
                Say(MessageSender.Shopper, Pick(ShopperLines), at);
                at = at.AddSeconds(random.Next(20, 120));
                Say(MessageSender.Expert, ExpertLines[1 + random.Next(ExpertLines.Length - 1)], at, holder);

                // A handful of chats are handed to a teammate in another store who serves the same need.
                if (line == 0 && random.NextDouble() < 0.04
                    && world.Experts.Where(e => e != holder && e.Store.Id != holder.Store.Id && e.Departments.Contains(department.Id) && e.Store.IsOpenAt(at)).ToList() is { Count: > 0 } teammates)
                {
                    var next = Pick(teammates);
                    at = at.AddSeconds(random.Next(20, 60));
                    Offers.Add(new ChatOffer
                    {
                        Id = NewId(), MerchantId = merchantId, ChatId = chat.Id, StaffMemberId = next.Id, Wave = 0, OfferedAt = at.AddSeconds(-random.Next(3, 12)),
                        ExpiresAt = at.AddSeconds(15), Status = OfferStatus.Claimed, RespondedAt = at, Kind = OfferKind.Transfer, RequestedById = holder.Id, RequestedByName = holder.Name,
                    });
                    Say(MessageSender.System, TransferPolicy.TookOverLine(next.Name, holder.Name), at);
                    holder = next;
                }
            }

            // A product card in about a quarter of the shopping chats; most are opened.
            if (departmentIndex < 4 && world.Products.Count > 0 && random.NextDouble() < 0.25)
            {
                at = at.AddSeconds(random.Next(20, 90));
                var product = Pick(world.Products);
                var token = NewToken();
                var card = ProductCardView.Of(product, shares.LinkFor(token));
                Say(MessageSender.Expert, card.ToText(), at, holder, MessageKind.Product, card.ToData());
                var share = new ProductShare
                {
                    Id = NewId(), MerchantId = merchantId, Token = token, ProductId = product.Id, StaffMemberId = holder.Id, StoreId = holder.Store.Id,
                    Channel = ShareChannel.Chat, ChatId = chat.Id, ShopperId = shopperId, CreatedAt = at,
                };
                Shares.Add(share);
                if (random.NextDouble() < 0.7)
                {
                    var click = new ProductShareClick
                    {
                        Id = NewId(), MerchantId = merchantId, ShareId = share.Id, ProductId = product.Id, StaffMemberId = holder.Id, StoreId = holder.Store.Id,
                        ShopperId = shopperId, BrowserId = "demo-" + chat.Id.ToString("N")[..16], ClickedAt = at.AddSeconds(random.Next(5, 600)),
                    };
                    Clicks.Add(click);
                    clicked[chat.Id] = (share, click);
                }
            }

            at = at.AddSeconds(random.Next(30, 180));
            chat.EndReason = random.NextDouble() switch { < 0.5 => ChatEndReason.Shopper, < 0.85 => ChatEndReason.Expert, _ => ChatEndReason.Idle };
            Say(MessageSender.System, chat.EndReason == ChatEndReason.Expert ? $"{holder.Name} closed the chat." : "The shopper ended the chat.", at);
            chat.ExpertId = holder.Id;
            chat.ExpertName = holder.Name;
            chat.ExpertStoreName = holder.Store.Name;
            chat.StoreId = holder.Store.Id;
            chat.EndedAt = at;
            chat.LastActivityAt = at;
            chat.ShopperReadSequence = sequence;
            chat.ExpertReadSequence = sequence;
            if (random.NextDouble() < 0.3)
            {
                chat.ShopperEmail = $"{name.Replace(' ', '.').ToLowerInvariant()}{random.Next(10, 99)}@example.com";
            }

            if (random.NextDouble() < 0.6)
            {
                chat.Rating = random.Next(100) switch { < 52 => 5, < 82 => 4, < 92 => 3, < 96 => 2, _ => 1 };
                chat.RatedAt = at.AddSeconds(random.Next(10, 90));
            }

            returningShoppers.Add(shopperId);
        }

        private ChatOffer NewOffer(Chat chat, Expert expert, int wave, DateTimeOffset offeredAt, OfferStatus status, DateTimeOffset respondedAt) => new()
        {
            Id = NewId(), MerchantId = merchantId, ChatId = chat.Id, StaffMemberId = expert.Id, Wave = wave, OfferedAt = offeredAt, ExpiresAt = offeredAt.AddSeconds(15),
            Status = status, RespondedAt = respondedAt,
        };

        private void AddLeftMessage(Guid? chatId, Guid shopperId, Guid departmentId, string name, LeftMessageReason reason, DateTimeOffset at)
        {
            var message = new LeftMessage
            {
                Id = NewId(), MerchantId = merchantId, ShopperId = shopperId, ChatId = chatId, DepartmentId = departmentId, Reason = reason, Name = name,
                Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com", Text = Pick(LeftMessageTexts), Language = "en", CreatedAt = at,
            };

            // Most are answered within a day; the latest may still wait.
            var answered = at.AddMinutes(random.Next(20, 24 * 60));
            if (answered < now && random.NextDouble() < 0.85)
            {
                var expert = Pick(world.Experts);
                message.AnsweredAt = answered;
                message.Replies.Add(new LeftMessageReply
                {
                    Id = NewId(), MerchantId = merchantId, Channel = ReplyChannel.Email, Text = $"Hi {name.Split(' ')[0]}, thanks for your message. Yes, we can help with that.",
                    StaffMemberId = expert.Id, AuthorName = expert.Name, CreatedAt = answered, Delivery = ReplyDelivery.Sent, SentAt = answered, Attempts = 1,
                    LinkTokenHash = Convert.ToHexStringLower(NewId().ToByteArray()) + Convert.ToHexStringLower(NewId().ToByteArray()), LinkExpiresAt = answered.AddDays(7),
                });
            }

            LeftMessages.Add(message);
        }

        /// <summary>Links experts sent outside chats (text message, email, QR code in store), and their clicks from a browser.</summary>
        public void AddOneOffShares(DateOnly from, DateOnly today)
        {
            if (world.Products.Count == 0 || world.Experts.Count == 0)
            {
                return;
            }

            for (var day = from; day <= today; day = day.AddDays(1))
            {
                for (var i = random.Next(0, 3); i > 0; i--)
                {
                    var at = Utc(day, 10 + random.Next(9), random.Next(60), random.Next(60));
                    if (at >= now)
                    {
                        continue;
                    }

                    var expert = Pick(world.Experts);
                    var product = Pick(world.Products);
                    var share = new ProductShare
                    {
                        Id = NewId(), MerchantId = merchantId, Token = NewToken(), ProductId = product.Id, StaffMemberId = expert.Id, StoreId = expert.Store.Id,
                        Channel = Pick(new[] { ShareChannel.Sms, ShareChannel.Email, ShareChannel.Qr, ShareChannel.Link }), CreatedAt = at,
                    };
                    Shares.Add(share);
                    var clickedAt = at.AddMinutes(random.Next(2, 600));
                    if (clickedAt < now && random.NextDouble() < 0.75)
                    {
                        var click = new ProductShareClick
                        {
                            Id = NewId(), MerchantId = merchantId, ShareId = share.Id, ProductId = product.Id, StaffMemberId = expert.Id, StoreId = expert.Store.Id,
                            BrowserId = "demo-" + share.Id.ToString("N")[..16], ClickedAt = clickedAt,
                        };
                        Clicks.Add(click);
                        oneOffClicks.Add((share, click));
                    }
                }
            }
        }

        /// <summary>
        /// The orders: about 35% of claimed chats lead to one within days (a few only after the window), some link clicks do
        /// too, and more than as many again come with no touch at all. The second item says which chat led to it, if any.
        /// </summary>
        public List<(Order Order, Chat? Chat)> Orders(DateOnly from, DateOnly today)
        {
            var orders = new List<(Order, Chat?)>();
            var number = 100_001;
            var pending = new List<(DateTimeOffset Placed, Func<DateTimeOffset, Order> Make, Chat? Chat)>();
            foreach (var chat in Chats.Where(c => c.Status == ChatStatus.Ended))
            {
                var hasClick = clicked.TryGetValue(chat.Id, out var click);
                if (random.NextDouble() >= (hasClick ? 0.55 : 0.32))
                {
                    continue;
                }

                var delay = random.Next(100) switch
                {
                    < 40 => TimeSpan.FromMinutes(random.Next(10, 360)),
                    < 75 => TimeSpan.FromHours(random.Next(24, 7 * 24)),
                    < 95 => TimeSpan.FromHours(random.Next(7 * 24, 25 * 24)),
                    _ => TimeSpan.FromDays(random.Next(31, 45)),
                };
                var placed = chat.EndedAt!.Value + delay;
                var roll = random.NextDouble();
                (OrderSource Source, Guid? ShopperId, string? Email, string? Token, string? Browser) how =
                    hasClick && roll < 0.3 ? (OrderSource.Shopify, null, null, click.Share.Token, null)
                    : chat.ShopperEmail is { } given && roll < 0.6 ? (random.NextDouble() < 0.6 ? OrderSource.Shopify : OrderSource.Api, null, given, null, null)
                    : (OrderSource.Widget, chat.ShopperId, null, null, null);
                pending.Add((placed, at => NewOrder(how.Source, at, how.ShopperId, how.Email, how.Token, how.Browser), chat));
            }

            foreach (var (share, click) in oneOffClicks.Where(_ => random.NextDouble() < 0.4))
            {
                var placed = click.ClickedAt.AddMinutes(random.Next(5, 5 * 24 * 60));
                var viaToken = random.NextDouble() < 0.5;
                pending.Add((placed, at => NewOrder(viaToken ? OrderSource.Shopify : OrderSource.Api, at, null, null, viaToken ? share.Token : null, viaToken ? null : click.BrowserId), null));
            }

            // Orders nobody in the stores touched: the site's own sales, at least as many again.
            var attributable = pending.Count;
            var days = today.DayNumber - from.DayNumber + 1;
            for (var i = 0; i < attributable * 13 / 10; i++)
            {
                var day = from.AddDays(random.Next(days));
                var placed = Utc(day, FirstHour + Weighted(HourWeight), random.Next(60), random.Next(60));
                var source = random.Next(100) switch { < 45 => OrderSource.Shopify, < 75 => OrderSource.Widget, _ => OrderSource.Api };
                var email = random.NextDouble() < 0.3 ? $"{Pick(FirstNames).ToLowerInvariant()}{random.Next(1000, 9999)}@example.net" : null;
                pending.Add((placed, at => NewOrder(source, at, source == OrderSource.Widget ? NewId() : null, email, null, null), null));
            }

            foreach (var (placed, make, chat) in pending.Where(p => p.Placed < now).OrderBy(p => p.Placed))
            {
                var order = make(placed);
                order.ExternalId = "DO-" + number++.ToString(CultureInfo.InvariantCulture);
                orders.Add((order, chat));
            }

            return orders;
        }

        private Order NewOrder(OrderSource source, DateTimeOffset placed, Guid? shopperId, string? email, string? token, string? browserId)
        {
            var lines = random.Next(100) switch { < 60 => 1, < 88 => 2, _ => 3 };
            var subtotal = 0m;
            for (var i = 0; i < lines; i++)
            {
                var product = world.Products.Count == 0 ? null : Pick(world.Products);
                subtotal += product is null ? 49.95m : product.SalePrice is { } sale && sale < product.Price ? sale : product.Price;
            }

            // A few orders in euros from the Paris shop front: counted, not summed with the pounds.
            var orderCurrency = random.NextDouble() < 0.03 && currency != "EUR" ? "EUR" : currency;
            var tax = Math.Round(subtotal * 0.2m, 2, MidpointRounding.AwayFromZero);
            var shipping = subtotal >= 50m ? 0m : 4.95m;
            return new Order
            {
                Id = NewId(), MerchantId = merchantId, ExternalId = string.Empty, Source = source, Currency = orderCurrency, Subtotal = subtotal, Tax = tax, Shipping = shipping,
                Total = subtotal + tax + shipping, PlacedAt = placed, ReceivedAt = placed.AddSeconds(random.Next(1, 20)), ShopperId = shopperId,
                BrowserId = browserId, CustomerEmailHash = ShopperEmailHash.Of(email), ShareToken = token,
            };
        }

        /// <summary>Refunds (partial and full) and cancellations after the orders, before now; each also as its adjustment row.</summary>
        public List<OrderAdjustment> Adjust(IReadOnlyList<(Order Order, Chat? Chat)> orders)
        {
            var adjustments = new List<OrderAdjustment>();
            foreach (var (order, _) in orders)
            {
                var roll = random.NextDouble();
                var at = order.PlacedAt.AddHours(random.Next(2, 20 * 24));
                if (at >= now || roll >= 0.14)
                {
                    continue;
                }

                if (roll < 0.02)
                {
                    order.Cancel(at);
                    adjustments.Add(Adjustment(order, OrderAdjustmentKind.Cancellation, "cancel", 0m, at));
                    continue;
                }

                var amount = roll < 0.06 ? order.Subtotal : Math.Round(order.Subtotal * (decimal)(0.2 + (0.5 * random.NextDouble())), 2, MidpointRounding.AwayFromZero);
                order.Refund(amount);
                adjustments.Add(Adjustment(order, OrderAdjustmentKind.Refund, "R-" + order.ExternalId, amount, at));
            }

            return adjustments;
        }

        private OrderAdjustment Adjustment(Order order, OrderAdjustmentKind kind, string externalId, decimal amount, DateTimeOffset at) => new()
        {
            Id = NewId(), MerchantId = merchantId, OrderId = order.Id, Kind = kind, ExternalId = externalId, Amount = amount, OccurredAt = at,
            ReceivedAt = at.AddSeconds(random.Next(1, 30)), Source = order.Source,
        };
    }
}
