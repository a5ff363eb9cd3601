// The core's message catalogue: Vietnamese first, English second. Capabilities keep their own catalogues.
import type { Lang } from './types';

const vi = {
  welcome:
    'Xin chào! Mình là BảoVệ, trợ lý bảo vệ trẻ em.\n\n' +
    'Mình có thể giúp bạn:\n' +
    '• Hỏi đáp cách giữ an toàn cho trẻ\n' +
    '• Báo tin khi nghi ngờ trẻ bị xâm hại (có thể ẩn danh)\n' +
    '• Tra số điện thoại khẩn cấp\n\n' +
    'Nếu trẻ đang gặp nguy hiểm, hãy gọi ngay {emergency}.',
  menuPrompt: 'Bạn cần gì? Chọn một mục bên dưới, hoặc gõ câu hỏi của bạn.',
  menuAsk: 'Hỏi đáp an toàn cho trẻ',
  menuReport: 'Báo tin xâm hại',
  menuHotlines: 'Số điện thoại khẩn cấp',
  menuAbout: 'Giới thiệu',
  menuMain: 'Về menu chính',
  cancelButton: 'Huỷ',
  help:
    'Cách dùng BảoVệ: bấm các nút bên dưới, hoặc gõ bằng lời của bạn.\n' +
    '• Gõ câu hỏi, ví dụ: "làm sao dạy con tự bảo vệ cơ thể"\n' +
    '• "báo tin" — báo tin trẻ bị xâm hại\n' +
    '• "xem tình trạng" kèm mã tin — tình trạng tin đã báo\n' +
    '• "huỷ" — dừng việc đang làm\n' +
    '• "menu" — menu chính\n' +
    '• "English" — chuyển sang tiếng Anh\n\n' +
    'Khẩn cấp: {emergency}.',
  officerHelp:
    'Dành cho cán bộ:\n' +
    '• "vụ việc" — các vụ việc đang mở của xã/phường\n' +
    '• "vụ việc BV-XXXXXX" hoặc chỉ gõ mã — xem một vụ việc\n' +
    '• "nhắc việc" — các hạn báo cáo sắp tới',
  about:
    'BảoVệ giúp cha mẹ tìm hướng dẫn an toàn cho trẻ có nguồn rõ ràng, giúp người dân báo tin xâm hại trẻ em ' +
    'tới đúng cán bộ bảo vệ trẻ em của xã/phường, và nhắc cán bộ các thời hạn theo luật.\n\n' +
    'Nội dung dựa trên Luật Trẻ em 2016, Nghị định 56/2017/NĐ-CP, hướng dẫn của Tổng đài 111 và các bệnh viện; ' +
    'mỗi câu trả lời ghi nguồn. BảoVệ không thay thế Tổng đài 111 hay công an.',
  unknown: 'Mình chưa hiểu ý bạn. Bạn có thể gõ câu hỏi bằng lời của mình, hoặc chọn một mục bên dưới.',
  cancelled: 'Đã huỷ. Bạn cần gì tiếp theo?',
  nothingToCancel: 'Không có việc gì đang làm dở. Bạn cần gì?',
  langPrompt: 'Chọn ngôn ngữ / Choose a language:',
  langSet: 'Đã chuyển sang tiếng Việt.',
  thanks: 'Không có gì ạ. Khi cần, bạn cứ nhắn cho mình. Nếu trẻ đang gặp nguy hiểm, hãy gọi ngay {emergency}.',
  rateLimited: 'Bạn gửi hơi nhanh, mình xin phép chờ một chút rồi trả lời tiếp nhé. Nếu khẩn cấp, hãy gọi {emergency}.',
  notBuilt: 'Phần "{feature}" đang được xây dựng, chưa dùng được. Nếu khẩn cấp, hãy gọi {emergency}.',
  tooLong: 'Tin nhắn dài quá ({max} ký tự). Bạn rút gọn giúp mình nhé.',
  internalError: 'Xin lỗi, mình đang gặp trục trặc. Bạn thử lại sau ít phút. Nếu khẩn cấp, hãy gọi {emergency}.',
  expiredButton: 'Nút này đã cũ. Mình đưa bạn về menu chính nhé.',
  mediaUnsupported:
    'Mình chưa đọc được {media} nên chưa lưu lại. Bạn viết bằng chữ giúp mình nhé (ảnh và vị trí thì mình nhận được). ' +
    'Nếu trẻ đang gặp nguy hiểm, hãy gọi ngay {emergency}.',
  mediaKinds: 'nhãn dán|tin nhắn thoại|tệp âm thanh|video|tệp|đường liên kết|ảnh động|danh thiếp|loại tin này',
};

export type Catalogue = typeof vi;

const en: Catalogue = {
  welcome:
    'Hello! I am BảoVệ, a child-protection assistant.\n\n' +
    'I can help you:\n' +
    '• Learn how to keep children safe\n' +
    '• Report suspected child abuse (anonymously if you wish)\n' +
    '• Find emergency numbers\n\n' +
    'If a child is in danger right now, call {emergency}.',
  menuPrompt: 'What do you need? Pick an option below or type your question.',
  menuAsk: 'Child safety Q&A',
  menuReport: 'Report abuse',
  menuHotlines: 'Emergency numbers',
  menuAbout: 'About',
  menuMain: 'Main menu',
  cancelButton: 'Cancel',
  help:
    'How to use BảoVệ: press the buttons below, or type in your own words.\n' +
    '• Type a question, e.g. "how do I teach my child body safety"\n' +
    '• "report" — report child abuse\n' +
    '• "status" with the reference — status of a report you filed\n' +
    '• "cancel" — stop what you are doing\n' +
    '• "menu" — main menu\n' +
    '• "tiếng Việt" — switch to Vietnamese\n\n' +
    'Emergency: {emergency}.',
  officerHelp:
    'For officers:\n' +
    '• "cases" — open cases in your commune\n' +
    '• "case BV-XXXXXX", or just the reference — show one case\n' +
    '• "nhắc việc" — upcoming reporting deadlines',
  about:
    'BảoVệ gives parents sourced child-safety guidance, routes citizens’ abuse reports to the right commune ' +
    'child-protection officer, and reminds officers of their legal time limits.\n\n' +
    'Content is based on the Children Law 2016, Decree 56/2017, and guidance from hotline 111 and hospitals; ' +
    'every answer names its source. BảoVệ does not replace hotline 111 or the police.',
  unknown: 'Sorry, I did not understand. Type your question in your own words, or pick an option below.',
  cancelled: 'Cancelled. What would you like to do next?',
  nothingToCancel: 'Nothing is in progress. What do you need?',
  langPrompt: 'Chọn ngôn ngữ / Choose a language:',
  langSet: 'Switched to English.',
  thanks: "You're welcome. Message me any time. If a child is in danger right now, call {emergency}.",
  rateLimited: 'You are sending messages quickly; please wait a moment. In an emergency, call {emergency}.',
  notBuilt: 'The "{feature}" part is still being built and is not available yet. In an emergency, call {emergency}.',
  tooLong: 'That message is too long ({max} characters). Please shorten it.',
  internalError: 'Sorry, something went wrong on our side. Please try again in a few minutes. In an emergency, call {emergency}.',
  expiredButton: 'That button has expired. Here is the main menu.',
  mediaUnsupported:
    'I cannot read {media} yet, so it was not kept. Please write it in words (photos and locations do come through). ' +
    'If a child is in danger right now, call {emergency}.',
  mediaKinds: 'stickers|voice messages|audio files|videos|files|links|GIFs|contact cards|this kind of message',
};

export const catalogues: Record<Lang, Catalogue> = { vi, en };

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
