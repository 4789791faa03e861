using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShopperEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShopperCarts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShopperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopperCarts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShopperCarts_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShopperEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShopperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PageUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ChatId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PurchaseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PurchaseCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PurchaseSubtotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    PurchaseTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    PurchaseTax = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    PurchaseShipping = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Products = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopperEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShopperEvents_Chats_ChatId",
                        column: x => x.ChatId,
                        principalTable: "Chats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShopperEvents_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShopperCarts_MerchantId_ShopperId",
                table: "ShopperCarts",
                columns: new[] { "MerchantId", "ShopperId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShopperEvents_ChatId",
                table: "ShopperEvents",
                column: "ChatId");

            migrationBuilder.CreateIndex(
                name: "IX_ShopperEvents_MerchantId_PurchaseId",
                table: "ShopperEvents",
                columns: new[] { "MerchantId", "PurchaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopperEvents_MerchantId_ShopperId_OccurredAt",
                table: "ShopperEvents",
                columns: new[] { "MerchantId", "ShopperId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShopperCarts");

            migrationBuilder.DropTable(
                name: "ShopperEvents");
        }
    }
}
