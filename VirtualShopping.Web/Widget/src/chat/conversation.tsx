// The conversation (and, once it has ended, the rating under its transcript).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { joinedLine, type ChatController, type UiState } from './controller';
import { fill } from './texts';
import type { Discount, MessageView, ProductCard as Product } from './types';
import { AttachIcon, EmojiIcon, ImageIcon } from './icons';

type Props = { state: UiState; controller: ChatController };

const EMOJI = ['😀', '😂', '😊', '😍', '🤔', '😮', '😢', '😅', '👍', '👎', '👏', '🙏', '👋', '🙌', '💪', '❤️', '🔥', '✨', '🎉', '✅', '👀', '💯', '🛍️', '🎁'];

export function Conversation({ state, controller }: Props) {
  const t = state.t;
  const chat = state.chat!;
  const ended = state.phase === 'ended';
  const [confirming, setConfirming] = useState(false);
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  // The joined line is added just after the log exists, so screen readers announce it.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  // Follows new messages unless the shopper scrolled up to read.
  useLayoutEffect(() => {
    const el = log.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [state.messages, state.pending, state.expertTyping, ended]);

  // Stays at the newest message when the log shrinks (the confirmation or the rating appears, a phone keyboard opens).
  useEffect(() => {
    const el = log.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The server's "{name} joined the chat." shows in the shopper's language, with the store, where it stands in the
  // log: a chat moved or handed over has earlier experts' lines, which stay as they were said.
  const joinedText = chat.expertName ? `${chat.expertName} joined the chat.` : null;
  const joinedSeq = joinedText ? state.messages.reduce((found, m) => (m.sender === 'System' && m.text === joinedText ? m.sequence : found), 0) : 0;
  const lastSeen = state.messages.reduce((seen, m) => (m.sender === 'Shopper' && m.sequence <= state.expertReadSeq ? m.sequence : seen), 0);

  return (
    <section class="conversation">
      <div class="bar">
        <h2>{ended ? t.ended : fill(t.chatWith, { name: chat.expertName ?? '' })}</h2>
        {!ended && !confirming && (
          <button type="button" class="button button--small button--quiet" onClick={() => setConfirming(true)}>
            {t.endChat}
          </button>
        )}
      </div>
      {confirming && !ended && <ConfirmEnd state={state} onEnd={() => void controller.end()} onKeep={() => setConfirming(false)} />}
      <div
        class="log"
        role="log"
        aria-live="polite"
        aria-label={t.conversation}
        tabIndex={0}
        ref={log}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLDivElement;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {mounted && chat.expertName && state.messages.length === 0 && <p class="system">{joinedLine(t, chat)}</p>}
        {state.messages.map((m) =>
          m.sender === 'System' ? (
            <p class="system" key={m.sequence}>
              {m.sequence === joinedSeq ? (mounted ? joinedLine(t, chat) : null) : m.text}
            </p>
          ) : (
            <Message key={m.sequence} message={m} state={state} controller={controller} seen={m.sequence === lastSeen} />
          ),
        )}
        {state.pending.map((p) => (
          <div class="message message--mine message--pending" key={p.clientMessageId}>
            <p class="message__text">{p.text}</p>
            <p class="message__meta">
              {p.failed ? (
                <>
                  <span class="message__failed">{p.failed}</span>{' '}
                  <button type="button" class="link" onClick={() => controller.retry(p.clientMessageId)}>
                    {t.retry}
                  </button>
                </>
              ) : (
                t.sending
              )}
            </p>
          </div>
        ))}
      </div>
      <p class="typing">{state.expertTyping && !ended ? fill(t.typing, { name: chat.expertName ?? '' }) : ''}</p>
      {ended ? <Rating state={state} controller={controller} /> : <Composer state={state} controller={controller} />}
    </section>
  );
}

function ConfirmEnd({ state, onEnd, onKeep }: { state: UiState; onEnd: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="confirm-end"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onKeep();
        }
      }}
    >
      <p id="confirm-end">{state.t.endConfirm}</p>
      <button type="button" class="button button--small button--primary" onClick={onEnd}>
        {state.t.endChat}
      </button>
      <button type="button" class="button button--small button--quiet" ref={keep} onClick={onKeep}>
        {state.t.keepChatting}
      </button>
    </div>
  );
}

