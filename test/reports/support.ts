// Test world for the reports stories: the real engine with the reports features, the real commune
// map and ward shapes as services, demo officers on the cli channel, and helpers to read what they got.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createBasicsFeature } from '../../src/core/basics';
import type { Logger } from '../../src/ground/log';
import type { Services } from '../../src/core/services';
import { cases } from '../../src/db/schema';
import { createCaseWorkFeature } from '../../src/cases/feature';
import { cancelReport, reportsFeature, seedDemoDirectory, startReport, whereFeature } from '../../src/reports';
import { createPointLocator } from '../../src/routing/geo';
import { communeNamesFromUnits, fileShapeStore, findUnitsFile, WARD_SHAPES_FILE } from '../../src/routing/geo/node';
import type { MapIndex } from '../../src/routing/map-index';
import { mapIndexFromFiles } from '../../src/routing/map-records';
import { resolveCommune } from '../../src/routing/resolve';
import { createTestRuntime, type SentMessage, type TestRuntime } from '../support/runtime';
import type { TestDb } from '../support/db';

const MAP_DIR = new URL('../../content/map', import.meta.url).pathname;

let mapIndex: MapIndex | undefined;
let locate: Services['locatePoint'];

/** The real resolver and point locator, built once per test file. */
export function realServices(): Services {
  mapIndex ??= mapIndexFromFiles(MAP_DIR);
  const names = communeNamesFromUnits(JSON.parse(readFileSync(findUnitsFile(), 'utf8')));
  locate ??= createPointLocator(fileShapeStore(WARD_SHAPES_FILE), names);
  const index = mapIndex;
  return {
    resolveAddress: async (text) => {
      const r = resolveCommune(text, index);
      return { commune: r.commune, candidates: r.candidates };
    },
    locatePoint: locate,
    commune: async (code) => names(code),
  };
}

export interface World extends TestRuntime {
  /** Messages delivered to one chat id (officers and reporters alike), in order. */
  inboxOf(userId: string): SentMessage[];
  /** Every case row, raw as stored. */
  caseRows(): Promise<Array<typeof cases.$inferSelect>>;
  caseByRef(ref: string): Promise<typeof cases.$inferSelect | undefined>;
}

export async function createWorld(opts: { services?: Services; log?: Logger; env?: Record<string, string>; db?: TestDb } = {}): Promise<World> {
  const t = await createTestRuntime({
    db: opts.db,
    services: opts.services ?? realServices(),
    features: [createBasicsFeature({ startReport, cancelReport }), reportsFeature, createCaseWorkFeature(), whereFeature],
    log: opts.log,
    env: opts.env,
  });
  await seedDemoDirectory(t.db.db, new Date('2026-11-01T00:00:00Z'));
  return {
    ...t,
    inboxOf: (userId) => t.sent.filter((m) => m.to === userId),
    caseRows: () => t.db.db.select().from(cases),
    caseByRef: async (ref) => (await t.db.db.select().from(cases).where(eq(cases.ref, ref)))[0],
  };
}

/** The reference code in a reporter's confirmation. */
export function refIn(text: string): string {
  const m = /BV-[0-9A-Z]{6}/.exec(text);
  if (!m) throw new Error(`no case reference in: ${text}`);
  return m[0];
}

export const last = <T>(xs: T[]): T => {
  if (!xs.length) throw new Error('no messages');
  return xs[xs.length - 1]!;
};

/** The Decree 56 steps as an officer does them in chat: a button, then short typed answers. */
export function officerSteps(w: World, officer: string, ref: string) {
  const say = (what: Parameters<World['say']>[1], at?: Date) => w.say(officer, what, at ? { at } : {});
  return {
    ack: (at?: Date) => say({ button: `case:ack:${ref}` }, at),
    async verify(note = 'Đã đến nhà, gặp mẹ và cháu; cháu có vết bầm ở tay.', risk: 'low' | 'medium' | 'high' = 'medium', at?: Date) {
      await say({ button: `case:verify:${ref}` }, at);
      await say(note, at);
      return say({ button: `case:risk:${ref}:${risk}` }, at);
    },
    async plan(at?: Date) {
      await say({ button: `case:plan:${ref}` }, at);
      await say('Khám sức khoẻ, tư vấn tâm lý', at);
      await say('Đưa cháu đi khám; làm việc với gia đình', at);
      await say('Cán bộ xã và trạm y tế', at);
      return say('20/12', at);
    },
    async approve(approver = 'Nguyễn Văn An, Chủ tịch UBND phường', at?: Date) {
      await say({ button: `case:approve:${ref}` }, at);
      return say(approver, at);
    },
    close: (reason: string, at?: Date) => say({ button: `case:closeok:${ref}:${reason}` }, at),
  };
}
