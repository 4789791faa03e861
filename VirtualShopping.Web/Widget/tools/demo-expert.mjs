// A terminal stand-in for the Store App, for trying the widget locally before the web inbox exists:
// signs an expert in through the companion API, goes available, keeps a realtime connection (so routing
// offers chats), claims each offer, and sends what you type to the chat it claimed last.
//
//   cd VirtualShopping.Web/Widget && npm ci
//   node tools/demo-expert.mjs [--app http://localhost:5032] [--email expert@demo-outfitters.example]
//   (the password is asked for, or taken from VS_DEMO_PASSWORD)
import { createInterface } from 'node:readline/promises';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const app = arg('app', 'http://localhost:5032').replace(/\/$/, '');
const email = arg('email', 'expert@demo-outfitters.example');
const terminal = createInterface({ input: process.stdin, output: process.stdout });
const password = process.env.VS_DEMO_PASSWORD || (await terminal.question(`Password for ${email}: `));

async function api(method, path, body, token) {
  const response = await fetch(app + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${data?.detail ?? data?.title ?? text}`);
  return data;
}

const { accessToken } = await api('POST', '/api/v1/expert/token', { email, password });
const me = await api('GET', '/api/v1/expert/me', undefined, accessToken);
await api('PUT', '/api/v1/expert/availability', { available: true }, accessToken);
let current = null;

const hub = new HubConnectionBuilder()
  .withUrl(app + '/hubs/expert', { accessTokenFactory: () => accessToken })
  .withAutomaticReconnect()
  .configureLogging(LogLevel.Warning)
  .build();
hub.on('offerReceived', async (offer) => {
  console.log(`\n→ Offer: ${offer.shopperName ?? 'a shopper'} needs ${offer.department} (${offer.colleaguesOffered} colleague(s) offered too${offer.spokenBefore ? ', spoken before' : ''}). Claiming…`);
  try {
    const chat = await api('POST', `/api/v1/expert/offers/${offer.offerId}/claim`, undefined, accessToken);
    current = chat.id;
    console.log(`✓ Claimed chat ${chat.id}. Type a message and press Enter (/close to end it).`);
  } catch (e) {
    console.log('✗ ' + e.message);
  }
});
hub.on('offerWithdrawn', (w) => console.log(`(offer for chat ${w.chatId} withdrawn: ${w.reason})`));
hub.on('messageReceived', (m) => {
  if (m.sender === 'Expert') return;
  const who = m.sender === 'Shopper' ? (m.kind === 'Cart' ? 'Cart' : 'Shopper') : 'System';
  console.log(`  [${who}] ${m.text}`);
});
hub.on('typing', () => {
  process.stdout.write('  (the shopper is typing…)\r');
});
hub.on('read', () => {});
hub.on('ready', () => {});
hub.on('chatChanged', (chat) => {
  if (chat.id === current && chat.status === 'Ended') {
    console.log('(the chat ended)');
    current = null;
  }
});
hub.on('availabilityChanged', (a) => console.log(`(you are now ${a.available ? 'available' : 'unavailable'}${a.reason ? ': ' + a.reason : ''})`));
await hub.start();
console.log(`${me.name} is available and connected to ${app}. Open the demo shop and start a chat; Ctrl+C to stop.`);

for await (const line of terminal) {
  if (!current || !line.trim()) continue;
  try {
    if (line.trim() === '/close') {
      await api('POST', `/api/v1/expert/chats/${current}/close`, undefined, accessToken);
      console.log('✓ Chat closed.');
      current = null;
    } else {
      await api('POST', `/api/v1/expert/chats/${current}/messages`, { text: line, clientMessageId: crypto.randomUUID() }, accessToken);
    }
  } catch (e) {
    console.log('✗ ' + e.message);
  }
}