function Message({ message, state, controller, seen }: { message: MessageView; state: UiState; controller: ChatController; seen: boolean }) {
  const mine = message.sender === 'Shopper';
  const time = new Date(message.sentAt);
  return (
    <div class={'message ' + (mine ? 'message--mine' : 'message--theirs')}>
      <p class={mine ? 'sr-only' : 'message__who'}>{mine ? state.t.you : message.authorName}</p>
      {message.kind === 'Attachment' && message.attachment ? (
        <AttachmentView chatId={message.chatId} attachment={message.attachment} caption={message.text} controller={controller} />
      ) : message.kind === 'Discount' && message.discount ? (
        <DiscountCard discount={message.discount} state={state} />
      ) : message.kind === 'Product' && message.product ? (
        <ProductCard product={message.product} state={state} id={'p' + message.sequence} />
      ) : (
        <p class="message__text">{message.text}</p>
      )}
      <p class="message__meta">
        <time dateTime={message.sentAt}>{isNaN(time.getTime()) ? '' : time.toLocaleTimeString(state.config?.language, { hour: '2-digit', minute: '2-digit' })}</time>
        {seen && <span class="message__seen">{state.t.seen}</span>}
      </p>
    </div>
  );
}

function DiscountCard({ discount, state }: { discount: Discount; state: UiState }) {
  const t = state.t;
  const [copied, setCopied] = useState<'yes' | 'byHand' | null>(null);
  const code = useRef<HTMLElement>(null);
  const apply = discount.applyUrl && /^https:\/\//i.test(discount.applyUrl) ? discount.applyUrl : null;
  const until = discount.validUntil ? new Date(discount.validUntil + 'T12:00:00Z') : null;
  const selectCode = () => {
    const el = code.current;
    const selection = el && window.getSelection();
    if (el && selection) {
      const range = document.createRange();
      range.selectNodeContents(el);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    setCopied('byHand');
  };
  const copy = () => {
    const clipboard = navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== 'function') return selectCode();
    clipboard.writeText(discount.code).then(() => setCopied('yes'), selectCode);
  };
  return (
    <div class="discount" data-testid="discount">
      <p class="discount__title">{t.discountCode}</p>
      <p class="discount__code">
        <code ref={code} data-testid="discount-code">{discount.code}</code>
      </p>
      <p class="discount__text">{discount.description}</p>
      {until && !isNaN(until.getTime()) && (
        <p class="discount__until">{fill(t.validUntil, { date: until.toLocaleDateString(state.config?.language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) })}</p>
      )}
      <p class="discount__actions">
        <button type="button" class="button button--small" onClick={copy} data-testid="discount-copy">
          {copied === 'yes' ? t.copied : t.copy}
        </button>
        {apply && (
          <a class="button button--small button--quiet" href={apply} target="_top" rel="noopener" data-testid="discount-apply">
            {t.apply}
          </a>
        )}
      </p>
      <p class="discount__status" role="status" aria-live="polite">
        {copied === 'yes' ? <span class="sr-only">{t.copied}</span> : copied === 'byHand' ? t.copyByHand : ''}
      </p>
    </div>
  );
}

/** An amount in the merchant's currency for the shopper's language ("£149.00", "149,00 €"); "149.00 XYZ" when Intl cannot. */
function money(amount: number, currency: string, language: string | undefined): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
  } catch {
    return amount.toFixed(2) + ' ' + currency;
  }
}

// The whole card opens the product page (its share link): one link, named by the title and described by the rest, whose
// ::after covers the card (a link around all the text would not be named by the title alone: WCAG 2.5.3, label in name).
function ProductCard({ product, state, id }: { product: Product; state: UiState; id: string }) {
  const t = state.t;
  const [broken, setBroken] = useState(false);
  const language = state.config?.language;
  const image = !broken && product.imageUrl && /^https:\/\//i.test(product.imageUrl) ? product.imageUrl : null;
  const href = /^https?:\/\//i.test(product.url) ? product.url : undefined;
  const stock = { InStock: t.inStock, OutOfStock: t.outOfStock, Preorder: t.preorder, Backorder: t.backorder }[product.availability] ?? '';
  const sale = product.salePrice != null && product.salePrice < product.price ? product.salePrice : null;
  return (
    <div class="product" data-testid="product">
      {image ? (
        // Merchants' images over CORS (the frame is cross-origin isolated); one that does not load shows the placeholder.
        <img class="product__image" src={image} alt="" crossOrigin="anonymous" loading="lazy" onError={() => setBroken(true)} />
      ) : (
        <span class="product__image product__image--none" data-testid="product-placeholder">
          <ImageIcon />
        </span>
      )}
      <div class="product__body">
        <a class="product__title" href={href} target="_blank" rel="noopener" aria-describedby={id}>
          {product.title}
        </a>
        <p class="product__details" id={id}>
          {product.variant && <span class="product__variant">{product.variant}</span>}
          <span class="product__price" data-testid="product-price">
            {sale != null ? (
              <>
                <strong class="product__sale">
                  {t.sale} {money(sale, product.currency, language)}
                </strong>{' '}
                <s class="product__was">
                  {t.was} {money(product.price, product.currency, language)}
                </s>
              </>
            ) : (
              money(product.price, product.currency, language)
            )}
          </span>
          <span class={'product__stock product__stock--' + product.availability} data-testid="product-stock">
            {stock}
          </span>
          <span class="sr-only">{t.newTab}</span>
        </p>
      </div>
    </div>
  );
}

