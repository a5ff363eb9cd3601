// Numbers you can tap on the web pages: hotline numbers (content/hotlines.yaml) and Vietnamese
// phone numbers in any text become tel: links, and the /chat call bar. Plain HTML, no script.
import type { Child } from 'hono/jsx';
import type { Call } from '../../core/types';
import { hotlines } from '../../knowledge';

/** A Vietnamese phone number as people type it: 0912 345 678, 0912.345.678, +84 912 345 678. */
const PHONE = String.raw`(?:\+84|0)(?:[ .]?\d){8,10}`;

let pattern: RegExp | undefined;
function numberPattern(): RegExp {
  if (!pattern) {
    const lines = [...new Set(hotlines().map((h) => h.number))].sort((a, b) => b.length - a.length);
    // Whole numbers only: "111" in "1111" or in "BV-111ABC" is not a hotline.
    pattern = new RegExp(String.raw`(?<![\p{L}\p{N}+-])(${PHONE}|${lines.join('|')})(?![\p{L}\p{N}])`, 'gu');
  }
  return pattern;
}

export function telHref(number: string): string {
  return `tel:${number.replace(/[ .]/g, '')}`;
}

/** The text with every hotline and phone number as a tel: link (the rest stays text, escaped by JSX). */
export function LinkedNumbers(props: { text: string }): Child {
  const out: Child[] = [];
  let last = 0;
  for (const m of props.text.matchAll(numberPattern())) {
    if (m.index > last) out.push(props.text.slice(last, m.index));
    out.push(
      <a class="tel" href={telHref(m[0])}>
        {m[0]}
      </a>,
    );
    last = m.index + m[0].length;
  }
  if (last < props.text.length) out.push(props.text.slice(last));
  return <>{out}</>;
}

/** Big call buttons under an emergency reply (the number to call first first). */
export function CallButtons(props: { calls: Call[]; label: string }) {
  return (
    <p class="calls" aria-label={props.label}>
      {props.calls.map((c) => (
        <a class="call" href={telHref(c.number)}>
          📞 {c.number} <span class="call-label">{c.label}</span>
        </a>
      ))}
    </p>
  );
}

/** The call bar that stays at the top of /chat (CSS position: sticky, no script). */
export function CallBar(props: { calls: Call[]; label: string }) {
  return (
    <nav class="callbar" aria-label={props.label}>
      {props.calls.map((c) => (
        <a href={telHref(c.number)}>
          <strong>{c.number}</strong> <span>{c.label}</span>
        </a>
      ))}
    </nav>
  );
}
