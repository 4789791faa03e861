using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Product cards in a conversation: sending a product of the merchant's catalog as a message of kind Product through
/// the same path as every other message (the chat's access rules, both sides pushed), with a share link of its own.
/// </summary>
public sealed class ChatProducts(IDbContextFactory<VirtualShoppingDbContext> contexts, ProductShares shares, ChatConversation conversation)
{
    public const string NoSuchProduct = "There is no such product.";

    /// <summary>
    /// Sends a product card in the chat as the expert who holds it: 404 for a product the merchant does not have (or a
    /// chat that is not the expert's). The card holds the product as it is now and a new share link (channel Chat, the
    /// chat's store and shopper), stored once the message is (a retried client message id keeps its first card and link). <paramref name="fromStoreApp"/>: the caller is checked
    /// against the database as for any Store App message.
    /// </summary>
    public async Task<ChatActionOutcome<MessageView>> SendAsync(Guid staffMemberId, string? expertName, Guid chatId, Guid productId, string? clientMessageId, bool fromStoreApp, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.NotFound, NoSuchProduct);
        }

        var chat = await db.Chats.AsNoTracking().Where(c => c.Id == chatId).Select(c => new { c.StoreId, c.ShopperId }).SingleOrDefaultAsync(cancellationToken);
        var token = ShareToken.Generate();
        var card = ProductCardView.Of(product, shares.LinkFor(token));
        var outcome = await conversation.PostProductAsync(staffMemberId, expertName, chatId, card, clientMessageId, fromStoreApp, cancellationToken);
        if (chat is not null && outcome.Value?.Product?.Url == card.Url)
        {
            await shares.CreateAsync(productId, staffMemberId, ShareChannel.Chat, chat.StoreId, chatId, chat.ShopperId, token, CancellationToken.None);
        }

        return outcome;
    }
}
