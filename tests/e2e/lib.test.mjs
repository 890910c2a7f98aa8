// The portal module dist/lib in Chromium: a page served on 127.0.0.1 under the app's strict CSP
// imports it, initialises it (fetching its wasm) and gets the CLI's plans.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launch, openApp } from './harness.mjs';
import { ROOT, cliPlan } from '../lib/cli.mjs';

const csp = readFileSync(join(ROOT, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
const portalHtml = '<!doctype html><html lang="en"><title>portal</title><link rel="icon" href="data:,"><script type="module" src="./portal.mjs"></script></html>';
// The portal's own module: imports the package folder by URL, as a vendoring portal would.
const portalJs = `import init, * as slsEncrypt from './lib/sls-encrypt.js';
await init();
window.slsEncrypt = slsEncrypt;
document.documentElement.dataset.ready = 'yes';`;

let server, browser;
before(async () => {
  server = await serveDist({ extra: {
    '/portal.html': { body: portalHtml, headers: { 'content-security-policy': csp } },
    '/portal.mjs': { body: portalJs, headers: { 'content-type': 'text/javascript' } },
  } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a portal page under the strict CSP imports the module and gets the CLI plans', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(server.base)) problems.push(`network: ${r.url()}`); });
  await page.goto(`${server.base}portal.html`);
  await page.waitForSelector('html[data-ready="yes"]', { timeout: 30000 });
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, 'the page runs under the app CSP');

  const inputs = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).map((name) => {
    const text = readFileSync(join(ROOT, 'examples', name), 'utf8');
    return { name, file: join('examples', name), text, object: JSON.parse(text) };
  });
  const { findings } = JSON.parse(readFileSync(join(ROOT, 'docs', 'findings.json'), 'utf8'));
  for (const entry of findings.filter((e) => e.intent !== undefined && e.pad === undefined)) {
    inputs.push({ name: entry.code, file: '-', text: JSON.stringify(entry.intent, null, 2), object: entry.intent });
  }
  const plans = await page.evaluate((inputs) => inputs.map(({ text, object }) => ({
    fromObject: window.slsEncrypt.compile(object),
    fromText: window.slsEncrypt.compile(text),
    fromJson: JSON.parse(window.slsEncrypt.compileJson(text)),
  })), inputs);
  for (const [i, { name, file, text }] of inputs.entries()) {
    const expected = cliPlan(file, file === '-' ? text : undefined);
    assert.deepEqual(plans[i].fromObject, expected, `${name} from an object`);
    assert.deepEqual(plans[i].fromText, expected, `${name} from text`);
    assert.deepEqual(plans[i].fromJson, expected, `${name} through compileJson`);
  }
  assert.ok(inputs.length > 80);
  assert.equal(plans[0].fromObject.ok, true);

  const odd = await page.evaluate(() => ({
    bad: window.slsEncrypt.compile('{"version": 1, x').findings[0].code,
    undef: window.slsEncrypt.compile(undefined).findings[0].code,
    codes: window.slsEncrypt.findingCodes().length,
    version: window.slsEncrypt.formatVersion(),
  }));
  assert.deepEqual(odd, { bad: 'INT001', undef: 'INT001', codes: findings.length, version: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on the app page, window.wasmBindings has the same API', async () => {
  const { page, context, problems } = await openApp(browser, server.base);
  const text = readFileSync(join(ROOT, 'examples', 'byok-update-cloud-firewall.json'), 'utf8');
  const got = await page.evaluate((text) => ({
    fromObject: window.wasmBindings.compile(JSON.parse(text)),
    fromText: JSON.parse(window.wasmBindings.compileJson(text)),
    codes: window.wasmBindings.findingCodes().length,
    version: window.wasmBindings.formatVersion(),
  }), text);
  const expected = cliPlan('examples/byok-update-cloud-firewall.json');
  assert.deepEqual(got.fromObject, expected);
  assert.deepEqual(got.fromText, expected);
  assert.equal(got.version, 1);
  assert.ok(got.codes > 100);
  assert.deepEqual(problems, []);
  await context.close();
});
