// The reminders' message catalogue (Vietnamese first, then English) and the text of one reminder.
import type { Lang } from '../core/types';
import { formatVi, type Ymd } from './dates';
import type { RuleSpec } from './schema';

const vi = {
  deadline: '🔔 Nhắc hạn báo cáo: {title}\nKỳ báo cáo: {period}\nHạn nộp: trước ngày {due} ({left}).\n{text}\nNguồn: {source}',
  event: '📅 Sắp đến: {title}\nThời gian: {when} ({left}).\n{text}\nNguồn: {source}',
  daysLeft: 'còn {n} ngày',
  dueToday: 'hôm nay là hạn cuối',
  overdue: 'đã quá hạn {n} ngày',
  startsToday: 'bắt đầu hôm nay',
  rangeWhen: 'từ {from} đến {to}',
  assumed: '⚠️ Ngày này là giả định của BảoVệ (văn bản nguồn không nêu ngày); hãy xác nhận với cấp trên.',
  doneButton: 'Đã nộp báo cáo',
  eventDoneButton: 'Đã chuẩn bị xong',
  periodYear: 'năm {y}',
  periodH1: '6 tháng đầu năm {y}',
  periodH2: '6 tháng cuối năm {y}',
  periodQuarter: 'quý {q}/{y}',
  periodMonth: 'tháng {m}/{y}',
  periodDay: 'ngày {d}',
  // /nhacviec and the "done" button
  officersOnly:
    'Mục nhắc việc chỉ dành cho cán bộ bảo vệ trẻ em đã đăng ký với BảoVệ. ' +
    'Nếu bạn là cán bộ, hãy đăng ký bằng mã mời của xã/phường. Bạn vẫn có thể hỏi mình về cách giữ an toàn cho trẻ.',
  upcomingHeader: 'Việc sắp tới trong {days} ngày:',
  upcomingLine: '• {due} — {title} ({period}){marks}',
  upcomingNone: 'Trong {days} ngày tới không có hạn báo cáo hay sự kiện nào cho bạn.',
  markDone: ' ✅ đã nộp',
  markEventDone: ' ✅ đã chuẩn bị',
  markAssumed: ' ⚠️ ngày giả định',
  markMuted: ' 🔕 đang tắt nhắc',
  upcomingFooter: 'Bấm "Đã nộp báo cáo" dưới tin nhắc để ngừng nhắc kỳ đó.',
  doneRecorded: 'Đã ghi nhận: {title} — {period} đã xong. Mình sẽ không nhắc kỳ này nữa.',
  doneAlready: 'Mục {title} — {period} đã được ghi nhận là xong từ trước.',
  doneUnknown: 'Nút này không còn khớp với lịch nhắc hiện tại. Gõ "nhắc việc" để xem các hạn sắp tới.',
  doneNotYours: 'Hạn này không áp dụng cho địa bàn hoặc vai trò của bạn, nên mình không ghi nhận.',
  // The "Số liệu cho báo cáo" button under a deadline reminder: that unit's annex, in short.
  annexButton: '📊 Số liệu cho báo cáo',
  annexNotYours: 'Hạn này không áp dụng cho địa bàn hoặc vai trò của bạn, nên mình không lập số liệu.',
  annexHeader: '📊 Số liệu cho báo cáo: {title}\n{scope}, kỳ từ {from} đến {to}.',
  annexPartial: 'Kỳ chưa kết thúc: số liệu tính đến {at}.',
  annexUnverified: '⚠️ Văn bản nguồn không nói rõ kỳ báo cáo; kỳ này là giả định của BảoVệ, hãy xác nhận với cấp trên.',
  annexReceived: '• Tin báo tiếp nhận: {received} (khẩn cấp: {emergencies})',
  annexMissed: '• Không đạt thời hạn Nghị định 56: can thiệp khẩn cấp 12 giờ {emergency}, kế hoạch 5 ngày làm việc {plan}, phê duyệt 2 ngày làm việc {approval}',
  annexMoves: '• Chuyển gửi {referrals}, chuyển địa bàn {transfers}, chuyển lên cấp trên {escalations}',
  annexClosedOpen: '• Đóng hồ sơ trong kỳ {closed}; còn mở cuối kỳ {open}',
  annexCoverage: '• Xã/phường có cán bộ: {covered}/{communes}',
  annexPrivacy: 'Không có dữ liệu cá nhân; số từ 1 đến 4 ghi "<5".',
  annexLink: 'Bảng đầy đủ (tải .xlsx, in A4): {url} (đăng nhập bằng mã một lần cấp trên gửi cho bạn).',
  annexNoLink: 'Bảng đầy đủ (tải .xlsx, in A4): mục "Báo cáo" trên bảng điều khiển (đăng nhập bằng mã một lần cấp trên gửi cho bạn).',
};

export type ReminderCatalogue = typeof vi;