function AttachmentView({ chatId, attachment, caption, controller }: { chatId: string; attachment: NonNullable<MessageView['attachment']>; caption: string; controller: ChatController }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    controller.attachmentUrl(chatId, attachment.id).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attachment.id]);
  const name = attachment.fileName || caption;
  if (!url) return <p class="message__text">{failed ? '⚠ ' + name : name}</p>;
  return attachment.contentType.startsWith('video/') ? <video class="media" src={url} controls preload="metadata" aria-label={name} /> : <img class="media" src={url} alt={name} />;
}

function Composer({ state, controller }: Props) {
  const t = state.t;
  const [text, setText] = useState('');
  const [emoji, setEmoji] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const canAttach = state.config?.display.photoAndVideoSending === true;

  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = Math.min(el.scrollHeight, 120) + 'px';
  }, [text]);

  const submit = () => {
    if (!text.trim()) return;
    controller.send(text);
    setText('');
    input.current?.focus();
  };
  const insert = (symbol: string) => {
    const el = input.current;
    const at = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? at;
    setText(text.slice(0, at) + symbol + text.slice(end));
    setEmoji(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + symbol.length, at + symbol.length);
    });
  };

  return (
    <form
      class="composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && emoji) {
          e.preventDefault();
          setEmoji(false);
          input.current?.focus();
        }
      }}
    >
      {emoji && (
        <div class="emoji" id="emoji-grid" role="group" aria-label={t.emoji}>
          {EMOJI.map((symbol) => (
            <button type="button" key={symbol} onClick={() => insert(symbol)}>
              {symbol}
            </button>
          ))}
        </div>
      )}
      <div class="composer__row">
        <label for="message" class="sr-only">
          {t.message}
        </label>
        <textarea
          id="message"
          ref={input}
          rows={1}
          value={text}
          data-autofocus
          onInput={(e) => {
            setText((e.currentTarget as HTMLTextAreaElement).value);
            controller.typing();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="button" class="icon" aria-label={t.emoji} aria-expanded={emoji} aria-controls="emoji-grid" onClick={() => setEmoji(!emoji)}>
          <EmojiIcon />
        </button>
        {canAttach && (
          <>
            <button type="button" class="icon" aria-label={t.attach} onClick={() => file.current?.click()}>
              <AttachIcon />
            </button>
            <label for="attachment" class="sr-only">
              {t.attach}
            </label>
            <input
              id="attachment"
              ref={file}
              type="file"
              class="sr-only"
              tabIndex={-1}
              accept="image/jpeg,image/png,image/gif,image/webp,video/mp4,video/webm,video/quicktime"
              onChange={(e) => {
                const el = e.currentTarget as HTMLInputElement;
                for (const f of Array.from(el.files ?? [])) controller.attach(f);
                el.value = '';
              }}
            />
          </>
        )}
        <button type="submit" class="button button--primary">
          {t.send}
        </button>
      </div>
    </form>
  );
}

function Rating({ state, controller }: Props) {
  const t = state.t;
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <div class="ended">
      {state.rated ? (
        <p class="thanks" role="status">
          {t.thanks}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (rating) void controller.rate(rating, comment);
          }}
        >
          <fieldset class="stars" role="radiogroup">
            <legend>{t.rate}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label class={'star' + (n <= rating ? ' star--on' : '')} key={n}>
                <input type="radio" name="rating" class="star__input" value={n} checked={rating === n} aria-label={n === 1 ? t.star : fill(t.stars, { n })} data-autofocus={n === 1 || undefined} onChange={() => setRating(n)} />
                <span aria-hidden="true">★</span>
              </label>
            ))}
          </fieldset>
          {state.errors.rating && <p class="field__error">{state.errors.rating}</p>}
          <div class="field">
            <label for="comment">{t.comment}</label>
            <textarea id="comment" rows={2} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
          <button type="submit" class="button button--primary" aria-disabled={!rating || state.busy || undefined}>
            {t.sendRating}
          </button>
        </form>
      )}
      <button type="button" class="button button--quiet" data-autofocus={state.rated || undefined} onClick={() => controller.newChat()}>
        {t.newChat}
      </button>
    </div>
  );
}
