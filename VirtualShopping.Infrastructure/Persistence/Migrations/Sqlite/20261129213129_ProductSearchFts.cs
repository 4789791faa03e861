using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: the product picker's search index, an FTS5 table with the trigram tokenizer (case-insensitive substring
    /// matches of 3+ characters) over each product's title, brand, GTIN and feed id, with the merchant and "in the feed"
    /// carried (not indexed) so the picker ranks a page from it alone. Its rowid is the product row's rowid; triggers keep it
    /// in step with Products (also through the importer's set-based INSERT … SELECT and ExecuteUpdate); existing rows are
    /// copied in. The model knows nothing of it (no entity): SQL Server keeps the LIKE search.
    /// </summary>
    public partial class ProductSearchFts : Migration
    {
        /// <summary>The statements, also used by tests and a rebuild.</summary>
        public static readonly string[] UpStatements =
        [
            """CREATE VIRTUAL TABLE "ProductSearchFts" USING fts5("ProductId" UNINDEXED, "MerchantId" UNINDEXED, "InFeed" UNINDEXED, "Title", "Brand", "Gtin", "ExternalId", tokenize = 'trigram')""",
            """INSERT INTO "ProductSearchFts" (rowid, "ProductId", "MerchantId", "InFeed", "Title", "Brand", "Gtin", "ExternalId") SELECT rowid, "Id", "MerchantId", "InFeed", "Title", "Brand", "Gtin", "ExternalId" FROM "Products" """,
            """
            CREATE TRIGGER "Products_SearchFts_Insert" AFTER INSERT ON "Products" BEGIN
                INSERT INTO "ProductSearchFts" (rowid, "ProductId", "MerchantId", "InFeed", "Title", "Brand", "Gtin", "ExternalId")
                VALUES (NEW.rowid, NEW."Id", NEW."MerchantId", NEW."InFeed", NEW."Title", NEW."Brand", NEW."Gtin", NEW."ExternalId");
            END
            """,
            """
            CREATE TRIGGER "Products_SearchFts_Update" AFTER UPDATE OF "Id", "MerchantId", "InFeed", "Title", "Brand", "Gtin", "ExternalId" ON "Products"
            WHEN OLD."Id" IS NOT NEW."Id" OR OLD."MerchantId" IS NOT NEW."MerchantId" OR OLD."InFeed" IS NOT NEW."InFeed" OR OLD."Title" IS NOT NEW."Title"
                OR OLD."Brand" IS NOT NEW."Brand" OR OLD."Gtin" IS NOT NEW."Gtin" OR OLD."ExternalId" IS NOT NEW."ExternalId"
            BEGIN
                DELETE FROM "ProductSearchFts" WHERE rowid = OLD.rowid;
                INSERT INTO "ProductSearchFts" (rowid, "ProductId", "MerchantId", "InFeed", "Title", "Brand", "Gtin", "ExternalId")
                VALUES (NEW.rowid, NEW."Id", NEW."MerchantId", NEW."InFeed", NEW."Title", NEW."Brand", NEW."Gtin", NEW."ExternalId");
            END
            """,
            """
            CREATE TRIGGER "Products_SearchFts_Delete" AFTER DELETE ON "Products" BEGIN
                DELETE FROM "ProductSearchFts" WHERE rowid = OLD.rowid;
            END
            """,
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in UpStatements)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Products_SearchFts_Delete" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Products_SearchFts_Update" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Products_SearchFts_Insert" """);
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ProductSearchFts" """);
        }
    }
}
