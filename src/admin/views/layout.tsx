// The dashboard frame: skip link, navigation (current page marked), who is signed in, sign-out form.
import type { Child } from 'hono/jsx';
import { fill } from '../../core/messages';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import { adminCss } from './style';
import { contentText } from './content';
import { PageShell } from '../../channels/web/page';

export type Section = 'cases' | 'coverage' | 'deadlines' | 'stats' | 'reports' | 'outbox' | 'content' | 'login';

export function Document(props: { title: string; children: Child }) {
  return (
    <PageShell title={`${props.title} — ${t.appName}`} css={adminCss}>
      {props.children}
    </PageShell>
  );
}

export function Csrf(props: { user: AdminUser }) {
  return props.user.csrf ? <input type="hidden" name="_csrf" value={props.user.csrf} /> : null;
}

function roleText(user: AdminUser): string {
  return fill(t.role[user.role], { code: user.scopeCode ?? '' });
}

export function Layout(props: { user: AdminUser; section: Section; title: string; children: Child }) {
  const { user } = props;
  const links: Array<[Section, string, string]> = [
    ['cases', '/admin', t.nav.cases],
    ['deadlines', '/admin/deadlines', t.nav.deadlines],
    ['stats', '/admin/stats', t.nav.stats],
    ['reports', '/admin/reports', t.nav.reports],
  ];
  if (user.role !== 'commune') links.splice(1, 0, ['coverage', '/admin/coverage', t.nav.coverage]);
  if (user.role === 'national') links.push(['outbox', '/admin/outbox', t.nav.outbox], ['content', '/admin/content', contentText.nav]);
  return (
    <Document title={props.title}>
      <a class="skip" href="#main">
        {t.skip}
      </a>
      <header class="top">
        <div class="bar">
          <span class="brand">{t.appName}</span>
          <nav aria-label="Chính">
            <ul>
              {links.map(([key, href, label]) => (
                <li>
                  <a href={href} aria-current={key === props.section ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="who">
            <span>
              {fill(t.signedInAs, { label: user.label })} ({roleText(user)})
            </span>
            {user.csrf ? (
              <form method="post" action="/admin/logout">
                <Csrf user={user} />
                <button type="submit">{t.logout}</button>
              </form>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main">{props.children}</main>
    </Document>
  );
}
