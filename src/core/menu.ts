// The main menu and the one-line emergency reminder shown across the bot.
import type { Catalogue } from './messages';
import type { Button } from './types';

export function mainMenuButtons(t: Catalogue): Button[] {
  return [
    { label: t.menuAsk, payload: 'menu:ask' },
    { label: t.menuReport, payload: 'menu:report' },
    { label: t.menuHotlines, payload: 'menu:hotlines' },
    { label: t.menuAbout, payload: 'menu:about' },
  ];
}

/** "113 (Công an), 111 (…), 115 (…)": the emergency numbers from content/hotlines.yaml. */
export { emergencyLine } from '../knowledge';

/**
 * The buttons a reply goes out with, so no reply is a dead end: a final reply (no step) keeps its
 * own buttons and gains "main menu" when it has no way there; a step that waits for an answer
 * gains a cancel button when it has none.
 */
export function withWayOn(t: Catalogue, buttons: Button[], step: string | null): Button[] {
  if (step === null) {
    if (buttons.length === 0) return mainMenuButtons(t);
    const reachesMenu = buttons.some((b) => b.payload === 'menu:main' || b.payload === 'menu:report');
    return reachesMenu ? buttons : [...buttons, { label: t.menuMain, payload: 'menu:main' }];
  }
  const cancels = buttons.some((b) => b.payload === 'menu:cancel' || b.payload.endsWith(':cancel'));
  return cancels ? buttons : [...buttons, { label: t.cancelButton, payload: 'menu:cancel' }];
}
