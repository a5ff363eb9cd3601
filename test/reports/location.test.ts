// Stories of a reporter who shares a GPS pin instead of typing an address, and of /diachi.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ground/log';
import type { Services } from '../../src/core/services';
import type { CommuneRef } from '../../src/routing/types';
import { createWorld, last, realServices, refIn, type World } from './support';

const IN_BA_DINH = { lat: 21.034, lon: 105.84 };
const AT_SEA = { lat: 10.0, lon: 109.5 }; // the East Sea, off the south-central coast
const DESCRIPTION = 'Có một cháu bé khoảng 8 tuổi bị người lớn đánh đập ở quán nước đầu ngõ, chiều nào cũng vậy.';

let w: World | undefined;
afterEach(() => w?.cleanup());

async function startWithDescription(world: World, who: string) {
  await world.say(who, '/baotin');
  await world.say(who, DESCRIPTION);
}

describe('a location shared during a report', () => {
  it('is confirmed with the reporter and the case goes to that ward’s officer with a map link', async () => {
    w = await createWorld();
    await startWithDescription(w, 'pin-1');
    const confirm = last(await w.say('pin-1', { location: IN_BA_DINH }));
    expect(confirm.state).toBe('report.location.confirm');
    expect(confirm.text).toBe('Có phải ở Phường Ba Đình, Thành phố Hà Nội không?');
    expect(confirm.buttons.map((b) => b.payload)).toEqual(['report:loc:yes', 'report:loc:no', 'report:cancel']);

    expect(last(await w.say('pin-1', { button: 'report:loc:yes' })).state).toBe('report.child_age');
    await w.say('pin-1', { button: 'report:age:6-10' });
    await w.say('pin-1', { button: 'report:danger:no' });
    await w.say('pin-1', { button: 'report:anonymous' });
    const ref = refIn(last(await w.say('pin-1', { button: 'report:confirm' })).text);

    const [toOfficer, ...more] = w.inboxOf('officer-ba-dinh');
    expect(more).toHaveLength(0);
    expect(toOfficer!.text).toContain(ref);
    expect(toOfficer!.text).toContain('Nơi xảy ra: Phường Ba Đình, Thành phố Hà Nội');
    expect(toOfficer!.text).toContain('https://www.openstreetmap.org/?mlat=21.03400&mlon=105.84000');
    expect(w.inboxOf('officer-ngoc-ha')).toHaveLength(0);

    // The coordinates are stored only encrypted.
    const raw = await w.db.client.execute({ sql: 'select * from cases where ref = ?', args: [ref] });
    expect(JSON.stringify(raw.rows)).not.toMatch(/21\.03|105\.84/);
    expect(String(raw.rows[0]!.location_enc)).toMatch(/^v1\./);
  });

  it('falls back to a typed address when the reporter says the ward is wrong, and forgets the point', async () => {
    w = await createWorld();
    await startWithDescription(w, 'pin-2');
    await w.say('pin-2', { location: IN_BA_DINH });
    const no = last(await w.say('pin-2', { button: 'report:loc:no' }));
    expect(no.state).toBe('report.location');
    expect(no.text).toContain('gõ địa chỉ');
    expect(last(await w.say('pin-2', 'phường Ngọc Hà, Hà Nội')).state).toBe('report.child_age');
    await w.say('pin-2', { button: 'report:age:0-5' });
    await w.say('pin-2', { button: 'report:danger:no' });
    await w.say('pin-2', { button: 'report:anonymous' });
    await w.say('pin-2', { button: 'report:confirm' });
    const [toOfficer] = w.inboxOf('officer-ngoc-ha');
    expect(toOfficer!.text).not.toContain('openstreetmap');
    expect((await w.caseRows())[0]!.locationEnc).toBeNull();
  });

  it('gets a polite re-ask for a point at sea', async () => {
    w = await createWorld();
    await startWithDescription(w, 'pin-3');
    const sea = last(await w.say('pin-3', { location: AT_SEA }));
    expect(sea.state).toBe('report.location');
    expect(sea.text).toContain('không nằm trong xã/phường nào');
    expect(sea.text).toContain('gửi lại vị trí');
    // The reporter can still go on with a typed address.
    expect(last(await w.say('pin-3', 'phường Ba Đình, Hà Nội')).state).toBe('report.child_age');
  });

  it('offers both wards for a point near a border', async () => {
    const baDinh: CommuneRef = { code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' };
    const ngocHa: CommuneRef = { code: '00008', name: 'Phường Ngọc Hà', province_code: '01', province_name: 'Thành phố Hà Nội' };
    const services: Services = {
      ...realServices(),
      locatePoint: async () => ({ commune: null, candidates: [baDinh, ngocHa], nearBorder: true }),
    };
    w = await createWorld({ services });
    await startWithDescription(w, 'pin-4');
    const pick = last(await w.say('pin-4', { location: IN_BA_DINH }));
    expect(pick.state).toBe('report.location.pick');
    expect(pick.text).toContain('gần ranh giới');
    expect(pick.buttons.map((b) => b.payload)).toEqual(['report:pick:00004', 'report:pick:00008', 'report:pick:none', 'report:cancel']);
    await w.say('pin-4', { button: 'report:pick:00008' });
    await w.say('pin-4', { button: 'report:age:11-15' });
    await w.say('pin-4', { button: 'report:danger:unsure' });
    await w.say('pin-4', '0243 826 1234');
    await w.say('pin-4', { button: 'report:confirm' });
    const [toOfficer] = w.inboxOf('officer-ngoc-ha');
    expect(toOfficer!.text).toContain('openstreetmap.org');
    expect(toOfficer!.text).toContain('02438261234');
    expect(w.inboxOf('officer-ba-dinh')).toHaveLength(0);
  });

  it('never writes the coordinates, description or phone into the logs', async () => {
    const lines: string[] = [];
    w = await createWorld({ log: createLogger((l) => lines.push(l), 'debug') });
    await startWithDescription(w, 'pin-5');
    await w.say('pin-5', { location: IN_BA_DINH });
    await w.say('pin-5', { button: 'report:loc:yes' });
    await w.say('pin-5', { button: 'report:age:6-10' });
    await w.say('pin-5', { button: 'report:danger:yes' });
    await w.say('pin-5', '0912345678');
    await w.say('pin-5', { button: 'report:confirm' });
    await w.say('pin-5', '/diachi');
    await w.say('pin-5', { location: AT_SEA });
    const log = lines.join('\n');
    expect(log).not.toMatch(/21\.03|105\.84|109\.5/);
    expect(log).not.toContain('0912345678');
    expect(log).not.toContain('đánh đập');
  });
});

describe('/diachi', () => {
  it('tells anyone which ward a shared location is in, and re-asks for a point at sea', async () => {
    w = await createWorld();
    const ask = last(await w.say('who-1', '/diachi'));
    expect(ask.state).toBe('where.location');
    const sea = last(await w.say('who-1', { location: AT_SEA }));
    expect(sea.state).toBe('where.location');
    expect(sea.text).toContain('ngoài biển');
    const found = last(await w.say('who-1', { location: IN_BA_DINH }));
    expect(found.text).toBe('Vị trí này thuộc Phường Ba Đình, Thành phố Hà Nội.');
    expect(found.state).toBeNull();
    // A location shared outside any conversation step gets the same answer.
    expect(last(await w.say('who-2', { location: IN_BA_DINH })).text).toContain('Phường Ba Đình');
    // An old address typed after /diachi gets its new ward.
    expect(last(await w.say('who-3', '/diachi Phúc Xá, Ba Đình, Hà Nội')).text).toBe(
      'Địa chỉ này nay thuộc Phường Hồng Hà, Thành phố Hà Nội.',
    );
  });
});
