// Types of the VirtualShopping on-site chat API (window.vs). Copy this file into your project, or reference it:
//   /// <reference path="virtualshopping.d.ts" />
//
// The snippet defines a queue stub, so every call works before the loader has arrived:
//   <script>window.vs = window.vs || function () { (window.vs.q = window.vs.q || []).push(arguments); };</script>
//   <script src="https://APP/widget/loader.js" data-key="KEY" async></script>
//
// Every call is validated. An invalid call logs ONE console warning starting with "[VirtualShopping]" that names
// the problem, and sends nothing.
//
// Privacy: the widget opens no connection to the chat service's realtime hub, sets no cookie and writes nothing
// to the page's storage until the shopper interacts with the launcher (click or keyboard) or your page calls
// open(); when the merchant's consent mode is "wait for consent", not before consent(true) either. Shoppers who
// never open the chat are never tracked: track() events stay in this page's memory and are dropped with it.

/** The events on() accepts. */
type VirtualShoppingEvent = 'ready' | 'open' | 'close' | 'message' | 'unread' | 'error';

/** A product in a track() event. Only `id` is required. */
interface VirtualShoppingProduct {
  /** Your product id (as in the product feed). Required. */
  id: string | number;
  name?: string;
  /** Unit price, 0 or more. */
  price?: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency?: string;
  /** Whole number, 1 or more. */
  quantity?: number;
  brand?: string;
  category?: string;
  variant?: string;
  /** The product page's address. */
  url?: string;
  /** The product image's address. */
  image?: string;
}

/** The order of a "purchase" event: `id`, `currency` and `subtotal` are required. */
interface VirtualShoppingPurchase {
  /** Your order id. */
  id: string | number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  subtotal: number;
  total?: number;
  tax?: number;
  shipping?: number;
}

/** A shopping event for track(). */
type VirtualShoppingTrackEvent =
  | {
      /** detail: a product page viewed; add / remove: products added to or removed from the cart. */
      type: 'detail' | 'add' | 'remove';
      /** At least one product. */
      products: VirtualShoppingProduct[];
    }
  | {
      /** purchase: an order placed (kept for attribution to the expert the shopper chatted with). */
      type: 'purchase';
      purchase: VirtualShoppingPurchase;
      products?: VirtualShoppingProduct[];
    };

/** Identity the shopper already gave your site; pre-fills the chat's details form. */
interface VirtualShoppingIdentity {
  name?: string;
  email?: string;
}

/**
 * The VirtualShopping widget. Call it as a function, `vs('open')`, `vs('on', 'unread', fn)`, which also works
 * through the snippet's queue before the loader has arrived, or (once loaded) through its methods, `vs.open()`.
 */
interface VirtualShopping {
  /**
   * Opens the chat panel, as a click on the launcher does. Counts as the shopper's interaction: the chat may
   * then start a session (and, unless consent is awaited, keep it in this site's localStorage).
   * Called before the configuration has loaded, the panel opens as soon as it has.
   */
  open(): void;
  /** Closes the chat panel; focus goes back to the launcher. */
  close(): void;
  /** Opens the panel when closed, closes it when open. */
  toggle(): void;
  /** Hides the launcher (and closes the panel) on this page, e.g. over your own modal. */
  hide(): void;
  /** Shows the launcher again after hide(), where the merchant's display rules allow it. */
  show(): void;
  /**
   * Listens to a widget event: `ready` (configuration loaded, launcher drawn), `open`, `close`, `message`
   * (a new message from the expert), `unread` (the number of unread messages, a number) or `error`.
   * A `ready` handler added after the widget is ready is called straight away.
   * @returns a function that removes the handler. Through the queue stub (before the loader arrived) the
   * call returns nothing: call `vs.on(...)` again after `ready` if you need to unsubscribe.
   */
  on(event: VirtualShoppingEvent, handler: (detail?: unknown) => void): () => void;
  /**
   * Tells the chat who the shopper is (your site knows them): fills the chat's name and email fields.
   * Both optional; `email` must be an email address.
   */
  identify(identity: VirtualShoppingIdentity): void;
  /**
   * Reports the shopper's cookie consent. With the merchant's consent mode "wait for consent", the widget
   * stores nothing and opens no connection before `consent(true)`; `consent(false)` forgets the stored chat
   * session on this site.
   */
  consent(granted: boolean): void;
  /**
   * Reports a shopping event (product viewed, added to or removed from the cart, order placed). Sent with the
   * shopper's chat session only: shoppers who never opened the chat (or, in consent mode, never consented) are
   * never tracked. Events before that moment wait in this page's memory (the last 50) and are sent once the
   * shopper starts a chat on this page. Cart events show to the expert in an ongoing chat.
   */
  track(event: VirtualShoppingTrackEvent): void;

  (command: 'open' | 'close' | 'toggle' | 'hide' | 'show'): void;
  (command: 'on', event: VirtualShoppingEvent, handler: (detail?: unknown) => void): (() => void) | undefined;
  (command: 'identify', identity: VirtualShoppingIdentity): void;
  (command: 'consent', granted: boolean): void;
  (command: 'track', event: VirtualShoppingTrackEvent): void;
}

interface Window {
  /** The VirtualShopping on-site chat (see virtualshopping.d.ts). */
  vs: VirtualShopping;
}
