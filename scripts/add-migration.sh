#!/usr/bin/env bash
# Adds a migration with the same name for every database provider (SQLite and SQL Server).
# Usage: scripts/add-migration.sh AddSomething
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project VirtualShopping.Infrastructure \
    --startup-project VirtualShopping.Infrastructure \
    --context "${provider}VirtualShoppingDbContext" \
    --output-dir "Persistence/Migrations/${provider}"
done
