// `npm start`: the Node server on HOST:PORT with the local database, demo data, web chat and the tick.
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, demoDataLooksDeployed } from './config';
import { errorFields } from './ground/log';
import { startFailureText } from './db/storage-errors';
import { bootNode } from './platform/node';
import { appRoutes, tickSteps } from './platform/wiring';
import { runTick } from './tick';

const TICK_INTERVAL_MS = 60_000;

async function main(argv: string[]): Promise<void> {
  const env = { ...process.env };
  const portFlag = argv.indexOf('--port');
  if (portFlag >= 0 && argv[portFlag + 1]) env.PORT = argv[portFlag + 1];
  const polling = argv.includes('--polling');

  const boot = await bootNode({ env });
  const { config, rt, log, bot } = boot;
  if (demoDataLooksDeployed(config.demoData, env)) {
    // Demo officers and the web chat's "act as the demo officer" switch must not reach real users.
    log.warn('demo_data.in_deployment', { public_url: Boolean(config.PUBLIC_URL), node_env: env.NODE_ENV ?? null });
    process.stderr.write(
      '\nCẢNH BÁO: dữ liệu demo đang bật (cán bộ demo, nút "làm cán bộ demo" trên web chat) trên một máy chủ có vẻ đang phục vụ thật.\n' +
        '  Đặt DEMO_DATA=false nếu đây không phải bản chạy thử.\n',
    );
  }
  const routes = await appRoutes(rt, config);
  const app = createApp({
    rt,
    telegram: bot && !polling ? { bot, secret: config.TELEGRAM_WEBHOOK_SECRET! } : undefined,
    routes: routes.routes,
    headExtra: routes.headExtra,
  });

  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const base = `http://${config.HOST}:${info.port}`;
    process.stderr.write(
      `\nBảoVệ đang chạy tại ${base}\n` +
        `  • Trò chuyện thử:   ${base}/chat\n` +
        `  • Bảng điều khiển:  ${base}/admin${config.ADMIN_TOKEN ? '' : ' (đặt ADMIN_TOKEN để bật)'}\n` +
        `  • Kiểm tra:         ${base}/healthz\n` +
        `  • Telegram: ${config.telegramEnabled ? (polling ? 'long polling' : 'webhook /telegram') : 'tắt (chưa có TELEGRAM_BOT_TOKEN)'}` +
        `  • Zalo: ${config.zaloEnabled ? 'webhook /zalo' : 'tắt (chưa có ZALO_APP_ID)'}\n\n`,
    );
  });

  let ticking = false;
  const tick = async () => {
    if (ticking) return; // a slow tick is never overlapped in this process (and it is idempotent anyway)
    ticking = true;
    try {
      await runTick(rt, rt.now(), { steps: tickSteps() });
    } catch (err) {
      log.error('tick.failed', errorFields(err));
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(tick, TICK_INTERVAL_MS);
  void tick();

  if (bot && polling) {
    await bot.api.deleteWebhook();
    void bot.start({ onStart: (me) => log.info('telegram.polling', { bot: me.username }) });
  }

  const stop = () => {
    clearInterval(timer);
    void bot?.stop();
    server.close(() => {
      // Sends still running after their webhook's answer finish first (whatever fails stays queued).
      void rt.idle().finally(() => {
        boot.close();
        process.exit(0);
      });
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`${startFailureText(err)}\n`);
  }
  process.exit(1);
});
