// The /chat page: the conversation, its buttons as form buttons, a text box. Works without JavaScript.
import type { Button, Call } from '../../core/types';
import { fill } from '../../core/messages';
import { webChatText as t } from './messages';
import { PageShell } from './page';
import { CallBar, CallButtons, LinkedNumbers } from './phone';
import { chatCss } from './style';
import type { TranscriptItem } from './transcript';

export interface ChatPageProps {
  items: TranscriptItem[];
  /** Shown when the conversation is empty: the welcome and the main menu (not stored until used). */
  welcome: { text: string; buttons: Button[] } | null;
  emergency: string;
  /** The emergency numbers of the call bar, in order (content/hotlines.yaml). */
  callBar: Call[];
  asOfficer: boolean;
  officerAvailable: boolean;
}

/** Buttons stay on the newest message, and on case and reminder messages an officer acts on later. */
function showsButtons(item: TranscriptItem, isLast: boolean): boolean {
  return item.buttons.length > 0 && (isLast || item.kind === 'case' || item.kind === 'escalation' || item.kind === 'reminder');
}

function Buttons(props: { buttons: Button[] }) {
  return (
    <form method="post" action="/chat/send" class="buttons">
      <span class="sr">{t.buttonsFor}:</span>
      {props.buttons.map((b) => (
        <button type="submit" name="button" value={b.payload}>
          {b.label}
        </button>
      ))}
    </form>
  );
}

function Message(props: { item: TranscriptItem; isLast: boolean; anchor: boolean }) {
  const { item } = props;
  const cls =
    item.from === 'visitor'
      ? 'msg me'
      : item.kind === 'case' || item.kind === 'escalation'
        ? 'msg case'
        : item.tone === 'urgent'
          ? 'msg urgent'
          : item.tone === 'disclosure'
            ? 'msg disclosure'
            : 'msg';
  return (
    <li class={cls} id={props.anchor ? 'latest' : undefined} role={item.tone === 'urgent' ? 'alert' : undefined}>
      <span class="who">{item.tone === 'urgent' ? `${t.bot} — ${t.urgent}` : item.from === 'visitor' ? t.you : t.bot}</span>
      {item.from === 'visitor' ? item.text : <LinkedNumbers text={item.text} />}
      {item.calls?.length ? <CallButtons calls={item.calls} label={t.callNow} /> : null}
      {item.pending ? <span class="pending"> ({t.pending})</span> : null}
      {showsButtons(item, props.isLast) ? <Buttons buttons={item.buttons} /> : null}
    </li>
  );
}

export function ChatPage(props: ChatPageProps) {
  const lastBot = props.items.map((i) => i.from).lastIndexOf('bot');
  // After a post the page opens at the visitor's last line, with the replies to it just below.
  const lastVisitor = props.items.map((i) => i.from).lastIndexOf('visitor');
  const anchor = lastVisitor >= 0 ? lastVisitor : props.items.length - 1;
  return (
    <PageShell title={t.title} css={chatCss}>
      <CallBar calls={props.callBar} label={t.callBar} />
      <a class="skip" href="#message">
        {t.textLabel}
      </a>
      <div class="wrap">
        <header>
          <h1>{t.heading}</h1>
          <p class="small">{t.intro}</p>
          <p class="sos" role="note">
            <LinkedNumbers text={fill(t.emergency, { emergency: props.emergency })} />
          </p>
        </header>
        <main>
          <section class="mode" aria-label="Vai trò">
            <p>{props.asOfficer ? t.actingOfficer : t.actingCitizen}</p>
            {props.officerAvailable || props.asOfficer ? (
              <form method="post" action="/chat/as">
                <button type="submit" name="as" value={props.asOfficer ? 'citizen' : 'officer'}>
                  {props.asOfficer ? t.switchToCitizen : t.switchToOfficer}
                </button>
              </form>
            ) : null}
          </section>
          <h2 class="sr">{t.conversation}</h2>
          <ol class="chat" aria-label={t.conversation}>
            {props.items.length === 0 && props.welcome ? (
              <li class="msg">
                <span class="who">{t.bot}</span>
                <LinkedNumbers text={props.welcome.text} />
                <Buttons buttons={props.welcome.buttons} />
              </li>
            ) : null}
            {props.items.length === 0 && props.asOfficer ? <li class="msg">{t.officerEmpty}</li> : null}
            {props.items.map((item, i) => (
              <Message item={item} isLast={i === lastBot} anchor={i === anchor} />
            ))}
          </ol>
          <form method="post" action="/chat/send" class="composer">
            <div class="field">
              <label for="message">{t.textLabel}</label>
              <input type="text" id="message" name="text" maxlength={2000} required autocomplete="off" placeholder={t.textPlaceholder} />
            </div>
            <button type="submit" class="primary">
              {t.send}
            </button>
          </form>
          <div class="tools">
            <a class="btn" href="/chat#latest">
              {t.refresh}
            </a>
            <form method="post" action="/chat/restart">
              <button type="submit">{t.restart}</button>
            </form>
          </div>
          <p class="small">{t.privacy}</p>
        </main>
      </div>
    </PageShell>
  );
}
