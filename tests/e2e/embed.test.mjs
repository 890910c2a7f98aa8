// The embed protocol: the custom element drives the app in an iframe by postMessage, across
// origins; messages from an origin the app was not told about are ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot } from './harness.mjs';

let app, portal, browser;
// The portal page frames the app from the other server (another origin), under a CSP of its own.
const portalPageHtml = '<!doctype html><html lang="en"><title>portal</title><script type="module" src="./embed/sls-encrypt-element.js"></script></html>';
before(async () => {
  app = await serveDist();
  portal = await serveDist({ extra: { '/portal.html': { body: portalPageHtml, headers: {
    'content-security-policy': `default-src 'none'; script-src 'self'; frame-src ${app.base}` } } } });
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await portal?.close(); });

async function portalPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(app.base) && !r.url().startsWith(portal.base)) problems.push(`network: ${r.url()}`);
  });
  return { page, context, problems };
}

test('the demo portal loads an intent through the custom element and gets the plan back', async () => {
  const { page, context, problems } = await portalPage();
  await page.goto(`${portal.base}embed/index.html`);
  // The app says ready, then reports its first plan (an empty form: errors).
  await page.waitForFunction(() => /^plan: /.test(document.getElementById('status').textContent), null, { timeout: 30000 });
  await page.click('#load');
  await page.waitForFunction(() => /plan: ok, 7 request/.test(document.getElementById('status').textContent), null, { timeout: 15000 });
  const frame = page.frames().find((f) => f.url().startsWith(portal.base) && f !== page.mainFrame());
  assert.equal(await frame.locator('[data-field="/target/account_id"]').inputValue(), '1234567890123456');
  const plan = await page.evaluate(() => document.querySelector('sls-encrypt-configurator').plan);
  assert.equal(plan.requests.at(-1).api, 'UpdateLogStore');
  assert.equal(plan.requests.at(-1).body.encrypt_conf.user_cmk_info.cmk_key_id, 'key-hzz67f8a1b2c3d4e5f6g');
  await screenshot(page, 'embed-demo');
  assert.deepEqual(problems, []);
  await context.close();
});

test('across origins, the element works and a wrong origin is ignored', async () => {
  const { page, context, problems } = await portalPage();
  await page.goto(`${portal.base}portal.html`);
  // A second element whose app is on another origin: the element names the portal's origin.
  const result = await page.evaluate(async (appBase) => {
    const el = document.createElement('sls-encrypt-configurator');
    el.setAttribute('src', appBase);
    const timeout = (what) => new Promise((_, no) => setTimeout(() => no(new Error(`timed out: ${what}`)), 20000));
    const planned = Promise.race([timeout('plan'), new Promise((ok) => el.addEventListener('plan', (e) => { if (e.detail.intent.encryption.key === 'byok') ok(e.detail.plan); }))]);
    const ready = Promise.race([timeout('ready'), new Promise((ok) => el.addEventListener('ready', ok))]);
    await customElements.whenDefined('sls-encrypt-configurator');
    document.body.append(el);
    await ready;
    el.intent = { version: 1, target: { region: 'cn-hangzhou', account_id: '1234567890123456', preset: 'cloud_firewall' },
                  operation: 'create', logstore: { ttl: 30, shardCount: 2 },
                  encryption: { key: 'byok', cmk_key_id: 'key-hzz67f8a1b2c3d4e5f6g' }, ram: { user_name: 'sls-admin' } };
    const plan = await planned;
    return { ok: plan.ok, last: plan.requests.at(-1).api };
  }, app.base);
  assert.deepEqual(result, { ok: true, last: 'CreateLogStore' });

  // An iframe told to trust another origin never answers this portal and ignores its intents.
  const silent = await page.evaluate(async (appBase) => {
    const frame = document.createElement('iframe');
    frame.src = `${appBase}?embed=${encodeURIComponent('http://127.0.0.1:9')}`;
    const heard = [];
    window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) heard.push(e.data.type); });
    const loaded = new Promise((ok) => frame.addEventListener('load', ok));
    document.body.append(frame);
    await loaded;
    await new Promise((ok) => setTimeout(ok, 1500));
    frame.contentWindow.postMessage({ type: 'sls-encrypt:set-intent', intent: { version: 1, target: { region: 'cn-beijing' } } }, '*');
    await new Promise((ok) => setTimeout(ok, 500));
    return heard;
  }, app.base);
  assert.deepEqual(silent, []);
  const spoofed = page.frames().find((f) => f.url().includes('embed=http'));
  await spoofed.waitForSelector('[data-shell="ready"]');
  assert.notEqual(await spoofed.locator('[data-field="/target/region"]').inputValue(), 'cn-beijing');
  assert.deepEqual(problems, []);
  await context.close();
});
