// The chat's state and everything it does over the network: the journey, the realtime link and the REST fallback.
// Components render `state` and call the methods; nothing here touches the DOM.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { FrameMessage, Identity, LoaderMessage, WidgetConfig } from '../shared/protocol';
import { Api, ApiError, fieldErrors, problemText } from './api';
import { textsFor, type Texts } from './texts';
import type { ChatView, MessageView, OutOfHoursAnswer, PendingMessage } from './types';

export type Phase = 'booting' | 'needs' | 'details' | 'waiting' | 'chat' | 'ended' | 'left';
export type Department = WidgetConfig['departments'][number];

export interface LeftForm {
  reason: 'missed' | 'outOfHours';
  text: string | null;
  chatId?: string;
  departmentId?: string;
  sent: boolean;
}

export interface UiState {
  phase: Phase;
  config: WidgetConfig | null;
  t: Texts;
  department: Department | null;
  chat: ChatView | null;
  messages: MessageView[];
  pending: PendingMessage[];
  expertTyping: boolean;
  expertReadSeq: number;
  left: LeftForm | null;
  rated: boolean;
  busy: boolean;
  notice: string | null;
  errors: Record<string, string>;
  identity: Identity;
  online: boolean;
  /** Rises each time the panel is opened: the view moves focus into it. */
  opened: number;
}

const TYPING_SEND_MS = 2000;
const TYPING_SHOW_MS = 5000;
const POLL_MS = 4000;
const FIELDS = ['name', 'email', 'phone', 'text', 'rating'];

export class ChatController {
  state: UiState = {
    phase: 'booting',
    config: null,
    t: textsFor('en'),
    department: null,
    chat: null,
    messages: [],
    pending: [],
    expertTyping: false,
    expertReadSeq: 0,
    left: null,
    rated: false,
    busy: false,
    notice: null,
    errors: {},
    identity: {},
    online: true,
    opened: 0,
  };

  private readonly listeners = new Set<() => void>();
  private readonly api: Api;
  private readonly attachments = new Map<string, Promise<string>>();
  private hub: HubConnection | null = null;
  /** Pushes arrive in order from here on: the link is up and has caught up. */
  private live = false;
  /** How many chat views have been shown (pushed or fetched): a view fetched while another was shown may be older than it. */
  private shownViews = 0;
  /** The highest sequence up to which this chat's messages are all known. */
  private syncedSeq = 0;
  private markedSeq = 0;
  private unread = 0;
  private lastTypingSent = 0;
  private typingTimer = 0;
  private pollTimer = 0;
  private reconnectTimer = 0;
  private consent = true;
  private open = false;
  private shown = true;
  private pageUrl = '';
  private language = 'en';
  private booted = false;

