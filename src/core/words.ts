// Plain words that do what a slash command does: "huỷ", "báo tin", "xem tình trạng BV-…", "menu".
// People on Zalo do not type slash commands; a whole message that is one of these phrases (with or
// without diacritics) is read as the command, at any step, so "huy" at the address step cancels.
import { fold } from '../knowledge/text';

/** A phrase (folded, words separated by single spaces) and the command it stands for. */
interface PlainWord {
  phrases: string[];
  command: string;
  /** What may follow the phrase: nothing, or an argument passed to the command. */
  arg: 'none' | 'optional' | 'required';
  /** What an argument must look like; anything else means the message was not this command. */
  argPattern?: RegExp;
  /** Only outside a step: inside one, such words are likely the answer ("địa chỉ: 12 Quán Thánh"). */
  outsideSteps?: boolean;
  /** Phrases said in English: the command answers in English (its argument is "en"). */
  english?: string[];
}

const REF_ARG = /^bv[\s_\u2013\u2014-]?[a-z0-9]{6}$/i; // – — or -
const INVITE_ARG = /^[a-z0-9]{4}[\s-]?[a-z0-9]{4}$/i;

const WORDS: PlainWord[] = [
  { phrases: ['huy', 'huy bo', 'huy bao tin', 'thoi', 'thoi khong bao nua', 'dung lai', 'cancel', 'stop'], command: 'huy', arg: 'none' },
  { phrases: ['menu', 'menu chinh', 've menu', 've menu chinh', 'main menu'], command: 'menu', arg: 'none' },
  { phrases: ['bao tin', 'bao tin moi', 'bao tin xam hai', 'toi muon bao tin', 'report', 'report abuse'], command: 'baotin', arg: 'none' },
  { phrases: ['xem tinh trang', 'tinh trang', 'xem trang thai', 'trang thai', 'status'], command: 'status', arg: 'optional', argPattern: REF_ARG },
  { phrases: ['huong dan', 'tro giup', 'help'], command: 'help', arg: 'none' },
  { phrases: ['so khan cap', 'so dien thoai khan cap', 'emergency numbers'], command: 'sos', arg: 'none' },
  { phrases: ['gioi thieu', 'about'], command: 'about', arg: 'none' },
  { phrases: ['dia chi', 'xem dia chi', 'tim xa phuong'], command: 'diachi', arg: 'optional', outsideSteps: true },
  { phrases: ['tieng viet'], command: 'lang', arg: 'none' },
  // A greeting or a thank-you on its own, outside a step (inside one it may be an answer).
  { phrases: ['xin chao', 'chao', 'chao ban', 'chao bot', 'chao ad', 'chao admin', 'xin chao ban', 'alo', 'bat dau'], english: ['hi', 'hello', 'hey', 'start'], command: 'chao', arg: 'none', outsideSteps: true },
  { phrases: ['cam on', 'cam on ban', 'cam on nhieu', 'cam on nhe', 'cam on bot', 'cam on ad', 'ok cam on', 'ok', 'oke', 'da', 'vang', 'da vang', 'da cam on'], english: ['thanks', 'thank you', 'thank you so much', 'thanks a lot', 'okay'], command: 'camon', arg: 'none', outsideSteps: true },
  { phrases: ['english'], command: 'lang', arg: 'none' },
  // Officers
  { phrases: ['vu viec', 'cac vu viec', 'danh sach vu viec', 'cases'], command: 'cases', arg: 'none' },
  { phrases: ['xem vu viec', 'vu viec', 'case'], command: 'case', arg: 'required', argPattern: REF_ARG },
  { phrases: ['nhac viec', 'lich nhac', 'han bao cao'], command: 'nhacviec', arg: 'none' },
  { phrases: ['dang ky', 'dang ki'], command: 'dangky', arg: 'optional', argPattern: INVITE_ARG },
];


/** The command a plain message stands for, with its argument (from the original text), or null. */
export function plainCommand(text: string, opts: { officer?: boolean; inStep?: boolean } = {}): { name: string; arg: string } | null {
  const original = text.trim().replace(/[.!?\u2026]+$/u, '') /* also … */.trim();
  if (!original || original.length > 80) return null;
  // A bare case reference ("BV-7K3Q9M", "bv 7k3q9m") asks for that report's status.
  // An officer's bare reference opens the case instead.
  if (REF_ARG.test(original)) return { name: opts.officer ? 'case' : 'status', arg: original };
  const words = original.split(/\s+/);
  const folded = words.map((w) => fold(w));
  for (const word of WORDS) {
    if (word.outsideSteps && opts.inStep) continue;
    for (const phrase of [...word.phrases, ...(word.english ?? [])]) {
      const p = phrase.split(' ');
      if (folded.length < p.length || !p.every((w, i) => folded[i] === w)) continue;
      const rest = words.slice(p.length).join(' ');
      if (rest && word.arg === 'none') continue;
      if (!rest && word.arg === 'required') continue;
      if (rest && word.argPattern && !word.argPattern.test(rest)) continue;
      const name = word.command;
      if (name === 'lang') return { name, arg: phrase === 'english' ? 'en' : 'vi' };
      // Said in English: the answer is in English ("thank you", "hello").
      if (word.english) return { name, arg: word.english.includes(phrase) ? 'en' : '' };
      return { name, arg: rest };
    }
  }
  return null;
}
