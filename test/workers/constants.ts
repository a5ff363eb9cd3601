// Shared by the Worker tests (inside workerd) and their global setup (in Node).
export const BOT_TOKEN = '123456:TEST-token-for-worker-tests';
export const WEBHOOK_SECRET = 'worker-test-secret_1';
export const DATA_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='; // base64 of 32 ASCII bytes
export const BOT_INFO = { id: 123456, is_bot: true, first_name: 'BảoVệ', username: 'baove_worker_test_bot' };

/** Telegram chat ids of the officers seeded for the Worker tests. */
export const OFFICER_BA_DINH = 9_000_001; // Phường Ba Đình, Hà Nội (00004)
export const SUPERVISOR_HA_NOI = 9_000_002; // Hà Nội province (01)

declare module 'vitest' {
  interface ProvidedContext {
    hranaUrl: string;
    telegramUrl: string;
  }
}
