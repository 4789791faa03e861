using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InboxActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedReplies_MerchantId_Language_Shortcut",
                table: "SavedReplies");

            migrationBuilder.DropIndex(
                name: "IX_ChatOffers_ChatId_StaffMemberId",
                table: "ChatOffers");

            migrationBuilder.AddColumn<Guid>(
                name: "StaffMemberId",
                table: "SavedReplies",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Chats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmailedThroughSequence",
                table: "Chats",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsPriority",
                table: "Chats",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QueuedAt",
                table: "Chats",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Chats already in the database entered the queue when they started.
            migrationBuilder.Sql("UPDATE [Chats] SET [QueuedAt] = [StartedAt]");

            migrationBuilder.AddColumn<Guid>(
                name: "StoreId",
                table: "Chats",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChatOffers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Routing");

            migrationBuilder.AddColumn<Guid>(
                name: "RequestedById",
                table: "ChatOffers",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedByName",
                table: "ChatOffers",
                type: "nvarchar(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BlockedShoppers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ShopperId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmailHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ShopperName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    ChatId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    BlockedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BlockedByName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UnblockedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UnblockedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedShoppers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BlockedShoppers_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_MerchantId_Language_Shortcut",
                table: "SavedReplies",
                columns: new[] { "MerchantId", "Language", "Shortcut" },
                unique: true,
                filter: "[StaffMemberId] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_MerchantId_StaffMemberId_Language_Shortcut",
                table: "SavedReplies",
                columns: new[] { "MerchantId", "StaffMemberId", "Language", "Shortcut" },
                unique: true,
                filter: "[StaffMemberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_StaffMemberId",
                table: "SavedReplies",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_MerchantId_IsPriority_Status",
                table: "Chats",
                columns: new[] { "MerchantId", "IsPriority", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_MerchantId_Status_StartedAt",
                table: "Chats",
                columns: new[] { "MerchantId", "Status", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_MerchantId_StoreId_Status",
                table: "Chats",
                columns: new[] { "MerchantId", "StoreId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_StoreId",
                table: "Chats",
                column: "StoreId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatOffers_ChatId_StaffMemberId",
                table: "ChatOffers",
                columns: new[] { "ChatId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_BlockedShoppers_MerchantId_EmailHash",
                table: "BlockedShoppers",
                columns: new[] { "MerchantId", "EmailHash" });

            migrationBuilder.CreateIndex(
                name: "IX_BlockedShoppers_MerchantId_ShopperId",
                table: "BlockedShoppers",
                columns: new[] { "MerchantId", "ShopperId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Chats_Stores_StoreId",
                table: "Chats",
                column: "StoreId",
                principalTable: "Stores",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SavedReplies_StaffMembers_StaffMemberId",
                table: "SavedReplies",
                column: "StaffMemberId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Chats_Stores_StoreId",
                table: "Chats");

            migrationBuilder.DropForeignKey(
                name: "FK_SavedReplies_StaffMembers_StaffMemberId",
                table: "SavedReplies");

            migrationBuilder.DropTable(
                name: "BlockedShoppers");

            migrationBuilder.DropIndex(
                name: "IX_SavedReplies_MerchantId_Language_Shortcut",
                table: "SavedReplies");

            migrationBuilder.DropIndex(
                name: "IX_SavedReplies_MerchantId_StaffMemberId_Language_Shortcut",
                table: "SavedReplies");

            migrationBuilder.DropIndex(
                name: "IX_SavedReplies_StaffMemberId",
                table: "SavedReplies");

            migrationBuilder.DropIndex(
                name: "IX_Chats_MerchantId_IsPriority_Status",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_MerchantId_Status_StartedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_MerchantId_StoreId_Status",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_StoreId",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_ChatOffers_ChatId_StaffMemberId",
                table: "ChatOffers");

            migrationBuilder.DropColumn(
                name: "StaffMemberId",
                table: "SavedReplies");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "EmailedThroughSequence",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "IsPriority",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "QueuedAt",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "StoreId",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ChatOffers");

            migrationBuilder.DropColumn(
                name: "RequestedById",
                table: "ChatOffers");

            migrationBuilder.DropColumn(
                name: "RequestedByName",
                table: "ChatOffers");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_MerchantId_Language_Shortcut",
                table: "SavedReplies",
                columns: new[] { "MerchantId", "Language", "Shortcut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatOffers_ChatId_StaffMemberId",
                table: "ChatOffers",
                columns: new[] { "ChatId", "StaffMemberId" },
                unique: true);
        }
    }
}
