// The shape of a whole message, for the triage classifier (src/triage/features.ts; session 11,
// docs/triage.md): is it asked, does it say now, does it name a child of the writer's, is it told
// as over, asked ahead of time, framed by a film, the news, a game or homework, or about children
// in general. These are not danger cues (those are data in content/triage.yaml and decide on a
// danger word and its neighbours); they are the few words that say what kind of message it is,
// so that the classifier can weigh their combinations ("asked, no child of mine, nothing says
// now"), which a bag of words cannot.
import { analyse, hasMarks, type Syllable } from '../knowledge/text';

const LISTS = {
  /** Something happens now or just happened. */
  now: [
    'đang', 'vừa', 'vừa mới', 'lúc nãy', 'hồi nãy', 'ban nãy', 'nãy giờ', 'bây giờ', 'giờ', 'ngay bây giờ', 'hiện giờ',
    'tối nay', 'đêm nay', 'sáng nay', 'chiều nay', 'trưa nay', 'hôm nay', 'tối qua', 'đêm qua', 'hôm qua',
    'từ sáng', 'từ tối', 'mấy tiếng', 'gấp', 'khẩn cấp',
    'right now', 'now', 'just', 'tonight', 'today', 'this morning', 'currently', 'at the moment', 'minutes ago',
    'hurry', 'yesterday', 'since', 'is being', 'are being',
  ],
  /** Told as over. */
  past: [
    'hồi nhỏ', 'hồi bé', 'hồi xưa', 'ngày xưa', 'ngày trước', 'hồi trước', 'năm ngoái', 'năm trước', 'năm kia',
    'tháng trước', 'tuần trước', 'hôm trước', 'hôm bữa', 'hôm nọ', 'lần trước', 'hồi lớp', 'hồi tháng', 'hồi năm',
    'năm lớp', 'hồi đó', '=từng', 'đã khỏi', 'khỏi rồi', 'đã lành', 'lành rồi', 'không sao', 'đã ổn', 'ổn rồi',
    'last year', 'last month', 'last week', 'last summer', 'years ago', 'months ago', 'weeks ago', 'used to',
    'when i was', 'back then', 'was fine', 'was okay', 'recovered', 'healed',
  ],
  /** Asked ahead of time, a hypothesis, how-to or prevention. */
  ahead: [
    'nếu', '=lỡ', '=nhỡ', 'lỡ như', 'nhỡ như', 'giả sử', 'mai mốt', 'sau này', 'làm sao để', 'làm thế nào để', 'làm sao cho', 'cách',
    'phòng tránh', 'phòng ngừa', 'đề phòng', 'phòng chống', 'để không', 'không bị', 'dạy con', 'dạy bé', 'dạy trẻ',
    'trước khi', 'chuẩn bị', 'hướng dẫn', 'hỏi trước', 'để biết',
    'if', 'what if', 'in case', 'how do i', 'how can i', 'how to', 'how should', 'ever', 'prepare', 'prevent', 'teach',
    'tips', 'safest', 'avoid', 'before',
  ],
  /** Framed by media, school or play. */
  frame: [
    'phim', 'đọc báo', 'trên báo', 'báo đăng', 'bài báo', 'báo chí', 'tin tức', 'thời sự', 'bản tin', 'game',
    'trò chơi', 'truyện', 'tiểu thuyết', 'bài tập', 'bài văn', 'đề bài', 'bài kiểm tra', 'dự án', 'vở kịch', 'đóng vai',
    'diễn tập', 'clip', 'tiktok', 'youtube', 'mạng xã hội', 'lan truyền', 'bài hát', '=sách',
    'on the news', 'in the news', 'news report', 'movie', 'film', 'series', 'book', 'novel', 'roleplay', 'homework', 'school report', 'project', 'essay',
    'article', 'song', 'lyrics', 'drill', 'science class', 'cartoon',
  ],
  /** A child of the writer's, or the writer as the one it happens to. */
  mine: [
    'con', 'con tôi', 'con em', 'con mình', 'con tui', 'bé nhà', 'con nhà', 'cháu tôi', 'cháu nhà', 'cháu em',
    'em trai', 'em gái', 'em bị', 'tui bị', 'mình bị', 'tao bị', 'con bị', 'bé bị', 'cháu bị',
    'my son', 'my daughter', 'my kid', 'my baby', 'my toddler', 'my child', 'my little', 'my brother', 'my sister',
    'my niece', 'my nephew', 'my boy', 'my girl', 'our son', 'our daughter', 'our baby', 'i was',
    // the writer is the child: their own family
    'bố em', 'ba em', 'mẹ em', 'má em', 'bố tui', 'ba tui', 'mẹ tui', 'dượng', 'mẹ kế', 'bố dượng',
    'my mom', 'my dad', 'my mum', 'my stepdad', 'my stepmom', 'my parents', 'to me',
  ],
  /** Children in general. */
  general: [
    'trẻ', 'trẻ em', 'trẻ con', 'trẻ nhỏ', 'các bé', 'các con', 'đứa trẻ', 'học sinh', 'mọi người', 'người ta',
    'kids', 'children', 'toddlers', 'teens', 'teenagers', 'babies', 'people',
  ],
} as const;

