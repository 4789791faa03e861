// The VirtualShopping loader: runs on the merchant's page. Reads its own script tag, takes over the queue stub
// window.vs, loads the widget configuration, applies the display rules and draws the launcher in a shadow root.
// It opens no socket, sets no cookie and writes no storage until the shopper interacts (and, in consent mode,
// consent(true) was called). The chat UI is an iframe from the app, created on first interaction.
import type { FrameMessage, Identity, LoaderMessage, SessionState, WidgetConfig, WidgetEventName } from '../shared/protocol';

type Args = unknown[];
type Handler = (detail?: unknown) => void;

const w = window as unknown as { vs?: { (...a: Args): unknown; q?: ArrayLike<Args>; l?: 1 } };
const doc = document;
const warn = (problem: string) => console.warn('[VirtualShopping] ' + problem);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);
const store = (k: string, v?: string | null) => {
  try {
    if (v === undefined) return localStorage.getItem(k);
    v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v);
  } catch {
    // Storage blocked (private mode, sandbox): the chat still works for this page.
  }
  return null;
};

/** The display rules' URL patterns: case-insensitive, '*' any run, whole URL (as Domain/Settings/UrlPattern.cs). */
const matches = (pattern: string, url: string) => {
  const p = pattern.toLowerCase(), t = url.toLowerCase();
  let i = 0, j = 0, star = -1, mark = 0;
  while (j < t.length) {
    if (i < p.length && p[i] != '*' && p[i] == t[j]) i++, j++;
    else if (p[i] == '*') star = i++, mark = j;
    else if (star >= 0) i = star + 1, j = ++mark;
    else return false;
  }
  while (p[i] == '*') i++;
  return i == p.length;
};

// --- track() validation: the shape PRODUCT.md gives, with the server's limits (Domain/Shoppers/ShopperEvent.cs).
// s = string, n = amount 0 up to a billion, i = whole number 1-9999, c = ISO 4217 code, u = http(s) address;
// upper case = required. Ids may be numbers (sent as strings).
const PRODUCT: Record<string, string> = { id: 'S', name: 's', price: 'n', currency: 'c', quantity: 'i', brand: 's', category: 's', variant: 's', url: 'u', image: 'u' };
const PURCHASE: Record<string, string> = { id: 'S', currency: 'C', subtotal: 'N', total: 'n', tax: 'n', shipping: 'n' };
const fieldsProblem = (value: unknown, spec: Record<string, string>, path: string): string | void => {
  if (!isObject(value)) return path + ' must be an object';
  for (const k in value) if (!spec[k]) return `${path}.${k} is not a known field`;
  for (const k in spec) {
    const kind = spec[k], v = value[k], name = `${path}.${k}`;
    if (v == null || v === '') {
      if (kind < 'a') return name + ' is required';
      continue;
    }
    const text = typeof v == 'string';
    const ok = {
      s: text && v.length <= 300,
      n: typeof v == 'number' && v >= 0 && v < 1e9,
      i: Number.isInteger(v) && (v as number) > 0 && (v as number) < 1e4,
      c: text && /^[A-Za-z]{3}$/.test(v),
      u: text && /^https?:\/\/\S+$/i.test(v) && v.length <= 2048,
    }[kind.toLowerCase() as 's'];
    if (!ok && !(k == 'id' && typeof v == 'number')) return name + ' must be ' + { s: 'a string', n: 'an amount of 0 or more', i: 'a whole number from 1 to 9999', c: 'a 3-letter currency code', u: 'an http(s) address' }[kind.toLowerCase() as 's'];
  }
};
const trackProblem = (e: unknown): string | void => {
  if (!isObject(e)) return 'needs an object { type, products, purchase }';
  const type = e.type, products = e.products, purchase = e.purchase;
  if (type != 'detail' && type != 'add' && type != 'remove' && type != 'purchase') return 'type must be "detail", "add", "remove" or "purchase"';
  for (const k in e) if (k != 'type' && k != 'products' && k != 'purchase') return `${k} is not a known field`;
  if (products !== undefined && !(Array.isArray(products) && products.length <= 50)) return 'products must be an array of at most 50';
  if (type != 'purchase' && !(products && (products as Args).length)) return `a "${type}" event needs products`;
  for (let i = 0; i < ((products as Args) || []).length; i++) {
    const problem = fieldsProblem((products as Args)[i], PRODUCT, `products[${i}]`);
    if (problem) return problem;
  }
  if (type == 'purchase') {
    const problem = fieldsProblem(purchase, PURCHASE, 'purchase');
    if (problem) return problem;
  } else if (purchase !== undefined) return 'purchase belongs to "purchase" events only';
};
const EVENTS = ['ready', 'open', 'close', 'message', 'unread', 'error'];

