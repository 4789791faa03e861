// The screens that are forms: needs selector, details, waiting, left message.
import { useEffect, useState } from 'preact/hooks';
import type { ChatController, UiState } from './controller';

type Props = { state: UiState; controller: ChatController };

export function Field(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  multiline?: boolean;
  required?: boolean;
}) {
  const { id, label, error } = props;
  const common = {
    id,
    value: props.value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? id + '-error' : undefined,
    'aria-required': props.required ? true : undefined,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {props.multiline ? <textarea {...common} rows={4} /> : <input {...common} type={(props.type ?? 'text') as 'text'} autocomplete={props.autocomplete} />}
      {error && (
        <p class="field__error" id={id + '-error'}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Needs({ state, controller }: Props) {
  const config = state.config!;
  const unavailable = config.departments.some((d) => d.available === false);
  return (
    <section class="screen">
      <h2 data-autofocus-heading>{config.texts.needsSelectorPrompt || state.t.needsPrompt}</h2>
      <ul class="needs">
        {config.departments.map((d) => (
          <li key={d.id}>
            <button type="button" class="need" aria-describedby={d.available === false ? 'need-unavailable' : undefined} onClick={() => controller.chooseDepartment(d)}>
              {d.label}
            </button>
          </li>
        ))}
      </ul>
      {unavailable && (
        <p class="hint" id="need-unavailable">
          {state.t.leaveMessageHint}
        </p>
      )}
    </section>
  );
}

export function Details({ state, controller }: Props) {
  const t = state.t;
  const [name, setName] = useState(state.identity.name ?? '');
  const [email, setEmail] = useState(state.identity.email ?? '');
  // A merchant's identify() after the form showed fills what the shopper has not typed.
  useEffect(() => {
    setName((n) => n || state.identity.name || '');
    setEmail((e) => e || state.identity.email || '');
  }, [state.identity]);
  return (
    <form
      class="screen"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void controller.startChat(name, email);
      }}
    >
      <h2>{t.details}</h2>
      <p class="hint">
        {state.department?.label} · {t.detailsHint}
      </p>
      <Field id="name" label={t.name} value={name} onInput={setName} autocomplete="name" error={state.errors.name} />
      <Field id="email" label={t.email} value={email} onInput={setEmail} type="email" autocomplete="email" error={state.errors.email} />
      <div class="actions">
        <button type="button" class="button button--quiet" onClick={() => controller.backToNeeds()}>
          {t.back}
        </button>
        <button type="submit" class="button button--primary" aria-disabled={state.busy || undefined}>
          {t.start}
        </button>
      </div>
    </form>
  );
}

export function Waiting({ state, controller }: Props) {
  const t = state.t;
  const chat = state.chat!;
  const [since] = useState(() => Date.now() - chat.waitedSeconds * 1000);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const waited = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  // A chat waiting again (moved to another department, or its expert left) says why: the last system line.
  const why = state.messages.reduceRight<string | null>((found, m) => found ?? (m.sender === 'System' ? m.text : null), null);
  return (
    <section class="screen screen--center">
      <div class="pulse" aria-hidden="true" />
      <h2>{t.waiting}</h2>
      {why && (
        <p class="system" role="status">
          {why}
        </p>
      )}
      <p class="waited">
        {t.waited}{' '}
        <span role="timer" class="waited__time">
          {waited}
        </span>
      </p>
      <p>{t.next}</p>
      <button type="button" class="button button--quiet" onClick={() => void controller.cancel()}>
        {t.cancel}
      </button>
    </section>
  );
}

export function LeftMessage({ state, controller }: Props) {
  const t = state.t;
  const left = state.left!;
  const texts = state.config!.texts;
  const [name, setName] = useState(state.identity.name ?? '');
  const [email, setEmail] = useState(state.identity.email ?? '');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  if (left.sent) {
    return (
      <section class="screen">
        <h2>{texts.leftMessageThanks || t.leftThanks}</h2>
        <button type="button" class="button button--primary" onClick={() => controller.newChat()}>
          {t.newChat}
        </button>
      </section>
    );
  }
  const heading = left.reason === 'missed' ? texts.missedChat || t.missed : texts.outOfHours || left.text || state.config!.outOfHours.text || t.outOfHours;
  return (
    <form
      class="screen"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void controller.leaveMessage({ name, email, phone, text });
      }}
    >
      <h2 class="h2--text">{heading}</h2>
      <Field id="left-name" label={t.name} value={name} onInput={setName} autocomplete="name" error={state.errors.name} />
      <Field id="left-email" label={t.email} value={email} onInput={setEmail} type="email" autocomplete="email" error={state.errors.email} />
      <Field id="left-phone" label={t.phone} value={phone} onInput={setPhone} type="tel" autocomplete="tel" error={state.errors.phone} />
      <Field id="left-text" label={t.message} value={text} onInput={setText} multiline required error={state.errors.text} />
      <div class="actions">
        <button type="button" class="button button--quiet" onClick={() => controller.newChat()}>
          {t.back}
        </button>
        <button type="submit" class="button button--primary" aria-disabled={state.busy || undefined}>
          {t.sendMessage}
        </button>
      </div>
    </form>
  );
}
