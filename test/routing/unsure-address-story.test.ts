// A reporter types an address the map cannot read with certainty. The bot must not guess a commune:
// it asks the reporter to pick (or to share a location), and files the case only with the commune
// the reporter chose. Before issue 20, "P. Lểu Gjai, Ba Đình, Hà Nội" (Liễu Giai, garbled) went
// straight to Phường Ba Đình, named after the old district, with confidence.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, last, refIn, type World } from '../reports/support';

const DESCRIPTION = 'Một bé gái khoảng 9 tuổi ở khu trọ bị bố dượng đánh, hàng xóm nghe tiếng khóc gần như mỗi tối.';
const GARBLED = 'P. Lểu Gjai, Ba Đình, Hà Nội';
const IN_NGOC_HA = { lat: 21.0365, lon: 105.8185 }; // near the old Liễu Giai ward, now Phường Ngọc Hà

let w: World | undefined;
afterEach(() => w?.cleanup());

async function reportUpToAddress(world: World, who: string) {
  await world.say(who, '/baotin');
  await world.say(who, DESCRIPTION);
  return last(await world.say(who, GARBLED));
}

describe('a report whose address the map is not sure of', () => {
  it('asks the reporter to pick a ward, and files the case only with the ward picked', async () => {
    w = await createWorld();
    const pick = await reportUpToAddress(w, 'u1');

    // No commune chosen for the reporter: a question, with the wards of old Ba Đình to pick from.
    expect(pick.state).toBe('report.location.pick');
    expect(pick.text).toContain('chưa chắc');
    expect(pick.text).toContain('gửi vị trí');
    const payloads = pick.buttons.map((b) => b.payload);
    expect(payloads).toEqual(expect.arrayContaining(['report:pick:00004', 'report:pick:00008', 'report:pick:none']));
    expect(await w.caseRows()).toHaveLength(0);

    // The reporter knows it is Ngọc Hà (the old Liễu Giai ward) and picks it.
    expect(last(await w.say('u1', { button: 'report:pick:00008' })).state).toBe('report.child_age');
    await w.say('u1', { button: 'report:age:6-10' });
    await w.say('u1', { button: 'report:danger:no' });
    await w.say('u1', { button: 'report:anonymous' });
    const summaryThenFiled = last(await w.say('u1', { button: 'report:confirm' }));
    const ref = refIn(summaryThenFiled.text);

    expect((await w.caseByRef(ref))?.communeCode).toBe('00008');
    expect(w.inboxOf('officer-ngoc-ha').some((m) => m.text.includes(ref))).toBe(true);
    expect(w.inboxOf('officer-ba-dinh')).toHaveLength(0);
  });

  it('lets the reporter share a location instead of picking, and confirms that ward', async () => {
    w = await createWorld();
    await reportUpToAddress(w, 'u2');
    const confirm = last(await w.say('u2', { location: IN_NGOC_HA }));
    expect(confirm.state).toBe('report.location.confirm');
    expect(confirm.text).toContain('Phường Ngọc Hà');
    expect(last(await w.say('u2', { button: 'report:loc:yes' })).state).toBe('report.child_age');
    expect(await w.caseRows()).toHaveLength(0);
  });

  it('still goes straight on when the ward is written clearly', async () => {
    w = await createWorld();
    await w.say('u3', '/baotin');
    await w.say('u3', DESCRIPTION);
    expect(last(await w.say('u3', 'P. Liễu Giai, Q. Ba Đình, Hà Nội')).state).toBe('report.child_age');
  });
});
