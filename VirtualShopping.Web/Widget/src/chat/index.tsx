// The chat UI, running in its own document (GET /widget/frame?key=&lang=&origin=) framed by the merchant's page.
// It talks to the loader by postMessage (only with the origin the server verified) and to the app by REST and SignalR.
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FrameMessage, LoaderMessage, WidgetConfig } from '../shared/protocol';
import { ChatController, type UiState } from './controller';
import { Conversation } from './conversation';
import { Details, LeftMessage, Needs, Waiting } from './forms';
import { CloseIcon } from './icons';

const params = new URLSearchParams(location.search);
const hostOrigin = params.get('origin') ?? '';
/** To the loader only, at the origin the server checked against the merchant's allowed origins. */
function post(message: FrameMessage): void {
  if (hostOrigin && window.parent !== window) window.parent.postMessage(message, hostOrigin);
}
const controller = new ChatController(params.get('key') ?? '', post);

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as LoaderMessage | null;
  if (event.origin !== hostOrigin || event.source !== window.parent || !message || message.vs !== 1) return;
  controller.receive(message);
});

const FOCUSABLE = 'button:not([disabled]), input:not([tabindex="-1"]), textarea, select, a[href], [tabindex="0"]';

function App() {
  const [state, setState] = useState<UiState>(controller.state);
  const panel = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);

  // Subscribed after the first render: a state set in between (the loader's init can arrive first, while the
  // frame is still hidden and effects wait) is taken up here, or the panel would stay on "Loading…".
  useEffect(() => {
    const unsubscribe = controller.subscribe(() => setState(controller.state));
    setState(controller.state);
    return unsubscribe;
  }, []);

  // The merchant's colours and font (contrast-checked on the server), through CSSOM only (style-src 'self').
  useEffect(() => {
    if (state.config) applyTheme(state.config);
    document.documentElement.lang = state.config?.language ?? document.documentElement.lang;
  }, [state.config]);

  // Escape closes the panel (the emoji grid and the end confirmation handle it first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) controller.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Whether the panel is on screen: the loader hides the frame when it is closed, and the page can be hidden.
  useEffect(() => {
    let intersecting = true;
    const update = () => controller.setShown(intersecting && document.visibilityState === 'visible');
    const observer = new IntersectionObserver((entries) => {
      intersecting = entries.some((e) => e.isIntersecting);
      update();
    });
    if (panel.current) observer.observe(panel.current);
    document.addEventListener('visibilitychange', update);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', update);
    };
  }, []);

  // Focus goes to the first control when the panel opens, and follows the journey from screen to screen.
  const lastOpened = useRef(0);
  useLayoutEffect(() => {
    const opening = state.opened !== lastOpened.current;
    lastOpened.current = state.opened;
    if (!opening && !document.hasFocus()) return;
    const root = main.current;
    if (!root || (!opening && root.contains(document.activeElement) && document.activeElement?.isConnected)) return;
    const target = root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
  }, [state.phase, state.opened, state.rated, state.left?.sent]);

  // A refused form: focus goes to the first field the server named.
  useEffect(() => {
    if (Object.keys(state.errors).length) main.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state.errors]);

  const t = state.t;
  const config = state.config;
  const title = config?.texts.greeting || t.chat;
  return (
    <div class="panel" role="dialog" aria-label={title} ref={panel}>
      <header class="head">
        {config?.theme.logoUrl && <img class="head__logo" src={config.theme.logoUrl} alt="" />}
        <p class="head__title">{title}</p>
        <button type="button" class="icon icon--head" aria-label={t.close} onClick={() => controller.close()}>
          <CloseIcon />
        </button>
      </header>
      <main class="body" ref={main}>
        {state.notice && (
          <p class="notice" role="alert">
            {state.notice}
          </p>
        )}
        {!state.online && (state.phase === 'chat' || state.phase === 'waiting') && <p class="offline">{t.offline}</p>}
        <Screen state={state} />
      </main>
      {config && <Footer config={config} state={state} />}
    </div>
  );
}

function Screen({ state }: { state: UiState }) {
  switch (state.phase) {
    case 'booting':
      return <p class="loading">{state.t.loading}</p>;
    case 'needs':
      return <Needs state={state} controller={controller} />;
    case 'details':
      return <Details state={state} controller={controller} />;
    case 'waiting':
      return <Waiting state={state} controller={controller} />;
    case 'chat':
    case 'ended':
      return <Conversation state={state} controller={controller} />;
    case 'left':
      return <LeftMessage state={state} controller={controller} />;
  }
}

function Footer({ config, state }: { config: WidgetConfig; state: UiState }) {
  const t = state.t;
  const links = [
    [config.urls.privacyPolicy, t.privacy],
    [config.urls.terms, t.terms],
    [config.urls.customerService, t.service],
  ].filter((l): l is [string, string] => !!l[0]);
  if (!links.length) return null;
  return (
    <footer class="foot">
      <span id="new-tab" class="sr-only">
        {t.newTab}
      </span>
      {links.map(([href, label]) => (
        <a key={label} href={href} target="_blank" rel="noopener noreferrer" aria-describedby="new-tab">
          {label}
        </a>
      ))}
    </footer>
  );
}

function applyTheme(config: WidgetConfig): void {
  const root = document.documentElement.style;
  root.setProperty('--vs-primary', config.theme.primaryColour);
  root.setProperty('--vs-on-primary', config.theme.textOnPrimary);
  root.setProperty('--vs-secondary', config.theme.secondaryColour);
  // "System" is the platform's own font; a named one falls back to it when the shopper's device lacks it.
  const font = config.theme.font;
  if (font && font !== 'System') root.setProperty('--vs-font', `"${font.replace(/["\\]/g, '')}", system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`);
}

render(<App />, document.body);
post({ vs: 1, type: 'ready' });