  constructor(
    key: string,
    private readonly post: (message: FrameMessage) => void,
  ) {
    this.api = new Api(location.origin + '/api/v1/widget/' + encodeURIComponent(key));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  private get t(): Texts {
    return this.state.t;
  }

  /** A message from the loader (already checked for origin and source). */
  receive(message: LoaderMessage): void {
    switch (message.type) {
      case 'init':
        if (message.config?.departments) void this.init(message);
        break;
      case 'open':
        this.open = true;
        this.pick(message.departmentId);
        this.set({ opened: this.state.opened + 1 });
        this.markRead();
        break;
      case 'identify':
        this.set({ identity: { name: message.name ?? this.state.identity.name, email: message.email ?? this.state.identity.email } });
        break;
      case 'consent':
        this.consent = message.granted || this.state.config?.cookies.consent !== 'WaitForConsent';
        if (this.consent && this.state.chat) this.connect();
        break;
    }
  }

  private async init(message: Extract<LoaderMessage, { type: 'init' }>): Promise<void> {
    const config = message.config;
    this.consent = message.consent || config.cookies.consent !== 'WaitForConsent';
    this.pageUrl = message.pageUrl;
    this.language = config.language || message.language || 'en';
    this.open = message.open;
    this.set({ config, t: textsFor(this.language), identity: message.identity ?? this.state.identity });
    if (this.booted) return;
    this.booted = true;
    const stored = message.state;
    if (stored && Date.parse(stored.expiresAt) > Date.now()) {
      this.api.session = { token: stored.token, shopperId: stored.shopperId, expiresAt: stored.expiresAt };
    }
    if (stored?.chatId && this.api.session) await this.resume(stored.chatId);
    else this.set({ phase: 'needs' });
    this.pick(message.departmentId);
  }

  /** The shopper picked a need in the launcher's bubble: straight to the details, unless a chat is under way. */
  private pick(departmentId: string | undefined): void {
    const department = departmentId && this.state.config?.departments.find((d) => d.id === departmentId);
    if (department && (this.state.phase === 'needs' || this.state.phase === 'details')) this.chooseDepartment(department);
  }

  /** The panel is on screen (open, not hidden, page visible): expert messages count as read. */
  setShown(shown: boolean): void {
    this.shown = shown;
    this.markRead();
  }

  /** The shopper closed the panel (Escape or the close button). */
  close(): void {
    this.open = false;
    this.post({ vs: 1, type: 'close' });
  }

  // ---- The journey -------------------------------------------------------------------------------------------

  chooseDepartment(department: Department): void {
    if (department.available === false) {
      this.set({ department, phase: 'left', left: { reason: 'outOfHours', text: null, departmentId: department.id, sent: false }, errors: {}, notice: null });
      return;
    }
    this.set({ department, phase: 'details', errors: {}, notice: null });
  }

  backToNeeds(): void {
    this.set({ phase: 'needs', errors: {}, notice: null });
  }

  async startChat(name: string, email: string): Promise<void> {
    const department = this.state.department;
    if (!department || this.state.busy) return;
    this.set({ busy: true, errors: {}, notice: null, identity: { name, email } });
    try {
      const answer = await this.withSession(() =>
        this.api.post<ChatView | OutOfHoursAnswer>('/chats', {
          departmentId: department.id,
          language: this.language,
          pageUrl: this.pageUrl,
          name: name.trim() || null,
          email: email.trim() || null,
        }),
      );
      if ('outOfHours' in answer) {
        this.set({ busy: false, phase: 'left', left: { reason: 'outOfHours', text: answer.outOfHoursText ?? null, departmentId: department.id, sent: false } });
        return;
      }
      this.forget();
      this.set({ busy: false, chat: null, left: null });
      this.applyChat(answer as ChatView);
      this.postState();
      this.connect();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem.openChatId) {
        this.set({ busy: false });
        await this.resume(error.problem.openChatId);
        return;
      }
      this.fail(error);
    }
  }

