// First-start seeding: the commune map, ward shapes, demo officers. Every step is idempotent.
import type { Db } from './db';
import type { Logger } from '../ground/log';

export interface SeedOptions {
  contentDir: string;
  at: Date;
  log: Logger;
  progress?: (line: string) => void;
  demo?: boolean;
}

export type SeedStep = (db: Db, opts: SeedOptions) => Promise<void>;

export async function seedDatabase(db: Db, opts: SeedOptions, steps: Array<[string, SeedStep]>): Promise<void> {
  for (const [name, step] of steps) {
    const started = Date.now();
    await step(db, opts);
    opts.log.info('seed.step', { step: name, ms: Date.now() - started });
  }
}
