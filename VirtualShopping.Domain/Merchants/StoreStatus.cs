namespace VirtualShopping.Domain.Merchants;

public enum StoreStatus
{
    Active = 0,
    Inactive = 1,
}
