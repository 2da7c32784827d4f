/**
 * The part of a service worker's global scope the offline worker uses. TypeScript's `webworker`
 * library cannot be loaded beside the `dom` library the rest of the project type-checks against
 * (they declare the same globals differently), so the worker states what it needs here and
 * checks at run time that it has it.
 */

export interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

export interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}

export interface WorkerScope {
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

/** Whether the script runs as a service worker. */
export function isWorkerScope(global: object): global is WorkerScope {
  return 'skipWaiting' in global && 'clients' in global && 'registration' in global;
}
