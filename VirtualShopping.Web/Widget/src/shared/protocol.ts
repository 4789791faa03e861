// Types shared by the loader (merchant's page) and the chat UI (iframe). Types only: they cost no bytes.
// The protocol is the one in WIDGET-CONTRACT.md ("postMessage protocol"); every message carries vs: 1.

export type DisplayMode = 'AlwaysOn' | 'OperatingHours' | 'WhenExpertAvailable';
export type LauncherStyle = 'Interactive' | 'NeedsSelector';

/** GET /api/v1/widget/{key}/config (camelCase, enums by name). */
export interface WidgetConfig {
  language: string;
  languages: string[];
  enabled: boolean;
  isOpenNow: boolean;
  /** An available, connected expert under their chat limit in an open store exists for at least one department. */
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
  texts: Record<string, string | null>;
  departments: { id: string; label: string; available?: boolean }[];
  urls: { privacyPolicy: string | null; terms: string | null; customerService: string | null };
  display: {
    mode: DisplayMode;
    launcherStyle: LauncherStyle;
    minimisable: boolean;
    autoCloseSeconds: number;
    dismissedBubbleHideHours: number;
    photoAndVideoSending: boolean;
    includeUrlPatterns: string[];
    excludeUrlPatterns: string[];
    desktop: boolean;
    mobile: boolean;
    countries: string[];
    /** null: the shopper's country is unknown. */
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

export type WidgetEventName = 'ready' | 'open' | 'close' | 'message' | 'unread' | 'error';

/** frame → loader: parent.postMessage(msg, hostOrigin). */
export type FrameMessage = { vs: 1 } & (
  | { type: 'ready' }
  | { type: 'state'; state: SessionState }
  | { type: 'close' }
  | { type: 'unread'; count: number }
  | { type: 'event'; name: 'message' | 'error'; detail: unknown }
);

/** loader → frame: frame.contentWindow.postMessage(msg, appOrigin). */
export type LoaderMessage = { vs: 1 } & (
  | {
      type: 'init';
      config: WidgetConfig;
      state: SessionState | null;
      consent: boolean;
      identity: Identity | null;
      pageUrl: string;
      language: string;
      open: boolean;
      /** Set when the shopper picked a department in the launcher's needs-selector bubble (addition to the contract). */
      departmentId?: string;
    }
  | { type: 'open'; departmentId?: string }
  | ({ type: 'identify' } & Identity)
  | { type: 'consent'; granted: boolean }
);
