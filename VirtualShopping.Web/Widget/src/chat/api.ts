// The widget's REST API (/api/v1/widget/{key}/...), same origin as this frame, with the shopper's bearer token.
import type { Problem } from './types';

export interface Session {
  token: string;
  shopperId: string;
  expiresAt: string;
}

/** A refused or failed call: the HTTP status (0 when the network failed) and the server's problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || 'HTTP ' + status);
  }

  /** Worth retrying as it is: the network or the server failed, or a limit was hit. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export class Api {
  session: Session | null = null;

  constructor(private readonly base: string) {}

  /** A new shopper session (the old token, if any, keeps the shopper's id). */
  async startSession(): Promise<Session> {
    this.session = await this.call<Session>('POST', '/session');
    return this.session;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  /** The bytes of a file the chat holds (an attachment), as a blob. */
  async blob(path: string): Promise<Blob> {
    const response = await this.send('GET', path);
    return response.blob();
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.session) headers.Authorization = 'Bearer ' + this.session.token;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body: payload, credentials: 'omit' });
    } catch {
      throw new ApiError(0, {});
    }
    if (!response.ok) {
      let problem: Problem = {};
      try {
        problem = await response.json();
      } catch {
        // not JSON: the status says enough
      }
      throw new ApiError(response.status, problem);
    }
    return response;
  }
}

/** The first message of a refusal, for a field or for the whole form. */
export function problemText(error: unknown, fallback: string): string {
  if (error instanceof ApiError && !error.transient) {
    const fields = error.problem.errors ? Object.values(error.problem.errors).flat() : [];
    return fields[0] || error.problem.detail || error.problem.title || fallback;
  }
  return fallback;
}

/** Field messages of a validation problem, by field name (lower camel case, as the server names them). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError && error.problem.errors) {
    for (const [field, messages] of Object.entries(error.problem.errors)) {
      out[field.charAt(0).toLowerCase() + field.slice(1)] = messages[0];
    }
  }
  return out;
}
