// Who a new case goes to, and in which language each recipient reads it, each found with one query.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officers, users } from '../../src/db/schema';
import { communeOfficers, provinceSupervisors, routeFor } from '../../src/directory/officers';
import { langsOf } from '../../src/cases/recipients';
import { createTestDb, type TestDb } from '../support/db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const at = new Date('2026-11-01T00:00:00Z');

async function officer(communeCode: string, role: 'officer' | 'supervisor', chat: string, active = true) {
  await t.db
    .insert(officers)
    .values({ communeCode, provinceCode: '01', name: chat, role, channel: 'telegram', channelUserId: chat, phone: null, active, createdAt: at });
}

describe('routing a new case', () => {
  it('goes to every active officer of the commune, and not to the province supervisor', async () => {
    await officer('00004', 'officer', 'ward-b');
    await officer('00004', 'officer', 'ward-a');
    await officer('00004', 'officer', 'ward-gone', false);
    await officer('01', 'supervisor', 'boss');
    const route = await routeFor(t.db, '00004', '01', 'local');
    expect(route.routedTo).toBe('officer');
    expect(route.recipients.map((o) => o.channelUserId)).toEqual(['ward-b', 'ward-a']);
    expect(route.recipients).toEqual(await communeOfficers(t.db, '00004', 'local'));
  });

  it('falls back to the province supervisors when the commune has no officer, else to nobody', async () => {
    await officer('00004', 'officer', 'ward-gone', false);
    await officer('01', 'supervisor', 'boss');
    const route = await routeFor(t.db, '00004', '01', 'local');
    expect(route.routedTo).toBe('supervisor');
    expect(route.recipients).toEqual(await provinceSupervisors(t.db, '01', 'local'));
    expect(await routeFor(t.db, '26743', '79', 'local')).toEqual({ routedTo: 'unrouted', recipients: [] });
  });
});

describe('the language of several recipients', () => {
  it('is each one’s own, in order, Vietnamese when unknown', async () => {
    await t.db.insert(users).values([
      { channel: 'telegram', channelUserId: 'en-reader', lang: 'en', createdAt: at },
      { channel: 'telegram', channelUserId: 'vi-reader', lang: 'vi', createdAt: at },
      // The same chat id on another channel is another person.
      { channel: 'zalo', channelUserId: 'vi-reader', lang: 'en', createdAt: at },
    ]);
    const langs = await langsOf(t.db, [
      { channel: 'telegram', userId: 'vi-reader' },
      { channel: 'telegram', userId: 'en-reader' },
      { channel: 'telegram', userId: 'never-wrote' },
      { channel: 'zalo', userId: 'vi-reader' },
    ]);
    expect(langs).toEqual(['vi', 'en', 'vi', 'en']);
    expect(await langsOf(t.db, [{ channel: 'telegram', userId: 'en-reader' }])).toEqual(['en']);
  });
});
