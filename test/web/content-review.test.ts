// The guides' review state is on the dashboard for national staff, never in parents' answers.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueLoginCode } from '../../src/admin';
import { officers } from '../../src/db/schema';
import { ADMIN_TOKEN, Client, createWebWorld, logIn, type WebWorld } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld();
});
afterEach(() => w.cleanup());

describe('content review on the dashboard', () => {
  it('national staff see each guide awaiting review, and the claims kept out of answers as unverified', async () => {
    const admin = new Client(w.app);
    await logIn(admin, ADMIN_TOKEN);
    const page = await (await admin.get('/admin/content')).text();
    expect(page).toContain('Nội dung hướng dẫn');
    expect(page).toContain('Chờ chuyên gia thẩm định');
    expect(page).toContain('Tuổi được điều khiển xe gắn máy');
    expect(page).toContain('href="/admin/content"');
  });

  it('a commune officer is not shown it', async () => {
    const [o] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, 'officer-ngoc-ha'));
    const code = await issueLoginCode(w.db.db, o!.id, 'admin:token', w.clock.now);
    const officer = new Client(w.app);
    await logIn(officer, code);
    expect((await officer.get('/admin/content')).status).toBe(403);
  });
});