  /** Back into a chat after a reload, a navigation or a "chat already open" answer: its history, then live. */
  async resume(chatId: string): Promise<void> {
    this.set({ busy: true });
    try {
      const chat = await this.api.get<ChatView>('/chats/' + chatId);
      const history = await this.api.get<MessageView[]>(`/chats/${chatId}/messages?after=0`);
      this.forget();
      this.state = { ...this.state, chat };
      this.markedSeq = chat.shopperReadSequence ?? Number.MAX_SAFE_INTEGER;
      this.merge(history, true, true);
      this.unread = this.state.messages.filter((m) => m.sender === 'Expert' && m.sequence > this.markedSeq).length;
      if (this.markedSeq === Number.MAX_SAFE_INTEGER) this.markedSeq = this.syncedSeq;
      this.set({ busy: false });
      this.applyChat(chat);
      this.postUnread();
      this.postState();
      this.markRead();
      if (chat.status === 'Waiting' || chat.status === 'Active') this.connect();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 401)) {
        this.newChat();
        this.set({ busy: false });
      } else {
        this.set({ phase: 'needs' });
        this.fail(error);
      }
    }
  }

  /** Cancel while waiting: ends the chat without asking. */
  cancel(): Promise<void> {
    return this.end();
  }

  async end(): Promise<void> {
    const chat = this.state.chat;
    if (!chat) return;
    this.set({ busy: true, notice: null });
    try {
      this.applyChat(await this.api.post<ChatView>(`/chats/${chat.id}/end`));
      this.set({ busy: false });
    } catch (error) {
      // Already ended (say, by the expert a moment earlier): show where it is now.
      if (error instanceof ApiError && error.status === 409) {
        this.set({ busy: false });
        await this.refresh();
      } else this.fail(error);
    }
  }

  async rate(rating: number, comment: string): Promise<void> {
    const chat = this.state.chat;
    if (!chat || this.state.busy) return;
    this.set({ busy: true, errors: {}, notice: null });
    try {
      await this.api.post(`/chats/${chat.id}/rating`, { rating, comment: comment.trim() || null });
      this.set({ busy: false, rated: true });
    } catch (error) {
      this.fail(error);
    }
  }

  /** "Start a new chat": back to the needs selector, the old chat forgotten. */
  newChat(): void {
    this.forget();
    this.set({ phase: 'needs', chat: null, left: null, department: null, errors: {}, notice: null });
    this.postState();
  }

  async leaveMessage(fields: { name: string; email: string; phone: string; text: string }): Promise<void> {
    const left = this.state.left;
    if (!left || this.state.busy) return;
    this.set({ busy: true, errors: {}, notice: null, identity: { name: fields.name, email: fields.email } });
    try {
      await this.withSession(() =>
        this.api.post('/left-messages', {
          chatId: left.chatId ?? null,
          departmentId: left.departmentId ?? this.state.chat?.departmentId ?? null,
          name: fields.name.trim() || null,
          email: fields.email.trim() || null,
          phone: fields.phone.trim() || null,
          text: fields.text,
          language: this.language,
          pageUrl: this.pageUrl,
        }),
      );
      this.forget();
      this.set({ busy: false, chat: null, left: { ...left, sent: true } });
      this.postState();
    } catch (error) {
      this.fail(error);
    }
  }

  // ---- Messages ----------------------------------------------------------------------------------------------

  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed || !this.state.chat) return;
    this.queue({ clientMessageId: newId(), text: trimmed, failed: null });
  }

  attach(file: File): void {
    if (!this.state.chat) return;
    this.queue({ clientMessageId: newId(), text: file.name, file, failed: null });
  }

  retry(clientMessageId: string): void {
    const pending = this.state.pending.find((p) => p.clientMessageId === clientMessageId);
    if (!pending) return;
    this.updatePending(clientMessageId, { failed: null });
    void this.deliver(pending);
  }

  /** The shopper is typing: tells the expert at most every 2 s. */
  typing(): void {
    const chat = this.state.chat;
    const now = Date.now();
    if (!chat || chat.status !== 'Active' || now - this.lastTypingSent < TYPING_SEND_MS) return;
    this.lastTypingSent = now;
    if (this.hub?.state === HubConnectionState.Connected) this.hub.invoke('Typing', chat.id).catch(() => undefined);
  }

  /** An attachment's bytes as a blob: URL (fetched once with the bearer token). */
  attachmentUrl(chatId: string, attachmentId: string): Promise<string> {
    let url = this.attachments.get(attachmentId);
    if (!url) {
      url = this.api.blob(`/chats/${chatId}/attachments/${attachmentId}`).then((blob) => URL.createObjectURL(blob));
      url.catch(() => this.attachments.delete(attachmentId));
      this.attachments.set(attachmentId, url);
    }
    return url;
  }

  private queue(pending: PendingMessage): void {
    this.set({ pending: [...this.state.pending, pending] });
    void this.deliver(pending);
  }

  private async deliver(pending: PendingMessage): Promise<void> {
    const chat = this.state.chat;
    if (!chat) return;
    try {
      let message: MessageView;
      if (pending.file) {
        const form = new FormData();
        form.append('file', pending.file, pending.file.name);
        form.append('clientMessageId', pending.clientMessageId);
        message = await this.api.post<MessageView>(`/chats/${chat.id}/attachments`, form);
      } else {
        message = await this.sendText(chat.id, pending);
      }
      this.set({ pending: this.state.pending.filter((p) => p.clientMessageId !== pending.clientMessageId) });
      this.merge([message], this.live);
    } catch (error) {
      const reason = problemText(error, this.t.notSent);
      this.updatePending(pending.clientMessageId, { failed: reason });
      this.post({ vs: 1, type: 'event', name: 'error', detail: { message: reason } });
    }
  }

  /**
   * Over the live hub connection (no HTTP request), REST otherwise. A refusal over the hub carries the REST problem's
   * text; a hub call cut off by the link going down is sent again over REST with the same client message id, so the
   * server stores it once either way.
   */
  private async sendText(chatId: string, pending: PendingMessage): Promise<MessageView> {
    const hub = this.hub;
    if (hub && this.live && hub.state === HubConnectionState.Connected) {
      try {
        return await hub.invoke<MessageView>('SendMessage', chatId, pending.text, pending.clientMessageId);
      } catch (error) {
        const refusal = hubRefusal(error);
        if (refusal) throw new ApiError(400, { detail: refusal });
      }
    }
    return this.api.post<MessageView>(`/chats/${chatId}/messages`, { text: pending.text, clientMessageId: pending.clientMessageId });
  }

  private updatePending(clientMessageId: string, patch: Partial<PendingMessage>): void {
    this.set({ pending: this.state.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...patch } : p)) });
  }

  /**
   * Adds messages by sequence (no duplicates; cart events are the expert's only). `contiguous` says nothing
   * before these can be missing (a catch-up, or a push on a live link), so the synced sequence may rise.
   */
  private merge(list: MessageView[], contiguous: boolean, history = false): void {
    const chat = this.state.chat;
    if (!chat) return;
    const bySequence = new Map(this.state.messages.map((m) => [m.sequence, m] as const));
    const confirmed = new Set<string>();
    const fresh: MessageView[] = [];
    let top = this.syncedSeq;
    for (const message of list) {
      if (message.chatId !== chat.id) continue;
      top = Math.max(top, message.sequence);
      if (message.clientMessageId) confirmed.add(message.clientMessageId);
      if (message.kind === 'Cart' || bySequence.has(message.sequence)) continue;
      bySequence.set(message.sequence, message);
      fresh.push(message);
    }
    const messages = [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
    const fromExpert = fresh.filter((m) => m.sender === 'Expert');
    const previous = this.syncedSeq;
    if (contiguous) this.syncedSeq = Math.max(top, messages.length ? messages[messages.length - 1].sequence : 0);
    this.set({
      messages,
      pending: confirmed.size ? this.state.pending.filter((p) => !confirmed.has(p.clientMessageId)) : this.state.pending,
      expertTyping: fromExpert.length ? false : this.state.expertTyping,
    });
    if (!history && fromExpert.length) {
      for (const message of fromExpert) {
        this.post({ vs: 1, type: 'event', name: 'message', detail: { chatId: message.chatId, sequence: message.sequence, authorName: message.authorName, text: message.text, sentAt: message.sentAt } });
      }
      if (!this.visible) {
        this.unread += fromExpert.length;
        this.postUnread();
      }
    }
    if (this.syncedSeq !== previous && !history) this.postState();
    if (!history) this.markRead();
  }

  private get visible(): boolean {
    return this.open && this.shown;
  }

  /** Everything on screen is read: tells the server (hub, or REST when the hub is down) and the loader's badge. */
  private markRead(): void {
    const chat = this.state.chat;
    if (!this.visible || !chat || (this.state.phase !== 'chat' && this.state.phase !== 'ended')) return;
    if (this.unread) {
      this.unread = 0;
      this.postUnread();
    }
    const top = this.state.messages.length ? this.state.messages[this.state.messages.length - 1].sequence : 0;
    if (top <= this.markedSeq) return;
    this.markedSeq = top;
    if (this.hub?.state === HubConnectionState.Connected) this.hub.invoke('MarkRead', chat.id, top).catch(() => undefined);
    else this.api.post(`/chats/${chat.id}/read`, { sequence: top }).catch(() => undefined);
  }

  private postUnread(): void {
    this.post({ vs: 1, type: 'unread', count: this.unread });
  }

  /** The shopper's session and chat for the loader to keep. */
  private postState(): void {
    const session = this.api.session;
    if (!session) return;
    this.post({
      vs: 1,
      type: 'state',
      state: { token: session.token, shopperId: session.shopperId, expiresAt: session.expiresAt, chatId: this.state.chat?.id ?? null, lastSeq: this.state.chat ? this.syncedSeq : null },
    });
  }

  /** Shows a chat's state: waiting, chatting, ended (rating) or missed (leave a message). */
  private applyChat(chat: ChatView): void {
    const before = this.state.chat;
    if (before && before.id !== chat.id) return;
    this.shownViews++;
    const patch: Partial<UiState> = { chat, expertReadSeq: Math.max(this.state.expertReadSeq, chat.expertReadSequence ?? 0) };
    switch (chat.status) {
      case 'Waiting':
        patch.phase = 'waiting';
        break;
      case 'Active':
        patch.phase = 'chat';
        break;
      case 'Ended':
        if (!chat.claimedAt) {
          // Cancelled before anyone answered: nothing to rate.
          this.newChat();
          return;
        }
        patch.phase = 'ended';
        patch.rated = chat.rating != null;
        patch.expertTyping = false;
        break;
      case 'Missed':
        patch.phase = 'left';
        patch.left = this.state.left?.chatId === chat.id ? this.state.left : { reason: 'missed', text: null, chatId: chat.id, sent: false };
        break;
    }
    this.set(patch);
    if (chat.status === 'Ended' || chat.status === 'Missed') this.stopPolling();
  }

  private async refresh(): Promise<void> {
    const chat = this.state.chat;
    if (!chat) return;
    try {
      await this.showCurrentView(chat.id);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Fetches the chat as the server has it now and shows it at once. A view read before a claim can arrive after the
   * claim was shown (by its push, or by another fetch that read later): shown then, it would put the panel back on
   * "waiting" for good. So when another view was shown while this one was on its way, ask again.
   */
  private async showCurrentView(chatId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const shown = this.shownViews;
      const view = await this.api.get<ChatView>('/chats/' + chatId);
      if (shown === this.shownViews || attempt === 5) {
        this.applyChat(view);
        return;
      }
    }
  }

  private forget(): void {
    this.syncedSeq = 0;
    this.markedSeq = 0;
    this.live = false;
    this.unread = 0;
    this.stopPolling();
    this.state = { ...this.state, messages: [], pending: [], expertReadSeq: 0, expertTyping: false, rated: false };
  }

  private fail(error: unknown): void {
    const notice = problemText(error, this.t.failed);
    const errors = fieldErrors(error);
    // A message shown beside its field is not repeated above the form.
    const besideField = Object.keys(errors).some((field) => FIELDS.includes(field));
    this.set({ busy: false, errors, notice: besideField ? null : notice });
    this.post({ vs: 1, type: 'event', name: 'error', detail: { message: notice } });
  }

  /** Runs a call with a session, starting one on first need (and again if the server no longer accepts it). */
  private async withSession<T>(call: () => Promise<T>): Promise<T> {
    if (!this.api.session || Date.parse(this.api.session.expiresAt) <= Date.now()) {
      await this.api.startSession();
      this.postState();
    }
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      await this.api.startSession();
      this.postState();
      return call();
    }
  }

  // ---- Realtime ----------------------------------------------------------------------------------------------

  /** Opens the realtime link (not before consent where the merchant asks for it); polls until it is up. */
  private connect(): void {
    if (!this.state.chat) return;
    if (this.hub || !this.consent || !this.api.session) {
      if (!this.live) this.startPolling();
      return;
    }
    const hub = new HubConnectionBuilder()
      .withUrl(location.origin + '/hubs/shopper', { accessTokenFactory: () => this.api.session?.token ?? '' })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.None)
      .build();
    const mine = (chatId: string) => chatId === this.state.chat?.id;
    hub.on('chatChanged', (chat: ChatView) => mine(chat.id) && this.applyChat(chat));
    hub.on('messageReceived', (message: MessageView) => mine(message.chatId) && this.merge([message], this.live));
    hub.on('typing', (event: { chatId: string; sender: string }) => mine(event.chatId) && event.sender === 'Expert' && this.showTyping());
    hub.on('read', (event: { chatId: string; reader: string; sequence: number }) => {
      if (mine(event.chatId) && event.reader === 'Expert') this.set({ expertReadSeq: Math.max(this.state.expertReadSeq, event.sequence) });
    });
    // The server says 'ready' once this connection has joined the shopper's group (on every reconnect too):
    // only from then on can no push be missed, so that is when to catch up. Catching up as soon as start()
    // resolved raced the join: a claim pushed in between was lost and the panel stayed on "waiting".
    hub.on('ready', () => void this.catchUp());
    hub.onreconnecting(() => this.linkDown());
    hub.onclose(() => {
      this.hub = null;
      this.linkDown();
      this.retryConnect();
    });
    this.hub = hub;
    this.startPolling();
    hub.start().then(
      () => undefined,
      () => {
        this.hub = null;
        this.retryConnect();
      },
    );
  }

  private linkDown(): void {
    this.live = false;
    this.set({ online: false });
    this.startPolling();
  }

  private retryConnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = window.setTimeout(() => this.connect(), 10_000);
  }

  /** Once the server has registered the (re)connection: everything after the last synced sequence, and the chat's current state. */
  private async catchUp(): Promise<void> {
    const chat = this.state.chat;
    const hub = this.hub;
    if (!chat || !hub) return;
    try {
      const [messages] = await Promise.all([hub.invoke<MessageView[]>('MessagesSince', chat.id, this.syncedSeq), this.showCurrentView(chat.id)]);
      this.live = true;
      this.merge(messages, true);
      this.stopPolling();
      this.set({ online: true });
    } catch {
      // The poll keeps the chat going until the next reconnect.
    }
  }

  private startPolling(): void {
    if (this.pollTimer || !this.state.chat) return;
    this.pollTimer = window.setInterval(() => void this.poll(), POLL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = 0;
  }

  /** The REST fallback while the hub is down. */
  private async poll(): Promise<void> {
    const chat = this.state.chat;
    if (!chat || this.live || chat.status === 'Ended' || chat.status === 'Missed') {
      this.stopPolling();
      return;
    }
    try {
      const [messages] = await Promise.all([this.api.get<MessageView[]>(`/chats/${chat.id}/messages?after=${this.syncedSeq}`), this.showCurrentView(chat.id)]);
      this.merge(messages, true);
    } catch {
      // Try again on the next tick.
    }
  }

  private showTyping(): void {
    clearTimeout(this.typingTimer);
    this.set({ expertTyping: true });
    this.typingTimer = window.setTimeout(() => this.set({ expertTyping: false }), TYPING_SHOW_MS);
  }
}

/** "{expertName} from {expertStoreName} joined". */
export function joinedLine(t: Texts, chat: ChatView): string {
  const name = chat.expertName ?? '';
  return chat.expertStoreName ? t.joined.replace('{name}', name).replace('{store}', chat.expertStoreName) : t.joinedNoStore.replace('{name}', name);
}

/** The server's own words when a hub call was refused (a HubException), or null when the call failed otherwise. */
function hubRefusal(error: unknown): string | null {
  const text = error instanceof Error ? error.message : '';
  const at = text.indexOf('HubException: ');
  return at < 0 ? null : text.slice(at + 'HubException: '.length);
}

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
