// A question asked at the scene is not "a question about children in general" (fa10's rule): any
// "now", the English progressive included ("a man is beating a child… what number do we call?"), and
// the doubt of a panic asked by several people ("who should we call?") keep the danger. Both sides.
// And a parent telling of abuse who asks where to call is still telling (asking_where).
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';

describe('a child in danger, asked about by bystanders', () => {
  it.each([
    ['there is a child drowning in the river, who should we call?', 'drowning'],
    ['a man is beating a child in the street, what number do we call?', 'violence'],
    ['a kid is drowning in the pool?', 'drowning'],
  ])('"%s" is danger (%s), by the rules alone', (text, kind) => {
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'danger', kind });
    expect(classifyTriage(text)).toMatchObject({ triage: 'danger', kind });
  });

  it.each([
    'why do children drown in rivers so often?',
    'vì sao trẻ em hay bị đuối nước vào mùa hè?',
    'how to stop a child drowning in a pool',
  ])('"%s" stays a question', (text) => {
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
  });
});

describe('a parent telling of abuse asks where to call', () => {
  it.each([
    'con tôi bị thầy giáo xâm hại, số điện thoại nào để tố cáo?',
    'my son was abused by his coach, what number do I call?',
  ])('"%s" is still a disclosure of sexual abuse, by the rules alone', (text) => {
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'disclosure', kind: 'sexual_abuse' });
  });

  it.each([
    'số điện thoại tổng đài bảo vệ trẻ em khi phát hiện xâm hại là gì?',
    'what number do I call to report child abuse?',
  ])('"%s" (no child of the writer\'s) stays a question', (text) => {
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
  });
});
