// The postMessage protocol between the loader (merchant's page) and the chat frame (WIDGET-CONTRACT.md).
// Types only: both bundles import it, neither ships code from it.

/** The public widget configuration, as GET /api/v1/widget/{key}/config answers it. */
export interface WidgetConfig {
  language: string;
  languages: string[];
  enabled: boolean;
  isOpenNow: boolean;
  expertAvailable?: boolean;
  theme: {
    primaryColour: string;
    secondaryColour: string;
    textOnPrimary: string;
    font: string;
    position: 'BottomRight' | 'BottomLeft';
    offsetX: number;
    offsetY: number;
    logoUrl: string | null;
    launcherIconUrl: string | null;
  };
  texts: Partial<Record<'greeting' | 'needsSelectorPrompt' | 'outOfHours' | 'missedChat' | 'leftMessageThanks', string | null>>;
  departments: { id: string; label: string; available?: boolean }[];
  urls: { privacyPolicy: string | null; terms: string | null; customerService: string | null };
  display: {
    mode: string;
    launcherStyle: 'Interactive' | 'NeedsSelector';
    minimisable: boolean;
    autoCloseSeconds: number;
    dismissedBubbleHideHours: number;
    photoAndVideoSending: boolean;
    includeUrlPatterns: string[];
    excludeUrlPatterns: string[];
    desktop: boolean;
    mobile: boolean;
    countries: string[];
    countryAllowed?: boolean | null;
  };
  cookies: { ttlDays: number; consent: 'NotRequired' | 'WaitForConsent' };
  outOfHours: { behaviour: string; text: string };
}

/** The shopper session the loader keeps in the host page's localStorage under `vs:{key}`. */
export interface SessionState {
  token: string;
  shopperId: string;
  expiresAt: string;
  chatId?: string | null;
  lastSeq?: number | null;
  open?: boolean;
}

export interface Identity {
  name?: string;
  email?: string;
}

/** frame → loader: `parent.postMessage(msg, hostOrigin)`. */
export type FrameMessage =
  | { vs: 1; type: 'ready' }
  | { vs: 1; type: 'state'; state: { token: string; shopperId: string; expiresAt: string; chatId: string | null; lastSeq: number | null } }
  | { vs: 1; type: 'close' }
  | { vs: 1; type: 'unread'; count: number }
  | { vs: 1; type: 'event'; name: 'message' | 'error'; detail?: unknown };

/** loader → frame: `frame.contentWindow.postMessage(msg, appOrigin)`. */
export type LoaderMessage =
  | {
      vs: 1;
      type: 'init';
      config: WidgetConfig;
      state: SessionState | null;
      consent: boolean;
      identity: Identity | null;
      pageUrl: string;
      language: string;
      open: boolean;
    }
  | { vs: 1; type: 'open' }
  | { vs: 1; type: 'identify'; name?: string; email?: string }
  | { vs: 1; type: 'consent'; granted: boolean };
