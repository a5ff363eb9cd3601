// `npm run telegram:webhook -- https://your.host/telegram`: registers the webhook with its secret token.
import { Bot } from 'grammy';
import { createConfig } from '../src/config';

const url = process.argv[2];
const config = createConfig(process.env);
if (!url || !/^https:\/\//.test(url)) {
  process.stderr.write('Cách dùng: npm run telegram:webhook -- https://ten-mien-cua-ban/telegram\n(Telegram chỉ gọi webhook qua HTTPS.)\n');
  process.exit(2);
}
if (!config.TELEGRAM_BOT_TOKEN || !config.TELEGRAM_WEBHOOK_SECRET) {
  process.stderr.write('TELEGRAM_BOT_TOKEN và TELEGRAM_WEBHOOK_SECRET: cần được đặt trước.\n');
  process.exit(2);
}
const bot = new Bot(config.TELEGRAM_BOT_TOKEN, { client: { apiRoot: config.TELEGRAM_API_ROOT } });
await bot.api.setWebhook(url, {
  secret_token: config.TELEGRAM_WEBHOOK_SECRET,
  allowed_updates: ['message', 'callback_query'],
  drop_pending_updates: false,
});
const info = await bot.api.getWebhookInfo();
process.stdout.write(`Đã đặt webhook: ${info.url} (đang chờ ${info.pending_update_count} cập nhật)\n`);
const me = await bot.api.getMe();
process.stdout.write(`Gợi ý: đặt TELEGRAM_BOT_INFO='${JSON.stringify(me)}' để khởi động nguội không phải gọi getMe.\n`);
