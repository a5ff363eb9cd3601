// Security headers for the server-rendered pages (/chat, /admin): no inline scripts, no framing,
// forms only to this site, no referrer. `images` allows the dashboard's inline data: charts.
import { secureHeaders } from 'hono/secure-headers';

export function pageSecurityHeaders(opts: { images?: boolean; scripts?: boolean } = {}) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      ...(opts.images ? { imgSrc: ["'self'", 'data:'] } : {}),
      // The web chat's one script (share my location) comes from this site; nothing inline.
      ...(opts.scripts ? { scriptSrc: ["'self'"] } : {}),
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
  });
}