const script = (doc.currentScript ?? [...doc.scripts].find((s) => /\/widget\/loader\.js([?#]|$)/.test(s.src))) as HTMLScriptElement | null;
const key = script && script.dataset.key;

if (w.vs && w.vs.l) {
  // Loaded twice (the snippet pasted twice): the first copy serves.
} else if (!script || !key) {
  warn('the loader script needs its data-key attribute');
} else {
  const app = new URL(script.src).origin;
  const stateKey = 'vs:' + key;
  const dismissedKey = stateKey + ':dismissed';
  const api = `${app}/api/v1/widget/${encodeURIComponent(key)}/`;
  const handlers: Record<string, Handler[]> = {};
  const pendingEvents: object[] = [];
  const mobileQuery = matchMedia('(pointer: coarse), (max-width: 768px)');

  let config: WidgetConfig | null = null;
  let language = '';
  let session: SessionState | null = null;
  let identity: Identity | null = null;
  let consented = false;
  let interacted = false;
  let merchantHidden = false;
  let isOpen = false;
  let wantOpen = false;
  let department: string | undefined;
  let focusOnReady = false;
  let bubbleDismissed = false;
  let unread = 0;
  let frame: HTMLIFrameElement | null = null;
  let frameReady = false;
  let root: ShadowRoot | null = null;
  let launcher: HTMLButtonElement;
  let bubble: HTMLElement | null = null;
  let badge: HTMLElement;
  let corner: HTMLElement;

  const emit = (name: WidgetEventName, detail?: unknown) =>
    (handlers[name] ?? []).slice().forEach((h) => {
      try {
        h(detail);
      } catch (error) {
        console.error(error);
      }
    });
  const consentNeeded = () => !!config && config.cookies.consent == 'WaitForConsent';
  const storageAllowed = () => interacted && (consented || (!!config && !consentNeeded()));
  const post = (message: LoaderMessage extends infer M ? (M extends unknown ? Omit<M, 'vs'> : never) : never) => {
    if (frameReady) frame!.contentWindow!.postMessage({ vs: 1, ...message }, app);
    return frameReady;
  };

  const persist = () => {
    if (session && storageAllowed()) store(stateKey, JSON.stringify({ ...session, open: isOpen }));
  };

  const sendEvents = () => {
    if (!session || !storageAllowed()) return;
    for (const event of pendingEvents.splice(0)) {
      fetch(api + 'events', {
        method: 'POST',
        keepalive: true,
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
        body: JSON.stringify({ ...event, pageUrl: location.href.slice(0, 2048) }, (k, v) => (k == 'id' && typeof v == 'number' ? String(v) : v)),
      }).catch(() => {});
    }
  };

  // A shopper who chatted before (stored state, not expired) comes back to the same conversation.
  try {
    const saved = JSON.parse(store(stateKey) ?? 'null') as SessionState | null;
    if (saved && Date.parse(saved.expiresAt) > Date.now()) {
      session = saved;
      interacted = consented = true;
    } else if (saved) store(stateKey, null);
  } catch {
    // Unreadable state is ignored.
  }

  const showLauncher = () => {
    const c = config;
    if (!c || !root) return false;
    const d = c.display, url = location.href;
    return (
      c.enabled &&
      !merchantHidden &&
      d.countryAllowed !== false &&
      // A shopper with a conversation keeps it even when the mode would hide a new launcher.
      ((session && session.chatId) || d.mode == 'AlwaysOn' || (d.mode == 'OperatingHours' ? c.isOpenNow : !!c.expertAvailable)) &&
      !d.excludeUrlPatterns.some((p) => matches(p, url)) &&
      (!d.includeUrlPatterns.length || d.includeUrlPatterns.some((p) => matches(p, url))) &&
      (mobileQuery.matches ? d.mobile : d.desktop)
    );
  };

  const place = () => {
    const v = visualViewport;
    if (!frame) return;
    const phone = mobileQuery.matches;
    frame.hidden = !isOpen;
    frame.className = phone ? 'f m' : 'f';
    if (phone && v) {
      // Full screen on the visual viewport, so the on-screen keyboard never covers the composer.
      const box: Record<string, number> = { top: v.offsetTop, left: v.offsetLeft, width: v.width, height: v.height };
      for (const name in box) frame.style.setProperty(name, box[name] + 'px', 'important');
    } else frame.removeAttribute('style');
  };

  const render = () => {
    if (!root) return;
    corner.hidden = !showLauncher() || (isOpen && mobileQuery.matches);
    if (bubble) bubble.hidden = bubbleDismissed || isOpen;
    launcher.setAttribute('aria-expanded', String(isOpen));
    badge.textContent = String(unread);
    badge.hidden = !unread || isOpen;
    place();
  };

  const createFrame = () => {
    if (frame || !root) return;
    frame = doc.createElement('iframe');
    frame.title = 'Chat';
    frame.className = 'f';
    frame.hidden = true;
    frame.allow = 'clipboard-write'; // the discount card's Copy button
    frame.src = `${app}/widget/frame?key=${encodeURIComponent(key)}&lang=${encodeURIComponent(language)}&origin=${encodeURIComponent(location.origin)}`;
    root.appendChild(frame);
  };

  const open = (departmentId?: string, focus = true) => {
    department = departmentId ?? department;
    if (!config || !root) return void (wantOpen = true);
    if (!config.enabled || config.display.countryAllowed === false) return;
    interacted = true;
    createFrame();
    const was = isOpen;
    isOpen = true;
    render();
    if (focus) {
      frame!.focus();
      // The frame focuses its first control on 'open' (sent now, or right after init when it boots).
      focusOnReady = !(frameReady && post({ type: 'open', departmentId: department }));
    }
    persist();
    if (!was) emit('open');
  };

  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    render();
    launcher.focus();
    persist();
    emit('close');
  };

  const draw = () => {
    const c = config!;
    const t = c.theme;
    const side = t.position == 'BottomLeft' ? 'left' : 'right';
    const colour = (v: string, fallback: string) => (/^#[0-9a-f]{3,8}$/i.test(v) ? v : fallback);
    const px = (v: number) => (Math.min(Math.max(+v || 0, 0), 400) | 0) + 'px';
    const primary = colour(t.primaryColour, '#3f3a8c'), on = colour(t.textOnPrimary, '#fff'), x = px(t.offsetX), y = px(t.offsetY);
    const font = t.font && t.font != 'System' ? `"${t.font.replace(/[^\w -]/g, '')}",` : '';
    const host = doc.createElement('div');
    host.id = 'vs-widget-root';
    host.style.setProperty('all', 'initial', 'important');
    root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `[hidden]{display:none!important}` +
        `.c{position:fixed;z-index:2147483000;bottom:${y};${side}:${x};display:flex;flex-direction:column;align-items:flex-${side == 'left' ? 'start' : 'end'};gap:12px;font:15px/1.4 ${font}system-ui,sans-serif;color:#222}` +
        `button{font:inherit;cursor:pointer;border:0}` +
        `button:focus-visible{outline:3px solid ${primary};outline-offset:2px}` +
        `.o{position:relative;width:60px;height:60px;border-radius:50%;background:${primary};color:${on};display:grid;place-items:center;padding:0;box-shadow:0 4px 16px #0004}` +
        `.o svg,.o img{width:30px;height:30px;fill:currentColor}` +
        `.u{position:absolute;top:-4px;${side}:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b00020;color:#fff;font:700 12px/22px system-ui}` +
        `.b{position:relative;max-width:280px;padding:14px;border-radius:14px;background:#fff;box-shadow:0 4px 16px #0004}` +
        `.b p{margin:0 28px 10px 0}` +
        `.d{display:block;width:100%;margin-top:8px;padding:9px 12px;border-radius:8px;background:${primary};color:${on};text-align:start}` +
        `.x{position:absolute;top:6px;right:6px;width:32px;height:32px;border-radius:50%;background:none;color:#444;font-size:22px;line-height:1}` +
        `.f{position:fixed;z-index:2147483001;bottom:calc(${y} + 72px);${side}:${x};width:min(380px,calc(100vw - 2 * ${x}));height:min(600px,calc(100vh - ${y} - 88px));border:0;border-radius:14px;background:#fff;box-shadow:0 4px 16px #0004}` +
        `.m{top:0;left:0;bottom:auto;right:auto;width:100vw;height:100vh;border-radius:0}`,
    );
    root.adoptedStyleSheets = [sheet];

    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, parent: Node, text?: string | null) => {
      const e = doc.createElement(tag);
      e.className = cls;
      if (text) e.textContent = text;
      parent.appendChild(e);
      return e;
    };
    corner = el('div', 'c', root);
    const until = +(store(dismissedKey) ?? 0);
    if (c.display.launcherStyle == 'NeedsSelector' && c.departments.length) {
      bubble = el('div', 'b', corner);
      bubbleDismissed = until > Date.now();
      const dismiss = el('button', 'x', bubble, '×');
      dismiss.setAttribute('aria-label', 'Dismiss');
      dismiss.onclick = () => {
        bubbleDismissed = interacted = true;
        if (storageAllowed()) store(dismissedKey, String(Date.now() + c.display.dismissedBubbleHideHours * 36e5));
        render();
        launcher.focus();
      };
      el('p', '', bubble, c.texts.needsSelectorPrompt || 'How can we help?');
      for (const d of c.departments) el('button', 'd', bubble, d.label).onclick = () => open(d.id);
    }
    launcher = el('button', 'o', corner);
    launcher.setAttribute('aria-label', 'Open chat');
    launcher.onclick = () => (isOpen ? close() : open());
    if (t.launcherIconUrl) {
      const img = el('img', '', launcher);
      img.alt = '';
      img.src = new URL(t.launcherIconUrl, app).href;
    } else {
      // No innerHTML: host pages with Trusted Types keep working.
      const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
      svg.setAttribute('viewBox', '0 0 24 24');
      svg.setAttribute('aria-hidden', 'true');
      path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
      svg.appendChild(path);
      launcher.appendChild(svg);
    }
    badge = el('span', 'u', launcher);
    badge.setAttribute('aria-hidden', 'true');
    doc.body.appendChild(host);
    mobileQuery.addEventListener('change', render);
    if (visualViewport) for (const type of ['resize', 'scroll']) visualViewport.addEventListener(type, place);
    doc.addEventListener('keydown', (e) => e.key == 'Escape' && isOpen && close());
  };

  addEventListener('message', (e: MessageEvent) => {
    const m = e.data as FrameMessage;
    if (!frame || e.source !== frame.contentWindow || e.origin !== app || !m || m.vs !== 1) return;
    if (m.type == 'ready') {
      frameReady = true;
      post({
        type: 'init',
        config: config!,
        state: session,
        consent: !consentNeeded() || consented,
        identity,
        pageUrl: location.href,
        language,
        open: isOpen,
        departmentId: department,
      });
      if (focusOnReady) post({ type: 'open', departmentId: department });
      focusOnReady = false;
    } else if (m.type == 'state' && isObject(m.state) && typeof m.state.token == 'string') {
      session = { ...m.state };
      persist();
      sendEvents();
    } else if (m.type == 'close') close();
    else if (m.type == 'unread' && Number.isInteger(m.count) && m.count >= 0) {
      unread = m.count;
      render();
      emit('unread', unread);
    } else if (m.type == 'event' && (m.name == 'message' || m.name == 'error')) emit(m.name, m.detail);
  });

  /** One call of the public API: validated; an invalid call logs one warning and does nothing. */
  const call = (name: unknown, args: Args): unknown => {
    const a = args[0], b = args[1];
    switch (name) {
      case 'open':
        return void open();
      case 'close':
        return close();
      case 'toggle':
        return void (isOpen ? close() : open());
      case 'hide':
      case 'show':
        merchantHidden = name == 'hide';
        if (merchantHidden) close();
        return render();
      case 'on':
        if (!EVENTS.includes(a as string)) return warn(`on(): unknown event ${JSON.stringify(a)}; use ${EVENTS.join(', ')}`);
        if (typeof b != 'function') return warn(`on("${a}"): the handler must be a function`);
        (handlers[a as string] ??= []).push(b as Handler);
        if (a == 'ready' && config) (b as Handler)();
        return () => {
          const list = handlers[a as string];
          const at = list.indexOf(b as Handler);
          if (at >= 0) list.splice(at, 1);
        };
      case 'identify': {
        const problem = fieldsProblem(a, { name: 's', email: 's' }, 'identify()');
        if (problem) return warn(problem);
        const who = a as Identity;
        if (who.email != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(who.email)) return warn('identify(): email must be an email address');
        identity = { name: who.name, email: who.email };
        return post({ type: 'identify', ...identity });
      }
      case 'consent':
        if (typeof a != 'boolean') return warn('consent() needs true or false');
        consented = a;
        post({ type: 'consent', granted: a });
        if (a) {
          persist();
          return sendEvents();
        }
        // Consent withdrawn: forget the stored session on this site.
        store(stateKey, null);
        return store(dismissedKey, null);
      case 'track': {
        const problem = trackProblem(a);
        if (problem) return warn('track(): ' + problem);
        if (pendingEvents.push(a as object) > 50) pendingEvents.shift();
        return sendEvents();
      }
    }
    warn(`unknown command ${JSON.stringify(name)}`);
  };

  const queued = (w.vs && w.vs.q) || [];
  const vs = Object.assign((name: unknown, ...args: Args) => call(name, args), { l: 1 as const });
  for (const name of ['open', 'close', 'toggle', 'hide', 'show', 'on', 'identify', 'consent', 'track']) {
    (vs as unknown as Record<string, unknown>)[name] = (...args: Args) => call(name, args);
  }
  w.vs = vs;
  for (const args of Array.from(queued)) call(args[0], Array.prototype.slice.call(args, 1));

  // Language: the page's lang, then the browser's languages, matched against the merchant's; else the default.
  const wanted = [doc.documentElement.lang, ...navigator.languages].filter(Boolean).map((l) => l.toLowerCase());
  const pick = (offered: string[]) => {
    for (const l of wanted) {
      const found = offered.find((o) => o.toLowerCase() == l) ?? offered.find((o) => o.toLowerCase() == l.split('-')[0]);
      if (found) return found;
    }
  };
  // The browser's HTTP cache revalidates with the config's ETag (Cache-Control: no-cache); no custom header, no preflight.
  const load = (lang: string) =>
    fetch(`${api}config?lang=${encodeURIComponent(lang)}`, { credentials: 'omit' }).then((r) => {
      if (!r.ok) throw r.status;
      return r.json() as Promise<WidgetConfig>;
    });
  const start = async () => {
    try {
      let c = await load((wanted[0] || '').split('-')[0]);
      const chosen = pick(c.languages) ?? c.language;
      if (chosen != c.language) c = await load(chosen);
      config = c;
      language = c.language;
    } catch (status) {
      return warn(`the chat configuration could not be loaded (${typeof status == 'number' ? 'HTTP ' + status : 'network error'})`);
    }
    draw();
    if (session && session.chatId) {
      // Back after a reload or navigation: the conversation, unread count and realtime link come back.
      createFrame();
      if (session.open) open(undefined, false);
    }
    if (wantOpen) open();
    render();
    sendEvents();
    emit('ready');
  };
  if (doc.body) start();
  else doc.addEventListener('DOMContentLoaded', start);
}
