// What a first reply must say for each kind of danger, and one real-sounding message per kind
// (written for these stories, not taken from any evaluation set).
import { hotlines } from '../../src/knowledge/compiled.generated';
import type { DangerKind } from '../../src/triage/outcome';

/** The life-saving action each danger's first line must carry, Vietnamese and English. */
export const FIRST_ACTION: Record<DangerKind, [RegExp, RegExp]> = {
  drowning: [/thổi ngạt – ép tim/, /rescue breaths and chest compressions/],
  choking: [/vỗ lưng – ấn ngực/, /back blows/],
  poisoning: [/KHÔNG gây nôn/, /Do NOT make the child vomit/],
  burn: [/xối nước mát.*20 phút.*ngắt điện trước/, /cool the burn.*20 minutes.*cut the power before/],
  injury: [/ấn chặt lên vết thương/, /press firmly on the wound/],
  violence: [/gọi 113/, /call 113/],
  sexual_abuse: [/ra khỏi chỗ người đó.*gọi 113/, /away from that person.*call 113/],
  abduction: [/Gọi 113 ngay.*KHÔNG chuyển tiền/, /Call 113 now.*do NOT pay/],
  trafficking: [/Gọi 113 ngay/, /Call 113 now/],
  sextortion: [/không chuyển tiền.*KHÔNG để trẻ đi gặp/, /pay nothing.*do NOT let the child go to meet/],
  suicide: [/Ở bên trẻ ngay, đừng để trẻ một mình/, /Stay with the child now/],
  alone: [/Đưa trẻ ra ngay/, /Get the child out now/],
  medical: [/Gọi 115 ngay và ở cạnh trẻ/, /Call 115 now and stay with the child/],
  unspecified: [/gọi ngay: 113 nếu có người đang làm hại trẻ/, /call now: 113 if someone is hurting the child/],
};

/** The number to call first: 115 for medical danger, 113 for a crime in progress. */
export const FIRST_NUMBER: Record<DangerKind, string> = {
  drowning: '115', choking: '115', poisoning: '115', burn: '115', injury: '115',
  violence: '113', sexual_abuse: '113', abduction: '113', trafficking: '113', sextortion: '113',
  suicide: '115', alone: '113', medical: '115', unspecified: '113',
};

/** A parent's message, sent with no /start, for each kind of danger. */
export const DANGER_MESSAGES: Record<DangerKind, string> = {
  drowning: 'con tôi vừa được vớt lên khỏi ao, tím tái, không thở, có nên dốc ngược không',
  choking: 'bé nhà tôi đang hóc hạt nhãn, không thở được, mặt tím lại',
  poisoning: 'con tôi 2 tuổi vừa uống nước tẩy bồn cầu',
  burn: 'bé nhà tôi vừa bị nước sôi đổ vào người, bỏng hết cánh tay',
  injury: 'con tôi vừa ngã từ tầng 2 xuống, đầu chảy nhiều máu',
  violence: 'chồng tôi đang đánh con tôi bằng gậy, cứu với',
  sexual_abuse: 'con gái tôi vừa bị hàng xóm hiếp dâm',
  abduction: 'có người gọi điện nói đang giữ con tôi, đòi 200 triệu tiền chuộc',
  trafficking: 'con gái tôi bị người ta lừa đưa sang Trung Quốc bán, giờ đang ở gần biên giới',
  sextortion: 'có đứa đang dọa tung ảnh nóng của con gái tôi nếu không chuyển tiền, tối nay nó hẹn con tôi ra gặp',
  suicide: 'con tôi nói muốn chết, đang đứng ngoài ban công tầng 5',
  alone: 'bé 2 tuổi bị bỏ quên trong ô tô ngoài nắng, cửa khóa',
  medical: 'con tôi 2 tuổi đang sốt cao thì lên cơn co giật, mắt trợn ngược, giờ phải làm sao',
  unspecified: 'cứu với, giúp tôi với',
};

/** The first national line the text names. */
export function firstNumber(text: string): string | undefined {
  const numbers = hotlines().national.map((h) => h.number);
  return [...text.matchAll(/(?<!\d)(\d{3})(?!\d)/g)].map((m) => m[1]!).find((n) => numbers.includes(n));
}
