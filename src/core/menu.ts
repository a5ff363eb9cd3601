// The main menu and the one-line emergency reminder shown across the bot.
import { emergencyHotlines } from '../knowledge';
import type { Catalogue } from './messages';
import type { Button, Lang } from './types';

export function mainMenuButtons(t: Catalogue): Button[] {
  return [
    { label: t.menuAsk, payload: 'menu:ask' },
    { label: t.menuReport, payload: 'menu:report' },
    { label: t.menuHotlines, payload: 'menu:hotlines' },
    { label: t.menuAbout, payload: 'menu:about' },
  ];
}

/** "113 (Công an), 111 (…), 115 (…)": the emergency numbers from content/hotlines.yaml. */
export function emergencyLine(lang: Lang): string {
  return emergencyHotlines()
    .map((h) => `${h.number} (${shortLabel(h.label[lang])})`)
    .join(', ');
}

function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '');
}
