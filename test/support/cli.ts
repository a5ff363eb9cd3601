// Runs the real `baove` command in a child process against a temporary database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATA_KEY } from './runtime';

export function tempDatabaseUrl(): string {
  return `file:${join(mkdtempSync(join(tmpdir(), 'baove-cli-')), 'baove.db')}`;
}

export function runCli(args: string[], input: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: 'warn', ...env },
    timeout: 120_000,
  });
  const lines = result.stdout.split('\n').filter((l) => l.trim());
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
