// Security of state and embedding: a framing page learns nothing saved, a crafted link cannot
// pre-fill an account id behind a "redacted" notice, and a broken link never wipes the user's work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let app, other, browser;
const ACCOUNT = '1234567890123456';
before(async () => {
  app = await serveDist();
  // Another origin on the same site (another port of 127.0.0.1): storage is not partitioned from it.
  other = await serveDist({ extra: { '/frame.html': { body: '<!doctype html><html lang="en"><title>framer</title></html>', headers: {} } } });
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await other?.close(); });

const b64url = (s) => Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('a page that frames the app with ?embed=<itself> gets a blank form, not the saved state', async () => {
  const { page, context, problems } = await openApp(browser, app.base);
  await page.locator('[data-field="/target/account_id"]').fill(ACCOUNT);
  await page.waitForFunction(() => (localStorage.getItem('sls-encrypt/v1') || '').includes('1234567890123456'));

  const framer = await context.newPage();
  await framer.goto(`${other.base}frame.html`);
  const first = await framer.evaluate(async (src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    const plan = new Promise((ok, no) => {
      setTimeout(() => no(new Error('no plan message')), 20000);
      window.addEventListener('message', (e) => { if (e.source === frame.contentWindow && e.data.type === 'sls-encrypt:plan') ok(e.data); });
    });
    document.body.append(frame);
    const data = await plan;
    // Whatever it sends is not saved for the real app either.
    frame.contentWindow.postMessage({ type: 'sls-encrypt:set-intent', intent: { version: 1, target: { region: 'cn-beijing', account_id: '9999999999999999' } } }, new URL(src).origin);
    await new Promise((ok) => setTimeout(ok, 800));
    return data;
  }, `${app.base}?embed=${encodeURIComponent(other.base.replace(/\/$/, ''))}`);
  assert.equal(first.intent.target.account_id, undefined, 'the saved account id never leaves the app');
  assert.doesNotMatch(JSON.stringify(first), /1234567890123456/);

  await page.reload();
  await page.waitForSelector('[data-shell="ready"]');
  assert.equal(await page.locator('[data-field="/target/account_id"]').inputValue(), ACCOUNT, 'the user\'s state is untouched');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a crafted "redacted" link cannot pre-fill an account id, and every link says to check the ids', async () => {
  const link = b64url(JSON.stringify({ redacted: true, account: '9999999999999999', cmk: 'key-hzz67f8a1b2c3d4e5f6g', key: 'byok' }));
  const { page, context, problems } = await openApp(browser, app.base, { hash: `v1=${link}` });
  assert.equal(await page.locator('[data-field="/target/account_id"]').inputValue(), '');
  assert.match(await page.locator('[data-notice]').textContent(), /check the CMK id and role ARN/);
  const plain = b64url(JSON.stringify({ account: '9999999999999999' }));
  const second = await openApp(browser, app.base, { hash: `v1=${plain}` });
  assert.match(await second.page.locator('[data-notice]').textContent(), /Loaded from a shared link/);
  assert.deepEqual([...problems, ...second.problems], []);
  await context.close();
  await second.context.close();
});

test('a broken link opened on a page keeps the form and the saved state', async () => {
  const { page, context, problems } = await openApp(browser, app.base);
  await page.locator('[data-field="/target/account_id"]').fill(ACCOUNT);
  await page.waitForFunction(() => (localStorage.getItem('sls-encrypt/v1') || '').includes('1234567890123456'));
  await page.evaluate(() => { location.hash = '#v1=!!!not-a-link'; });
  await page.locator('[data-notice]').waitFor();
  assert.match(await page.locator('[data-notice]').textContent(), /your form is unchanged/);
  assert.equal(await page.locator('[data-field="/target/account_id"]').inputValue(), ACCOUNT);
  assert.match(await page.evaluate(() => localStorage.getItem('sls-encrypt/v1')), /1234567890123456/);
  // Dismissing the notice leaves focus somewhere useful, not on <body>.
  await page.locator('[data-notice] button').click();
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
  assert.deepEqual(problems, []);
  await context.close();
});
