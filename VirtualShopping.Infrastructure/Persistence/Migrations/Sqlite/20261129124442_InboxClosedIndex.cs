using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxClosedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_MerchantId_Status_StartedAt",
                table: "Chats");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_MerchantId_Status_ArchivedAt_StartedAt",
                table: "Chats",
                columns: new[] { "MerchantId", "Status", "ArchivedAt", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_MerchantId_Status_ArchivedAt_StartedAt",
                table: "Chats");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_MerchantId_Status_StartedAt",
                table: "Chats",
                columns: new[] { "MerchantId", "Status", "StartedAt" });
        }
    }
}