const en: ReminderCatalogue = {
  deadline: '🔔 Report deadline: {title}\nPeriod: {period}\nDue: before {due} ({left}).\n{text}\nSource: {source}',
  event: '📅 Coming up: {title}\nWhen: {when} ({left}).\n{text}\nSource: {source}',
  daysLeft: '{n} days left',
  dueToday: 'due today',
  overdue: '{n} days overdue',
  startsToday: 'starts today',
  rangeWhen: 'from {from} to {to}',
  assumed: '⚠️ This day is our assumption (the source gives no day); confirm it with your supervisors.',
  doneButton: 'Report submitted',
  eventDoneButton: 'Prepared',
  periodYear: 'year {y}',
  periodH1: 'first half of {y}',
  periodH2: 'second half of {y}',
  periodQuarter: 'Q{q} {y}',
  periodMonth: '{m}/{y}',
  periodDay: '{d}',
  officersOnly:
    'Reminders are only for child-protection officers registered with BảoVệ. ' +
    "If you are an officer, register with your commune's invite code. You can still ask me how to keep children safe.",
  upcomingHeader: 'Coming up in the next {days} days:',
  upcomingLine: '• {due} — {title} ({period}){marks}',
  upcomingNone: 'Nothing is due for you in the next {days} days.',
  markDone: ' ✅ submitted',
  markEventDone: ' ✅ prepared',
  markAssumed: ' ⚠️ assumed day',
  markMuted: ' 🔕 muted',
  upcomingFooter: 'Press "Report submitted" under a reminder to stop reminders for that period.',
  doneRecorded: 'Recorded: {title} — {period} is done. No more reminders for this period.',
  doneAlready: '{title} — {period} was already recorded as done.',
  doneUnknown: 'This button no longer matches the reminder schedule. Type "nhắc việc" to see what is coming.',
  doneNotYours: 'This deadline does not apply to your area or role, so it was not recorded.',
  annexButton: '📊 Numbers for the report',
  annexNotYours: 'This deadline does not apply to your area or role, so there are no numbers to give.',
  annexHeader: '📊 Numbers for the report: {title}\n{scope}, period {from} to {to}.',
  annexPartial: 'The period is not over: numbers as of {at}.',
  annexUnverified: '⚠️ The source does not state the reporting period; this period is our assumption, confirm it with your supervisors.',
  annexReceived: '• Reports received: {received} (emergencies: {emergencies})',
  annexMissed: '• Decree 56 time limits not met: 12-hour emergency response {emergency}, 5-working-day plan {plan}, 2-working-day approval {approval}',
  annexMoves: '• Referred {referrals}, moved to another commune {transfers}, escalated {escalations}',
  annexClosedOpen: '• Closed in the period {closed}; still open at its end {open}',
  annexCoverage: '• Communes with an officer: {covered}/{communes}',
  annexPrivacy: 'No personal data; counts of 1 to 4 are written "<5".',
  annexLink: 'Full tables (.xlsx download, A4 print, in Vietnamese): {url} (log in with the one-time code your supervisor sends you).',
  annexNoLink: 'Full tables (.xlsx download, A4 print, in Vietnamese): the "Báo cáo" page of the dashboard (log in with the one-time code your supervisor sends you).',
};

export const reminderMessages: Record<Lang, ReminderCatalogue> = { vi, en };
export { vi, en };

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** '2027-Q3' → 'quý III/2027', '2027-H1' → '6 tháng đầu năm 2027', … */
export function periodLabel(period: string, lang: Lang): string {
  const t = reminderMessages[lang];
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(period))) return fill(t.periodYear, { y: m[1]! });
  if ((m = /^(\d{4})-H([12])$/.exec(period))) return fill(m[2] === '1' ? t.periodH1 : t.periodH2, { y: m[1]! });
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) return fill(t.periodQuarter, { y: m[1]!, q: lang === 'vi' ? ROMAN[Number(m[2]) - 1]! : m[2]! });
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return fill(t.periodMonth, { y: m[1]!, m: m[2]! });
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return fill(t.periodDay, { d: formatVi(period) });
  return period;
}

export function sourceLabel(rule: RuleSpec): string {
  return rule.source.article ? `${rule.source.doc}, ${rule.source.article}` : rule.source.doc;
}

function leftLabel(rule: RuleSpec, daysLeft: number, lang: Lang): string {
  const t = reminderMessages[lang];
  if (daysLeft > 0) return fill(t.daysLeft, { n: daysLeft });
  if (daysLeft === 0) return rule.kind === 'deadline' ? t.dueToday : t.startsToday;
  return fill(t.overdue, { n: -daysLeft });
}

/** The reminder message for one occurrence, `daysLeft` days before its due day (negative: overdue). */
export function reminderText(rule: RuleSpec, occ: { period: string; due: Ymd; end?: Ymd }, daysLeft: number, lang: Lang): string {
  const t = reminderMessages[lang];
  const common = { title: rule.title[lang], text: rule.text[lang], source: sourceLabel(rule), left: leftLabel(rule, daysLeft, lang) };
  const body =
    rule.kind === 'deadline'
      ? fill(t.deadline, { ...common, period: periodLabel(occ.period, lang), due: formatVi(occ.due) })
      : fill(t.event, { ...common, when: occ.end ? fill(t.rangeWhen, { from: formatVi(occ.due), to: formatVi(occ.end) }) : formatVi(occ.due) });
  return rule.verified ? body : `${body}\n${t.assumed}`;
}

export function doneButtonLabel(rule: RuleSpec, lang: Lang): string {
  return rule.kind === 'deadline' ? reminderMessages[lang].doneButton : reminderMessages[lang].eventDoneButton;
}
