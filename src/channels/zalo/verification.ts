// The Zalo domain-verification tag for GET /: ZALO_VERIFICATION holds either the content code or the
// whole <meta name="zalo-platform-site-verification" content="…"> tag copied from the Zalo console.
import type { Config } from '../../config';

const META_NAME = 'zalo-platform-site-verification';

export function zaloVerificationMeta(config: Pick<Config, 'ZALO_VERIFICATION'>): string | null {
  const value = config.ZALO_VERIFICATION?.trim();
  if (!value) return null;
  const fromTag = /content\s*=\s*["']([^"']*)["']/i.exec(value);
  const code = (value.startsWith('<') ? fromTag?.[1] : value)?.trim();
  if (!code) return null;
  return `<meta name="${META_NAME}" content="${escapeAttr(code)}" />`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
