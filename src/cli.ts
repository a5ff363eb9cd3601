// The `baove` command (npm run --silent baove -- …). JSON modes print only JSON on stdout; logs go to stderr.
import { createInterface } from 'node:readline';
import { createPrintingSender, type PrintedMessage } from './channels/cli/sender';
import { chatInteractive, chatJsonl } from './channels/cli/chat';
import { ConfigError } from './config';
import { createLogger } from './ground/log';
import { bootNode } from './platform/node';
import { cliCommands, tickSteps } from './platform/wiring';

const USAGE = `Cách dùng: npm run --silent baove -- <lệnh>

  chat                      trò chuyện với bot trong terminal
  chat --jsonl              kịch bản: mỗi dòng {"from","text"|"button","at"?} hoặc {"tick": ISO}
  ask "câu hỏi" [--json]    trả lời một câu hỏi
  ask --jsonl               mỗi dòng stdin là một câu hỏi
  locate --jsonl            mỗi dòng stdin là một địa chỉ, hoặc geo:LAT,LON
  directory import FILE.csv nhập danh bạ cán bộ (tất cả hoặc không dòng nào)
  directory invite MÃ_XÃ    tạo mã mời một lần cho cán bộ (/dangky MÃ), dùng được INVITE_TTL_DAYS ngày (mặc định 7)
  reminders due --at ISO [--json]   những nhắc việc một lượt chạy lúc đó sẽ gửi
  stats export --from NGÀY --to NGÀY [--province MÃ] [--commune MÃ] [--at ISO] --out TỆP.xlsx
                            xuất phụ lục số liệu vụ việc của kỳ (không có dữ liệu cá nhân)
  zalo tokens set|show      quản lý cặp token Zalo OA
  keys rotate [--batch N]   niêm phong lại dữ liệu cá nhân bằng DATA_KEY (đọc dữ liệu cũ bằng DATA_KEY_PREVIOUS)
`;

function stdinLines(): AsyncIterable<string> {
  return createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const log = createLogger((l) => process.stderr.write(l + '\n'), process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  const out = (line: string) => process.stdout.write(line + '\n');
  const err = (line: string) => process.stderr.write(line + '\n');

  if (command === 'chat') {
    const printed: PrintedMessage[] = [];
    const jsonl = rest.includes('--jsonl');
    const cli = createPrintingSender((m) => (jsonl ? out(JSON.stringify(m)) : printed.push(m)));
    const boot = await bootNode({ log, senders: { cli } });
    try {
      if (jsonl) return await chatJsonl(boot.rt, { lines: stdinLines(), err }, tickSteps());
      const asFlag = rest.indexOf('--as');
      return await chatInteractive(boot.rt, asFlag >= 0 ? rest[asFlag + 1] ?? 'me' : 'me', printed);
    } finally {
      boot.close();
    }
  }

  const handler = cliCommands()[command];
  if (!handler) {
    err(`Không có lệnh "${command}".\n`);
    process.stdout.write(USAGE);
    return 2;
  }
  return handler(rest, { log, out, err, stdin: stdinLines });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    process.stderr.write(e instanceof ConfigError ? `${e.message}\n` : `baove: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
