// The /chat page: the conversation, its buttons as form buttons, a text box. Works without JavaScript;
// a small script (chat.js) only adds "share my location" where the browser allows it.
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
  /** The demo web chat: its reports are demo cases (said plainly). */
  demo?: boolean;
  /** A problem with what the visitor just sent that the page itself found (a photo too big). */
  notice?: string | null;
  photoLimits: { max: number; mb: number };
}

/** Steps answered with a button: the text box is not focused there (the keyboard would hide the buttons). */
const CHOICE_STEPS = new Set(['report.child_age', 'report.danger', 'report.confirm', 'report.location.pick', 'report.location.confirm']);
/** The bot waits for words: the text box gets the focus (the phone keyboard stays up). */
export function waitsForTyping(state: string | null): boolean {
  return state !== null && !CHOICE_STEPS.has(state);
}

/** Steps that take a shared location. */
const LOCATION_STEPS = new Set(['report.location', 'where.location']);

/** The main action of a message stands out; leaving (cancel, keep) is quieter; edits are small. */
function buttonClass(payload: string): string | undefined {
  if (payload === 'report:confirm') return 'primary';
  if (payload.endsWith(':cancel') || payload === 'report:keep') return 'quiet';
  if (payload.startsWith('report:edit:')) return 'edit';
  return undefined;
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
        <button type="submit" name="button" value={b.payload} class={buttonClass(b.payload)}>
          {b.label}
        </button>
      ))}
    </form>
  );
}

/** Message text with reference codes kept on one line ("BV-" never apart from its six characters), and every phone number a tel: link. */
function MessageText(props: { text: string }) {
  const parts = props.text.split(/(BV-[0-9A-Z]{6})/);
  return <>{parts.map((p, i) => (i % 2 === 1 ? <span class="ref">{p}</span> : <LinkedNumbers text={p} />))}</>;
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
      <MessageText text={item.text} />
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
  const waitingFor = lastBot >= 0 ? props.items[lastBot]!.state : null;
  const typing = waitsForTyping(waitingFor);
  const takesPhoto = !props.asOfficer && waitingFor?.startsWith('report.') === true;
  const takesLocation = !props.asOfficer && waitingFor !== null && LOCATION_STEPS.has(waitingFor);
  return (
    <PageShell title={t.title} css={chatCss}>
      <CallBar calls={props.callBar} label={t.callBar} />
      <a class="skip" href="#message">
        {t.textLabel}
      </a>
      <div class="wrap">
        <header class="top">
          <h1>{t.heading}</h1>
          <p class="sos" role="note">
            <LinkedNumbers text={fill(t.emergency, { emergency: props.emergency })} />
          </p>
          {props.demo ? (
            <p class="demo" role="note">
              {t.demoShort}
            </p>
          ) : null}
        </header>
        <main>
          <h2 class="sr">{t.conversation}</h2>
          <ol class="chat" aria-label={t.conversation}>
            {props.items.length === 0 && props.welcome ? (
              <li class="msg">
                <span class="who">{t.bot}</span>
                <LinkedNumbers text={props.welcome.text} />
                <Buttons buttons={props.welcome.buttons} />
              </li>
            ) : null}
            {props.items.length === 0 && props.asOfficer ? (
              <li class="msg">
                <span class="who">{t.bot}</span>
                {t.officerEmpty}
                <form method="post" action="/chat/send" class="buttons">
                  <button type="submit" name="text" value={t.officerCasesWord} class="primary">
                    {t.officerCases}
                  </button>
                </form>
              </li>
            ) : null}
            {props.items.map((item, i) => (
              <Message item={item} isLast={i === lastBot} anchor={i === anchor} />
            ))}
          </ol>
          {props.notice ? (
            <p class="notice" role="alert">
              {props.notice}
            </p>
          ) : null}
          <form method="post" action="/chat/send" class="composer" enctype="multipart/form-data">
            <div class="row">
              <div class="field">
                <label for="message">{t.textLabel}</label>
                <input type="text" id="message" name="text" maxlength={2000} autocomplete="off" placeholder={t.textPlaceholder} autofocus={typing} />
              </div>
              <button type="submit" class="primary send">
                {t.send}
              </button>
            </div>
            {takesPhoto ? (
              <div class="attach">
                <label for="photo">{t.photoLabel}</label>
                <input type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby="photo-hint" />
                <p class="small" id="photo-hint">
                  {fill(t.photoHint, { max: props.photoLimits.max, mb: props.photoLimits.mb })}
                </p>
              </div>
            ) : null}
          </form>
          {takesLocation ? (
            <>
              {/* Shown by chat.js only where the browser has geolocation; the typed address always works. */}
              <form method="post" action="/chat/send" id="geo" class="geo" hidden data-denied={t.locationDenied}>
                <input type="hidden" name="lat" value="" />
                <input type="hidden" name="lon" value="" />
                <button type="submit">{t.shareLocation}</button>
                <p class="small" role="status" aria-live="polite"></p>
              </form>
              {/* Hidden by chat.js when it offers the button: without a script, this is what the page can do. */}
              <p class="small" id="geo-none">
                {t.locationNoScript}
              </p>
            </>
          ) : null}
          <div class="tools">
            <a class="btn" href="/chat#latest">
              {t.refresh}
            </a>
            <form method="post" action="/chat/restart">
              <button type="submit" class="quiet">
                {t.restart}
              </button>
            </form>
          </div>
        </main>
        <footer class="foot">
          <p class="small">{t.intro}</p>
          {props.demo ? <p class="small">{t.demoNotice}</p> : null}
          {props.officerAvailable || props.asOfficer ? (
            <section class="mode" aria-label={t.demoTitle}>
              <p class="small">{props.asOfficer ? t.actingOfficer : t.actingCitizen}</p>
              <form method="post" action="/chat/as">
                <button type="submit" name="as" value={props.asOfficer ? 'citizen' : 'officer'} class="quiet">
                  {props.asOfficer ? t.switchToCitizen : t.switchToOfficer}
                </button>
              </form>
            </section>
          ) : null}
          <p class="small">{t.privacy}</p>
        </footer>
      </div>
      {takesLocation ? <script src="/chat/chat.js" defer></script> : null}
    </PageShell>
  );
}
