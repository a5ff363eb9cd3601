// Configuration is validated once at start; a bad value is named in the error.
import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig, demoDataLooksDeployed } from '../src/config';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

describe('configuration', () => {
  it('defaults to a local database and leaves channels without secrets off', () => {
    const c = createConfig({});
    expect(c.DATABASE_URL).toBe('file:./data/baove.db');
    expect(c.PORT).toBe(8787);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.telegramEnabled).toBe(false);
    expect(c.zaloEnabled).toBe(false);
    expect(c.TZ_REGION).toBe('Asia/Ho_Chi_Minh');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATA_KEY', { DATA_KEY: 'c2hvcnQ=' }],
    ['TELEGRAM_BOT_INFO', { TELEGRAM_BOT_INFO: '{oops' }],
    ['TZ_REGION', { TZ_REGION: 'Mars/Olympus' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://x' }],
    ['TELEGRAM_API_ROOT', { TELEGRAM_API_ROOT: 'not a url' }],
    ['TELEGRAM_WEBHOOK_SECRET', { TELEGRAM_BOT_TOKEN: '123:abcdefghijklmn' }],
    ['DATA_KEY_PREVIOUS', { DATA_KEY: KEY_A, DATA_KEY_PREVIOUS: `${KEY_B},c2hvcnQ=` }],
    ['DATA_KEY_PREVIOUS', { DATA_KEY_PREVIOUS: KEY_B }],
  ])('a bad %s stops start-up with a message naming it', (name, env) => {
    expect(() => createConfig(env)).toThrow(ConfigError);
    try {
      createConfig(env);
    } catch (err) {
      expect((err as Error).message).toContain(name);
    }
  });

  it('says what is wrong in English, also for the checks whose words are zod\'s', () => {
    expect(() => createConfig({ PORT: 'eighty', HOST: ' ', ESCALATE_NORMAL_HOURS: '-1' })).toThrow(
      /PORT: Invalid input: expected number, received NaN\n.*HOST: Too small: expected string to have >=1 characters\n.*ESCALATE_NORMAL_HOURS: Too small: expected number to be >0/,
    );
  });

  it('reads old data keys from DATA_KEY_PREVIOUS, comma-separated, without repeating the current one', () => {
    expect(createConfig({ DATA_KEY: KEY_A }).DATA_KEY_PREVIOUS).toEqual([]);
    expect(createConfig({ DATA_KEY: KEY_A, DATA_KEY_PREVIOUS: ` ${KEY_B} , ${KEY_A},${KEY_B},` }).DATA_KEY_PREVIOUS).toEqual([KEY_B]);
  });

  it('turns Telegram on when its token and secret are present', () => {
    const c = createConfig({ TELEGRAM_BOT_TOKEN: '123:abcdefghijklmn', TELEGRAM_WEBHOOK_SECRET: 's3cret' });
    expect(c.telegramEnabled).toBe(true);
  });

  it('refuses a bot token without a webhook secret', () => {
    expect(() => createConfig({ TELEGRAM_BOT_TOKEN: '123:abcdefghijklmn' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});

describe('demo data in a deployment', () => {
  it('is flagged when demo data is on and the server has a public URL or runs in production', () => {
    expect(demoDataLooksDeployed(true, { PUBLIC_URL: 'https://baove.example.vn' })).toBe(true);
    expect(demoDataLooksDeployed(true, { NODE_ENV: 'production' })).toBe(true);
    expect(demoDataLooksDeployed(true, {})).toBe(false); // npm start on a laptop
    expect(demoDataLooksDeployed(true, { PUBLIC_URL: '  ' })).toBe(false);
    expect(demoDataLooksDeployed(false, { NODE_ENV: 'production', PUBLIC_URL: 'https://baove.example.vn' })).toBe(false);
  });

  it('follows DEMO_DATA, and is on by default only for a local file', () => {
    const key = { DATA_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(createConfig({ ...key, DATABASE_URL: 'file:./data/x.db' }).demoData).toBe(true);
    expect(createConfig({ ...key, DATABASE_URL: 'file:./data/x.db', DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(createConfig({ ...key, DATABASE_URL: 'libsql://db.example.turso.io', DATABASE_AUTH_TOKEN: 't' }).demoData).toBe(false);
  });
});
