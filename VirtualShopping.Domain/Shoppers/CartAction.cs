namespace VirtualShopping.Domain.Shoppers;

/// <summary>What a cart event did, as the expert sees it in the conversation.</summary>
public enum CartAction
{
    Add = 0,
    Remove = 1,
}
