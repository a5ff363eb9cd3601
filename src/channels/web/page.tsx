// The HTML page shell shared by the web chat and the dashboard: Vietnamese, mobile viewport, not
// indexed, styles inline (a cheap phone loads one response; the security policy allows inline style).
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

export function PageShell(props: { title: string; css: string; children: Child }) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <style>{raw(props.css)}</style>
      </head>
      <body>{props.children}</body>
    </html>
  );
}
