// The database handle type shared by every capability (drizzle over libSQL, on Node or Workers).
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema>;
