// Loads the commune map (content/map/) into the database: current and pre-2025 units and the
// old→new links. Idempotent: a content hash in `meta` makes a repeat run a quick no-op, and a
// changed map replaces the tables in one transaction. Data errors are reported, never thrown.
import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { meta } from '../db/schema/core';
import { mapCommunes, mapNames, mapOldCommunes, mapOldDistricts, mapOldProvinces, mapOldToNew, mapProvinces, mapResolverUnits } from '../db/schema/routing';
import { withTransaction } from '../db/tx';
import { MAP_NAME_MAX_TOKENS_KEY, resolverRows } from './db-resolve';
import { defaultAddressWords } from './address-words';
import { buildMapIndex } from './map-index';
import { parseMapFiles, readMapFiles, type ParsedMap } from './map-records';

export const MAP_IMPORT_HASH_KEY = 'map_import_hash';
/** Bump when the import itself changes shape, so an old import is redone. */
// v2: map_names and map_resolver_units for Workers; v3: Roman-numeral and "Phan Rang"-style name variants.
const IMPORT_VERSION = 'map-import-v5'; // v4: HCM district initials, glued-word tokenising; v5: fuzzy pools for the database resolver
const BATCH = 500;

export interface CommuneMapImport {
  provinces: number;
  communes: number;
  oldCommunes: number;
  mappings: number;
  errors: string[];
}

async function tableCounts(db: Db): Promise<{ provinces: number; communes: number; oldCommunes: number; mappings: number }> {
  const [[p], [c], [o], [m]] = await Promise.all([
    db.select({ n: count() }).from(mapProvinces),
    db.select({ n: count() }).from(mapCommunes),
    db.select({ n: count() }).from(mapOldCommunes),
    db.select({ n: count() }).from(mapOldToNew),
  ]);
  return { provinces: p?.n ?? 0, communes: c?.n ?? 0, oldCommunes: o?.n ?? 0, mappings: m?.n ?? 0 };
}

async function insertBatches<T>(
  items: T[],
  insert: (rows: T[]) => Promise<unknown>,
  what: string,
  log: (line: string) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    await insert(items.slice(i, i + BATCH));
    const done = Math.min(items.length, i + BATCH);
    if (done === items.length || (done / BATCH) % 10 === 0) log(`commune map: ${what} ${done}/${items.length}`);
  }
}

export async function importCommuneMap(db: Db, dir: string, log: (line: string) => void): Promise<CommuneMapImport> {
  let parsed: ParsedMap;
  let hash: string;
  try {
    const raw = readMapFiles(dir);
    const words = defaultAddressWords(); // its province and district aliases become names too
    hash = createHash('sha256')
      .update(IMPORT_VERSION)
      .update(raw.current).update('\0').update(raw.old).update('\0').update(raw.oldToNew).update('\0')
      .update(JSON.stringify([words.provinceAliases, words.oldProvinceAliases, words.oldDistrictAliases]))
      .digest('hex');
    parsed = parseMapFiles(raw);
  } catch (err) {
    const message = `commune map: cannot read the map files in ${dir}: ${err instanceof Error ? err.message : String(err)}`;
    log(message);
    return { provinces: 0, communes: 0, oldCommunes: 0, mappings: 0, errors: [message] };
  }
  const { records, errors, notes } = parsed;
  for (const error of errors) log(`commune map: data error: ${error}`);
  const expected = {
    provinces: records.provinces.length,
    communes: records.communes.length,
    oldCommunes: records.oldCommunes.length,
    mappings: records.mappings.length,
  };

  const [stored] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, MAP_IMPORT_HASH_KEY));
  if (stored?.value === hash) {
    const present = await tableCounts(db);
    if (JSON.stringify(present) === JSON.stringify(expected)) {
      log(`commune map: already imported (${expected.provinces} provinces, ${expected.communes} communes), nothing to do`);
      return { ...expected, errors };
    }
    log('commune map: tables differ from the recorded import, importing again');
  }
  for (const note of notes) log(`commune map: note: ${note}`);
  // The resolver's own tables (names by folded key, units with their links) for lookups on Workers.
  const resolver = resolverRows(buildMapIndex(records));

  await withTransaction(db, async (tx) => {
    await tx.delete(mapNames);
    await tx.delete(mapResolverUnits);
    await tx.delete(mapOldToNew);
    await tx.delete(mapOldCommunes);
    await tx.delete(mapOldDistricts);
    await tx.delete(mapOldProvinces);
    await tx.delete(mapCommunes);
    await tx.delete(mapProvinces);
    await insertBatches(records.provinces, (rows) => tx.insert(mapProvinces).values(rows), 'provinces', log);
    await insertBatches(records.communes, (rows) => tx.insert(mapCommunes).values(rows), 'communes', log);
    await insertBatches(records.oldProvinces, (rows) => tx.insert(mapOldProvinces).values(rows), 'pre-2025 provinces', log);
    await insertBatches(records.oldDistricts, (rows) => tx.insert(mapOldDistricts).values(rows), 'pre-2025 districts', log);
    await insertBatches(records.oldCommunes, (rows) => tx.insert(mapOldCommunes).values(rows), 'pre-2025 communes', log);
    await insertBatches(records.mappings, (rows) => tx.insert(mapOldToNew).values(rows), 'old→new links', log);
    await insertBatches(resolver.names, (rows) => tx.insert(mapNames).values(rows), 'names', log);
    await insertBatches(resolver.units, (rows) => tx.insert(mapResolverUnits).values(rows), 'resolver units', log);
    const maxTokens = String(resolver.maxNameTokens);
    await tx
      .insert(meta)
      .values({ key: MAP_NAME_MAX_TOKENS_KEY, value: maxTokens })
      .onConflictDoUpdate({ target: meta.key, set: { value: maxTokens, updatedAt: sql`(unixepoch() * 1000)` } });
    await tx
      .insert(meta)
      .values({ key: MAP_IMPORT_HASH_KEY, value: hash })
      .onConflictDoUpdate({ target: meta.key, set: { value: hash, updatedAt: sql`(unixepoch() * 1000)` } });
  });
  log(
    `commune map: imported ${expected.provinces} provinces, ${expected.communes} communes, ` +
      `${expected.oldCommunes} pre-2025 communes, ${expected.mappings} old→new links, ${errors.length} data errors`,
  );
  return { ...expected, errors };
}
