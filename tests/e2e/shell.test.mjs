import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the shell loads with no console errors, no page errors and no outside requests', async () => {
  const { page, context, problems } = await openApp(browser, server.base);
  assert.equal(await page.locator('h1').first().textContent(), 'sls-encrypt');
  assert.ok(await page.locator('main').count() === 1, 'the page has one main region');
  await page.waitForTimeout(300);
  await screenshot(page, 'shell');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the served page carries the strict CSP and no inline script', async () => {
  const res = await fetch(server.base);
  const html = await res.text();
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(html, /'unsafe-inline'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is external');
});
