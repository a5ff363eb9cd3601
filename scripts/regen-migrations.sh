#!/usr/bin/env bash
# Regenerates the drizzle migrations from the schema files as one initial migration.
# Nothing is deployed yet, so one clean migration beats a pile of development steps.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/baove-drizzle.lock
flock 9
rm -rf drizzle
npx drizzle-kit generate --name init >/dev/null
echo "migrations regenerated: $(ls drizzle/*.sql)"
