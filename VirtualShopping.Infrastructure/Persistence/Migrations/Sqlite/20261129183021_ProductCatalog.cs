using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    MadeUnavailable = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductImports_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InFeed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenInImportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ImageLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SalePrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 70, nullable: true),
                    Gtin = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Mpn = table.Column<string>(type: "TEXT", maxLength: 70, nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProductType = table.Column<string>(type: "TEXT", maxLength: 750, nullable: true),
                    ItemGroupId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Color = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Products_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductImportRejections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PositionKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ProductId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductImportRejections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductImportRejections_ProductImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ProductImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StagedProducts",
                columns: table => new
                {
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ImageLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SalePrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 70, nullable: true),
                    Gtin = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Mpn = table.Column<string>(type: "TEXT", maxLength: 70, nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProductType = table.Column<string>(type: "TEXT", maxLength: 750, nullable: true),
                    ItemGroupId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Color = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedProducts", x => new { x.ImportId, x.ExternalId });
                    table.ForeignKey(
                        name: "FK_StagedProducts_ProductImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ProductImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductImportRejections_ImportId",
                table: "ProductImportRejections",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductImportRejections_MerchantId_ImportId_Position",
                table: "ProductImportRejections",
                columns: new[] { "MerchantId", "ImportId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductImports_MerchantId_StartedAt",
                table: "ProductImports",
                columns: new[] { "MerchantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_MerchantId_ExternalId",
                table: "Products",
                columns: new[] { "MerchantId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_MerchantId_ItemGroupId",
                table: "Products",
                columns: new[] { "MerchantId", "ItemGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_MerchantId_Title",
                table: "Products",
                columns: new[] { "MerchantId", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductImportRejections");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "StagedProducts");

            migrationBuilder.DropTable(
                name: "ProductImports");
        }
    }
}
