// The triage cues live in content/ as data, and the content build guards them: an example that no
// longer triages as labelled, or a danger kind the contract does not know, fails the build.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, compileKnowledge } from '../../scripts/content/knowledge';

const content = new URL('../../content/', import.meta.url).pathname;
let dir = '';

function copyOfContent(): string {
  dir = mkdtempSync(join(tmpdir(), 'baove-triage-'));
  cpSync(content, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('the triage content build', () => {
  it('accepts the real cue lists and examples', () => {
    expect(() => compileKnowledge(content)).not.toThrow();
  });

  it('fails, naming the example and the rule, when an example no longer triages as labelled', () => {
    const copy = copyOfContent();
    writeFileSync(
      join(copy, 'triage-examples.yaml'),
      'examples:\n  - { text: "gio con dang hoc bai", triage: danger, kind: choking }\n',
    );
    expect(() => compileKnowledge(copy)).toThrow(ContentError);
    expect(() => compileKnowledge(copy)).toThrow(/examples\.0.*gio con dang hoc bai.*is question/);
  });

  it('fails when triage.yaml names a danger kind the triage contract does not have', () => {
    const copy = copyOfContent();
    const yaml = readFileSync(join(copy, 'triage.yaml'), 'utf8').replace('\n  suicide:\n', '\n  selfharm:\n');
    writeFileSync(join(copy, 'triage.yaml'), yaml);
    expect(() => compileKnowledge(copy)).toThrow(/danger\.selfharm.*not a danger kind/);
  });
});