type Shape = keyof typeof LISTS;

let compiled: Array<[Shape, Array<Array<Syllable & { marked?: boolean }>>]> | undefined;
// "=lỡ": a word that counts only typed with its marks ("lo", "nho", "tung", "sach" are other words).
const lists = () =>
  (compiled ??= (Object.keys(LISTS) as Shape[]).map((k) => [
    k,
    LISTS[k].map((p) => analyse(p.replace(/^=/, '')).map((syl) => (p.startsWith('=') ? { ...syl, marked: true } : syl))),
  ]));

/**
 * A word typed with marks must be the listed word ("còn" is not "con", "mẹ" not "me"); one typed
 * without them matches on its folded form ("dang" is "đang").
 */
const same = (typed: Syllable, listed: Syllable & { marked?: boolean }) =>
  hasMarks(typed) || listed.marked ? typed.raw === listed.raw : typed.folded === listed.folded;

function has(syl: readonly Syllable[], phrases: Array<Array<Syllable & { marked?: boolean }>>, skip?: (i: number) => boolean): boolean {
  for (const p of phrases) {
    for (let i = 0; i + p.length <= syl.length; i++) {
      if (skip?.(i)) continue;
      let ok = true;
      for (let j = 0; j < p.length && ok; j++) ok = same(syl[i + j]!, p[j]!);
      if (ok) return true;
    }
  }
  return false;
}

const ASKED_END = new Set(['không', 'khong', 'chưa', 'chua', 'gì', 'gi', 'sao', 'nào', 'nao', 'nhỉ', 'nhi', 'ạ', 'hả', 'vậy', 'vay']);
const ASKED_START = new Set(['how', 'what', 'why', 'is', 'are', 'can', 'should', 'do', 'does', 'when', 'where', 'which', 'who']);

/** The shape of a message: which of the lists above it holds, and whether it is asked. */
export function messageShape(text: string, syl: readonly Syllable[] = analyse(text)): Record<Shape | 'ask', boolean> {
  const out = { ask: text.includes('?') || ASKED_END.has(syl.at(-1)?.raw ?? '') || ASKED_START.has(syl[0]?.raw ?? '') } as Record<Shape | 'ask', boolean>;
  for (const [k, phrases] of lists()) {
    // "trẻ con", "các con" are children in general, not the writer's.
    const skip = k === 'mine' ? (i: number) => i > 0 && ['tre', 'cac', 'nhung', 'may'].includes(syl[i - 1]!.folded) : undefined;
    out[k] = has(syl, phrases, skip);
  }
  // The English progressive says now ("a teenager is standing on the railing").
  if (!out.now) out.now = syl.some((x, i) => i > 0 && ['is', 'are', 'am', 's', 're'].includes(syl[i - 1]!.raw) && x.raw.length > 5 && x.raw.endsWith('ing'));
  return out;
}

/**
 * Features of the message's shape: each flag, and the combinations a linear model cannot make of
 * them ("@ask-mine-now": asked, no child of the writer's, nothing says now).
 */
export function shapeFeatures(text: string, syl?: readonly Syllable[]): string[] {
  const s = messageShape(text, syl);
  const out: string[] = [];
  for (const [k, v] of Object.entries(s)) if (v) out.push(`@${k}`);
  if (s.mine && s.now) out.push('@mine+now');
  if (s.mine && !s.now) out.push('@mine-now');
  if (s.ask && !s.now) out.push('@ask-now');
  if (s.ask && !s.mine && !s.now) out.push('@ask-mine-now');
  if (s.ahead && !s.now) out.push('@ahead-now');
  if (s.past && !s.now) out.push('@past-now');
  if (s.past && s.now) out.push('@past+now');
  if (s.frame && !s.now) out.push('@frame-now');
  if (s.general && !s.mine && !s.now) out.push('@general-mine-now');
  if (!s.ask && !s.ahead && !s.past && !s.frame) out.push('@told');
  return out;
}
