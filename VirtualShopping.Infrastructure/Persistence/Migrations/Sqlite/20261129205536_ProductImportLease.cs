using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductImportLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "ProductImports",
                type: "INTEGER",
                nullable: true);

            // Imports left Running by an app that stopped mid-import: failed, their staged rows deleted (the unique
            // index below allows one Running import per merchant).
            migrationBuilder.Sql("DELETE FROM [StagedProducts] WHERE [ImportId] IN (SELECT [Id] FROM [ProductImports] WHERE [Status] = 'Running');");
            migrationBuilder.Sql("UPDATE [ProductImports] SET [Status] = 'Failed', [Error] = 'The app stopped before this import finished; nothing was applied.', [FinishedAt] = [StartedAt], [Created] = 0, [Updated] = 0, [Unchanged] = 0, [MadeUnavailable] = 0 WHERE [Status] = 'Running';");

            migrationBuilder.CreateIndex(
                name: "IX_ProductImports_MerchantId_Running",
                table: "ProductImports",
                column: "MerchantId",
                unique: true,
                filter: "[Status] = 'Running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductImports_MerchantId_Running",
                table: "ProductImports");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ProductImports");
        }
    }
}
