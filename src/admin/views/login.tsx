// The login page: one field for an officer's one-time code (or the national ADMIN_TOKEN).
import { adminText as t } from '../messages';
import { Document } from './layout';

export function LoginPage(props: { nonce: string; error?: string; tokenConfigured: boolean }) {
  return (
    <Document title={t.loginTitle}>
      <main id="main" class="login">
        <h1>{t.loginTitle}</h1>
        <p class="help">{t.loginHelp}</p>
        {props.tokenConfigured ? null : <p class="help">{t.loginNoToken}</p>}
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/admin/login" class="card">
          <input type="hidden" name="_csrf" value={props.nonce} />
          <label for="code">{t.loginField}</label>
          <input type="password" id="code" name="code" required autocomplete="one-time-code" autofocus style="width:100%" />
          <p>
            <button type="submit">{t.loginButton}</button>
          </p>
        </form>
      </main>
    </Document>
  );
}

/** A short page for refusals (403, 404) inside the frame or, without a user, on its own. */
export function MessagePage(props: { title: string; text: string }) {
  return (
    <Document title={props.title}>
      <main id="main" class="login">
        <h1>{props.title}</h1>
        <p>{props.text}</p>
        <p>
          <a href="/admin">{t.nav.cases}</a>
        </p>
      </main>
    </Document>
  );
}
