using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductFavourites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductFavourites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductFavourites_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductFavourites_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductFavourites_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ChatId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ShopperId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductShares_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductShares_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductShareClicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ShopperId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BrowserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ClickedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductShareClicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductShareClicks_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductShareClicks_ProductShares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "ProductShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductFavourites_MerchantId_StaffMemberId_ProductId",
                table: "ProductFavourites",
                columns: new[] { "MerchantId", "StaffMemberId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductFavourites_ProductId",
                table: "ProductFavourites",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductFavourites_StaffMemberId",
                table: "ProductFavourites",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShareClicks_MerchantId_BrowserId_ClickedAt",
                table: "ProductShareClicks",
                columns: new[] { "MerchantId", "BrowserId", "ClickedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductShareClicks_MerchantId_ShareId_ClickedAt",
                table: "ProductShareClicks",
                columns: new[] { "MerchantId", "ShareId", "ClickedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductShareClicks_ShareId",
                table: "ProductShareClicks",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShares_MerchantId_ChatId",
                table: "ProductShares",
                columns: new[] { "MerchantId", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductShares_MerchantId_StaffMemberId_CreatedAt",
                table: "ProductShares",
                columns: new[] { "MerchantId", "StaffMemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductShares_ProductId",
                table: "ProductShares",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductShares_Token",
                table: "ProductShares",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductFavourites");

            migrationBuilder.DropTable(
                name: "ProductShareClicks");

            migrationBuilder.DropTable(
                name: "ProductShares");
        }
    }
}
