// The guidance capability's message catalogue: Vietnamese first, English second.
// Placeholders in {braces} are filled by render.ts; phone numbers always come from content/hotlines.yaml.

const vi = {
  more: 'Xem thêm',
  sourcePrefix: 'Nguồn: ',
  emergencyLead: 'Nếu trẻ đang gặp nguy hiểm, hãy gọi ngay các số trên — gọi trước, rồi mới làm việc khác.',
  emergencyReport:
    'Khi trẻ đã an toàn, bạn có thể báo tin cho cán bộ bảo vệ trẻ em của xã/phường ngay tại đây (có thể ẩn danh).',
  emergencyTopic: 'Hướng dẫn liên quan: {title}',
  reportNow: 'Báo tin ngay',
  crisisAfter: 'Khi trẻ đã an toàn, bấm "Báo tin ngay" để báo cho cán bộ bảo vệ trẻ em của xã/phường (có thể ẩn danh).',
  crisisAfterChild: 'Khi em đã an toàn, em có thể bấm "Báo tin ngay" để người lớn ở xã/phường biết và giúp em.',
  crisisAgainDanger: 'Nếu chưa gọi được, hãy gọi {number} ({label}) ngay bây giờ — gọi trước, rồi làm tiếp các bước ở tin nhắn trên.',
  crisisAgainDisclosure: 'Bạn có thể gọi {number} ({label}) bất cứ lúc nào để được tư vấn về bước tiếp theo.',
  crisisAgainChild: 'Em vẫn có thể gọi {number} bất cứ lúc nào, cả ban đêm. Em không có lỗi, và em không phải chịu chuyện này một mình.',
  crisisNext: 'Tiếp theo — {title}:',
  crisisReportOffer: 'Khi trẻ đã an toàn, bấm "Báo tin ngay" để cán bộ bảo vệ trẻ em của xã/phường theo dõi, hỗ trợ (có thể ẩn danh).',
  crisisReportOfferDisclosure:
    'Bước tiếp theo là báo tin để cán bộ bảo vệ trẻ em của xã/phường đánh giá và hỗ trợ trẻ: bấm "Báo tin ngay" (có thể ẩn danh).',
  readFullGuide: 'Xem hướng dẫn đầy đủ',
  unsure:
    'Mình chưa chắc đã hiểu đúng câu hỏi của bạn. Có phải bạn muốn hỏi về một trong các chủ đề dưới đây không? ' +
    'Bạn cũng có thể hỏi lại bằng lời khác.',
  unsureNoSuggestion:
    'Mình chưa chắc đã hiểu đúng câu hỏi của bạn. Bạn thử hỏi lại bằng lời khác, hoặc xem danh sách chủ đề nhé.',
  offtopic:
    'Xin lỗi, câu này nằm ngoài phạm vi của mình. Mình chỉ hỗ trợ các câu hỏi về an toàn và bảo vệ trẻ em ' +
    '(xâm hại, bạo lực, đuối nước, tai nạn, an toàn trên mạng, báo tin, đường dây nóng…).\n\n' +
    'Nếu trẻ đang gặp nguy hiểm hoặc ốm nặng, hãy gọi ngay {emergency}.',
  allTopics: 'Xem các chủ đề',
  topicListIntro: 'Các chủ đề mình có thể giúp. Chọn một chủ đề để xem hướng dẫn:',
  hotlinesTitle: 'Số điện thoại khẩn cấp (miễn phí):',
  provincialTitle: 'Đường dây của tỉnh (cần xác nhận với địa phương):',
  fullInVietnamese: '',
};

export type KnowledgeCatalogue = typeof vi;

const en: KnowledgeCatalogue = {
  more: 'Read more',
  sourcePrefix: 'Source: ',
  emergencyLead: 'If a child is in danger, call the numbers above now — call first, everything else can wait.',
  emergencyReport:
    "Once the child is safe, you can report it here to the commune's child-protection officer (anonymously if you wish).",
  emergencyTopic: 'Related guide: {title}',
  reportNow: 'Report now',
  crisisAfter: 'Once the child is safe, press "Report now" to tell the commune\'s child-protection officer (anonymously if you wish).',
  crisisAfterChild: 'When you are safe, you can press "Report now" so that adults at your commune know and can help you.',
  crisisAgainDanger: 'If you have not called yet, call {number} ({label}) now — call first, then go on with the steps in the message above.',
  crisisAgainDisclosure: 'You can call {number} ({label}) at any time for advice on the next step.',
  crisisAgainChild: 'You can still call {number} at any time, even at night. It is not your fault, and you do not have to face this alone.',
  crisisNext: 'Next — {title}:',
  crisisReportOffer: 'Once the child is safe, press "Report now" so the commune\'s child-protection officer can follow up (anonymously if you wish).',
  crisisReportOfferDisclosure:
    'The next step is a report, so the commune\'s child-protection officer can assess and support the child: press "Report now" (anonymously if you wish).',
  readFullGuide: 'Read the full guide',
  unsure:
    "I'm not sure I understood your question. Is it about one of the topics below? You can also ask again in other words.",
  unsureNoSuggestion:
    "I'm not sure I understood your question. Please ask again in other words, or browse the topics.",
  offtopic:
    "Sorry, that is outside what I can help with. I only answer questions about children's safety and protection " +
    '(abuse, violence, drowning, accidents, online safety, reporting, hotlines…).\n\n' +
    'If a child is in danger or seriously ill, call {emergency} now.',
  allTopics: 'Browse topics',
  topicListIntro: 'Topics I can help with. Pick one to read the guide:',
  hotlinesTitle: 'Emergency numbers (free):',
  provincialTitle: 'Provincial lines (to be confirmed locally):',
  fullInVietnamese: 'The full guide is in Vietnamese; here is the summary first, then the full text:',
};

export const messages: { vi: KnowledgeCatalogue; en: KnowledgeCatalogue } = { vi, en };

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
