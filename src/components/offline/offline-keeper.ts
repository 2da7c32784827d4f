/**
 * `<offline-keeper>`: shows the size of a conference's offline copy, registers the service worker
 * only when the reader asks to keep the copy, shows the download's progress, and removes worker and
 * copy in one click. The worker does the downloading (`src/offline/worker.ts`); this page only asks
 * and listens.
 */
import { formatDate } from '../../lib/format';
import { formatBytes, isOfflineManifest, type OfflineManifest } from '../../lib/offline-manifest';
import {
  deleteSiteCaches,
  isKeepMessage,
  isSiteCache,
  keptCache,
  readKept,
  type KeepRequest,
} from '../../offline/store';

/** Progress is announced at most this often: a screen reader would read every file otherwise. */
const ANNOUNCE_EVERY_MS = 2000;

const day = (builtOn: string) => formatDate(new Date(`${builtOn}T00:00:00Z`));

class OfflineKeeper extends HTMLElement {
  private base = this.dataset['base'] ?? '/';
  private manifestUrl = this.dataset['manifest'] ?? '';

  private find<E extends HTMLElement>(selector: string, type: new () => E): E {
    const el = this.querySelector(selector);
    if (!(el instanceof type)) throw new Error(`offline-keeper: no ${selector}`);
    return el;
  }

  private size = this.find('[data-size]', HTMLElement);
  private state = this.find('[data-state-text]', HTMLElement);
  private progressBox = this.find('[data-progress]', HTMLElement);
  private progress = this.find('progress', HTMLProgressElement);
  private keepButton = this.find('[data-keep]', HTMLButtonElement);
  private removeButton = this.find('[data-remove]', HTMLButtonElement);

  connectedCallback() {
    if (!('serviceWorker' in navigator) || !('caches' in window)) {
      this.size.textContent = 'This browser cannot keep pages for offline reading.';
      this.state.textContent = 'Nothing can be kept on this device with this browser.';
      return;
    }
    this.keepButton.addEventListener('click', () => void this.start());
    this.removeButton.addEventListener('click', () => void this.clear());
    // A new build's worker took over: the copy on this device changed.
    navigator.serviceWorker.addEventListener('controllerchange', () => void this.show());
    void this.showSize();
    void this.show();
  }

  private async showSize() {
    try {
      const response = await fetch(this.manifestUrl);
      const manifest: unknown = response.ok ? await response.json() : undefined;
      if (!isOfflineManifest(manifest)) throw new Error('no manifest');
      this.size.textContent = describe(manifest);
    } catch {
      this.size.textContent = navigator.onLine
        ? 'The size of the offline copy could not be read.'
        : 'You are offline: the size of the offline copy shows when you are back online.';
    }
  }

  /** The manifest of the complete copy on this device, if this conference is kept. */
  private async keptManifest(): Promise<OfflineManifest | undefined> {
    const id = this.dataset['conference'];
    const registration = await navigator.serviceWorker.getRegistration(this.base);
    if (!registration || !(await readKept(this.base)).some((k) => k.id === id)) return undefined;
    const names = (await caches.keys()).filter(isSiteCache(this.base)).filter((n) => n !== keptCache(this.base));
    for (const name of names) {
      const found = await (await caches.open(name)).match(this.manifestUrl);
      const manifest: unknown = found ? await found.json() : undefined;
      if (isOfflineManifest(manifest)) return manifest;
    }
    return undefined;
  }

  private async show() {
    const manifest = await this.keptManifest();
    this.keepButton.hidden = manifest !== undefined;
    this.keepButton.disabled = false;
    this.removeButton.hidden = manifest === undefined;
    this.state.textContent = manifest
      ? `Kept on this device: the build of ${day(manifest.builtOn)}, ${manifest.urls.length.toLocaleString('en')} files. It updates itself when the digest is rebuilt.`
      : 'Not kept on this device.';
    this.dataset['state'] = manifest ? 'kept' : 'not-kept';
  }

  private async start() {
    this.keepButton.disabled = true;
    this.dataset['state'] = 'keeping';
    this.state.textContent = 'Starting the download…';
    try {
      await navigator.serviceWorker.register(this.dataset['worker'] ?? '', { scope: this.base });
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (!worker) throw new Error('the service worker did not start');
      await this.download(worker);
      await this.show();
    } catch (error) {
      this.progressBox.hidden = true;
      this.keepButton.disabled = false;
      this.dataset['state'] = 'error';
      this.state.textContent = `Could not keep the digest: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Asks the worker to keep this conference and shows its progress until it is done. */
  private download(worker: ServiceWorker): Promise<void> {
    const channel = new MessageChannel();
    const request: KeepRequest = { type: 'keep', id: this.dataset['conference'] ?? '', manifest: this.manifestUrl };
    this.progressBox.hidden = false;
    let announced = 0;
    return new Promise((resolve, reject) => {
      channel.port1.onmessage = (event: MessageEvent<unknown>) => {
        const message = event.data;
        if (!isKeepMessage(message)) return;
        if (message.type === 'error') reject(new Error(message.message));
        else if (message.type === 'done') {
          this.progressBox.hidden = true;
          resolve();
        } else {
          this.progress.max = message.total;
          this.progress.value = message.done;
          const now = Date.now();
          if (now - announced >= ANNOUNCE_EVERY_MS || message.done === message.total) {
            announced = now;
            this.state.textContent = `Saved ${message.done.toLocaleString('en')} of ${message.total.toLocaleString('en')} files (${formatBytes(message.bytes)}).`;
          }
        }
      };
      worker.postMessage(request, [channel.port2]);
    });
  }

  private async clear() {
    this.removeButton.disabled = true;
    const registration = await navigator.serviceWorker.getRegistration(this.base);
    await registration?.unregister();
    await deleteSiteCaches(this.base);
    this.removeButton.disabled = false;
    await this.show();
    this.state.textContent = 'Removed: this device keeps no offline copy of the digest, and no service worker.';
    this.dataset['state'] = 'removed';
  }
}

/** What the copy holds and weighs, before the reader decides. */
function describe(manifest: OfflineManifest): string {
  const size = `${formatBytes(manifest.bytes)} in ${manifest.urls.length.toLocaleString('en')} files`;
  const left =
    manifest.omitted.length > 0
      ? ` At this size it leaves out ${manifest.omitted.join(' and ')}: offline, search still finds every paper, and a page left out says so.`
      : '';
  return `The offline copy of ${manifest.conference.name} takes ${size}, from the build of ${day(manifest.builtOn)}.${left}`;
}

customElements.define('offline-keeper', OfflineKeeper);
