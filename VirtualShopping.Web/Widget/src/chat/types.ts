// What the server sends (JSON camelCase, enums by name).

export type ChatStatus = 'Waiting' | 'Active' | 'Ended' | 'Missed';
export type Sender = 'Shopper' | 'Expert' | 'System';

export interface ChatView {
  id: string;
  status: ChatStatus;
  departmentId: string;
  language: string;
  shopperName: string | null;
  startedAt: string;
  waitedSeconds: number;
  claimDeadline: string;
  expertName: string | null;
  expertStoreName?: string | null;
  claimedAt: string | null;
  endedAt: string | null;
  endReason: 'Shopper' | 'Expert' | 'Idle' | null;
  rating: number | null;
  canLeaveMessage: boolean;
  shopperReadSequence?: number;
  expertReadSequence?: number;
}

export interface Attachment {
  id: string;
  contentType: string;
  length: number;
  fileName: string | null;
}

export interface MessageView {
  chatId: string;
  sequence: number;
  sender: Sender;
  authorName: string | null;
  text: string;
  sentAt: string;
  clientMessageId: string | null;
  kind?: 'Text' | 'Attachment' | 'Cart' | 'Discount' | 'Product';
  attachment?: Attachment | null;
  discount?: Discount | null;
  product?: ProductCard | null;
}

export type Availability = 'InStock' | 'OutOfStock' | 'Preorder' | 'Backorder';

/** A product the expert sent, as it was then; url is its share link, which opens the product page. */
export interface ProductCard {
  productId: string;
  title: string;
  variant?: string | null;
  brand?: string | null;
  /** The merchant's image, https only (else absent). */
  imageUrl?: string | null;
  price: number;
  /** Only when below the price. */
  salePrice?: number | null;
  /** ISO 4217, e.g. "GBP". */
  currency: string;
  availability: Availability;
  url: string;
}

/** A discount code the expert sent: the shopper copies it or, with an https applyUrl, applies it to their cart. */
export interface Discount {
  code: string;
  description: string;
  applyUrl?: string | null;
  /** The last day it can be used, as yyyy-MM-dd. */
  validUntil?: string | null;
}

/** A message of the shopper's that the server has not confirmed yet. */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
  file?: File;
  failed: string | null;
}

/** RFC 7807 problem details. */
export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
  openChatId?: string;
}

/** POST /chats when no store serving the need is open. */
export interface OutOfHoursAnswer {
  outOfHours: true;
  outOfHoursText: string | null;
  canLeaveMessage: boolean;
}
