// A child on a ledge told in English. "con tôi đang đứng trên lan can tầng 5" was danger (suicide)
// while "a teenager is standing on the railing of the bridge, should I call 113?" got no cue at all:
// the Vietnamese phrase had no English counterpart. Both sides, rules alone.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';

describe('a child on a railing, a ledge or a roof, or threatening to jump, in English', () => {
  it.each([
    'a teenager is standing on the railing of the bridge, should I call 113?',
    'my daughter climbed onto the ledge of our balcony and will not come back in',
    'my son is sitting on the edge of the roof and crying',
    'he texted that he is going to jump off the bridge tonight',
    'my 15 year old is threatening to jump, what do I do',
  ])('"%s" is danger (suicide)', (text) => {
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'danger', kind: 'suicide' });
    expect(classifyTriage(text)).toMatchObject({ triage: 'danger', kind: 'suicide' });
  });

  it.each([
    'my son wants to jump on the trampoline all day, is it safe',
    'how high should a balcony railing be for a toddler',
    'the kids jump into the pool from the side, should I stop them',
  ])('"%s" stays a question', (text) => {
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
  });
});
