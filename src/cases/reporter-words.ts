// What the reporter is told about a case: where it is (commune, province or national level) and how
// far it has come, in plain words. Never who holds it by name or number.
import type { Lang } from '../core/types';
import { fill } from '../core/messages';
import type { CaseRow } from './clocks';
import { asLevel, levelName } from './levels';
import { caseWorkMessages } from './messages';

type Fields = Pick<CaseRow, 'status' | 'level' | 'ackLevel'>;

export function reporterWords(lang: Lang, row: Fields): string {
  const t = caseWorkMessages[lang];
  switch (row.status) {
    case 'acknowledged':
      return fill(t.reporter_acknowledged, { level: levelName(t, row.ackLevel ?? row.level) });
    case 'escalated':
      return asLevel(row.level) === 'commune' ? t.reporter_received_commune : fill(t.reporter_escalated, { level: levelName(t, row.level) });
    case 'assessed':
      return t.reporter_assessed;
    case 'plan':
      return t.reporter_plan;
    case 'closed':
      return t.reporter_closed;
    default:
      return t[`reporter_received_${asLevel(row.level)}`];
  }
}
