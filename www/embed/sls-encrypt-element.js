// <sls-encrypt-configurator>: embeds the sls-encrypt app in an internal portal.
//
//   <script type="module" src="/sls-encrypt/embed/sls-encrypt-element.js"></script>
//   <sls-encrypt-configurator src="/sls-encrypt/"></sls-encrypt-configurator>
//
// The element hosts the app in an iframe and speaks its postMessage protocol (version 1):
//   app -> portal  {type: "sls-encrypt:ready", version: 1}
//   portal -> app  {type: "sls-encrypt:set-intent", intent: {...}}   (docs/CONTRACT.md)
//   app -> portal  {type: "sls-encrypt:plan", version: 1, intent: {...}, plan: {...}}
//   app -> portal  {type: "sls-encrypt:error", version: 1, message: "..."}   (the app crashed;
//                  it shows a recovery message with a Reload button itself)
// Messages go only to the app's origin, and only messages from that iframe's window and origin
// are read. Events: "ready", "plan" with event.detail = {intent, plan}, and "crash" with
// event.detail = {message}.
// Set el.intent = {...} to load an intent; read el.plan for the latest plan. The intent and the
// plan are typed in ../lib/sls-encrypt.d.ts (generated from the Rust types, as the portal module's).

/** @typedef {import('../lib/sls-encrypt.js').Intent} Intent */
/** @typedef {import('../lib/sls-encrypt.js').Plan} Plan */
/** @typedef {import('../lib/sls-encrypt.js').IntentAndPlan} PlanEventDetail  The `plan` event's detail. */

const PROTOCOL = 'sls-encrypt';

class SlsEncryptConfigurator extends HTMLElement {
  /** @type {HTMLIFrameElement | undefined} */
  #frame;
  /** @type {string | undefined} */
  #origin;
  #ready = false;
  /** @type {Intent | null} */
  #pending = null;
  #onMessage = (/** @type {MessageEvent} */ event) => this.#receive(event);

  /** The latest plan the app reported (null until the first one). @type {Plan | null} */
  plan = null;

  connectedCallback() {
    window.addEventListener('message', this.#onMessage);
    if (this.#frame) return;
    const src = new URL(this.getAttribute('src') || '../', document.baseURI);
    src.searchParams.set('embed', window.location.origin);
    this.#origin = src.origin;
    const root = this.attachShadow({ mode: 'open' });
    const frame = document.createElement('iframe');
    frame.title = this.getAttribute('title') || 'sls-encrypt';
    frame.src = src.href;
    frame.setAttribute('part', 'frame');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.setAttribute('allow', 'clipboard-write');
    // A moved element reloads its frame: wait for the app's ready again before sending.
    frame.addEventListener('load', () => { this.#ready = false; });
    root.append(frame);
    this.#frame = frame;
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.#onMessage);
  }

  /** Loads an intent into the app (queued until the app is ready). @param {Intent} intent */
  set intent(intent) {
    if (this.#ready) this.#send({ type: `${PROTOCOL}:set-intent`, intent });
    else this.#pending = intent;
  }

  /** @param {{ type: string, intent: Intent }} message */
  #send(message) {
    if (this.#origin) this.#frame?.contentWindow?.postMessage(message, this.#origin);
  }

  /** @param {MessageEvent} event */
  #receive(event) {
    if (event.source !== this.#frame?.contentWindow || event.origin !== this.#origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type === `${PROTOCOL}:ready`) {
      this.#ready = true;
      if (this.#pending) {
        this.#send({ type: `${PROTOCOL}:set-intent`, intent: this.#pending });
        this.#pending = null;
      }
      this.dispatchEvent(new CustomEvent('ready', { detail: { version: data.version } }));
    } else if (data.type === `${PROTOCOL}:plan`) {
      this.plan = data.plan;
      /** @type {PlanEventDetail} */
      const detail = { intent: data.intent, plan: data.plan };
      this.dispatchEvent(new CustomEvent('plan', { detail }));
    } else if (data.type === `${PROTOCOL}:error`) {
      this.dispatchEvent(new CustomEvent('crash', { detail: { message: String(data.message ?? '') } }));
    }
  }
}

if (!customElements.get('sls-encrypt-configurator')) {
  customElements.define('sls-encrypt-configurator', SlsEncryptConfigurator);
}
