// Structured JSON logs on stderr. Callers pass ids and counts, never message text, phones or places.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<LogLevel, (event: string, fields?: Record<string, unknown>) => void>;

export function createLogger(sink: (line: string) => void = (l) => process.stderr.write(l + '\n'), minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const make = (level: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level, event, ...withoutReserved(fields) }));
  };
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}

/** A field named like the line's own keys (t, level, event) is kept as `field_<name>`, never over them. */
function withoutReserved(fields: Record<string, unknown>): Record<string, unknown> {
  if (!('event' in fields || 'level' in fields || 't' in fields)) return fields;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k === 'event' || k === 'level' || k === 't' ? `field_${k}` : k] = v;
  return out;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Error details safe to log: the kind and message, without stack or user data. A failed query's
 * message ends with its parameters ("Failed query: … params: 0912…"), which can be a phone or a
 * name (an officer import): they are cut off, the statement stays.
 */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { error: err.name, message: withoutParams(err.message).slice(0, 200) };
  return { error: withoutParams(String(err)).slice(0, 200) };
}

function withoutParams(text: string): string {
  return text.replace(/\bparams:[\s\S]*$/, 'params: (not logged)');
}
