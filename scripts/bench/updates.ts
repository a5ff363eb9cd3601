// Telegram updates as the Bot API posts them, and one citizen's whole report as a list of updates,
// for the load test, the benches and the proof tests.

export interface TelegramUpdate {
  update_id: number;
  [k: string]: unknown;
}

export function textUpdate(updateId: number, chatId: number, text: string, date: number): TelegramUpdate {
  const command = text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {};
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date,
      chat: { id: chatId, type: 'private', first_name: 'Lan' },
      from: { id: chatId, is_bot: false, first_name: 'Lan' },
      text,
      ...command,
    },
  };
}

export function callbackUpdate(updateId: number, chatId: number, data: string, date: number): TelegramUpdate {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: chatId, is_bot: false, first_name: 'Lan' },
      chat_instance: `ci${chatId}`,
      data,
      message: { message_id: 1, date, chat: { id: chatId, type: 'private' }, text: 'menu' },
    },
  };
}

export function locationUpdate(updateId: number, chatId: number, lat: number, lon: number, date: number): TelegramUpdate {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date,
      chat: { id: chatId, type: 'private', first_name: 'Lan' },
      from: { id: chatId, is_bot: false, first_name: 'Lan' },
      location: { latitude: lat, longitude: lon },
    },
  };
}

/** What citizens write; varied so nothing is cached by accident. */
export const DESCRIPTIONS = [
  'Bé gái nhà bên cạnh thường bị bố dượng đánh, tối qua cháu khóc rất lâu và có vết bầm trên tay.',
  'Cháu trai khoảng 8 tuổi ở xóm tôi hay bị bỏ đói, đi học về không có ai ở nhà, người gầy rộc.',
  'Tôi thấy một người lạ thường đứng chờ ở cổng trường và dụ các cháu gái lên xe máy.',
  'Con bé hàng xóm bị mẹ kế chửi mắng, đánh bằng roi mây gần như mỗi tối, cả xóm đều nghe thấy.',
  'Có một em khoảng 12 tuổi phải bán vé số đến khuya, bị người lớn thu hết tiền và đánh nếu bán không hết.',
  'Cháu học sinh lớp 5 kể với tôi là bị một người họ hàng sờ soạng, cháu sợ không dám nói với bố mẹ.',
];

export const PHONES = ['0912 345 678', '0987654321', '+84 903 123 456', '0368 222 111'];

export interface ReportScript {
  /** The updates in the order the citizen sends them; the last one confirms the report. */
  updates: TelegramUpdate[];
  /** Which address was used (to know the officer who must get the case). */
  address: string;
}

/**
 * One citizen's whole report: /baotin → description → address → age → danger → contact → confirm.
 * `nextId` hands out unique update ids.
 */
export function reportScript(chatId: number, address: string, nextId: () => number, date: number, variant = chatId): ReportScript {
  const description = DESCRIPTIONS[variant % DESCRIPTIONS.length]!;
  const anonymous = variant % 3 === 0;
  const updates: TelegramUpdate[] = [
    textUpdate(nextId(), chatId, '/baotin', date),
    textUpdate(nextId(), chatId, description, date),
    textUpdate(nextId(), chatId, address, date),
    callbackUpdate(nextId(), chatId, ['report:age:0-5', 'report:age:6-10', 'report:age:11-15'][variant % 3]!, date),
    callbackUpdate(nextId(), chatId, variant % 4 === 0 ? 'report:danger:yes' : 'report:danger:no', date),
    anonymous ? callbackUpdate(nextId(), chatId, 'report:anonymous', date) : textUpdate(nextId(), chatId, PHONES[variant % PHONES.length]!, date),
    callbackUpdate(nextId(), chatId, 'report:confirm', date),
  ];
  return { updates, address };
}
