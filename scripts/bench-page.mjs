// The page benchmark `make bench` prints (scripts/bench.sh builds both pages first): sls-encrypt
// (dist/) side by side with the Yew hello world (target/hello/dist, from benches/hello), in one
// run of headless Chromium on 127.0.0.1. Prints figures; asserts nothing.
//   node scripts/bench-page.mjs APP_DIST HELLO_DIST [CORE_MEDIAN_LINE]
// - first-load bytes: every .wasm, .js, .css and .html the page loads, brotli (quality 11, Node's zlib);
// - navigation to ready: navigation start to `[data-shell="ready"]` in the DOM (a fresh context
//   each time, timed by the page's own clock), median of 9, the two pages alternating;
// - keystroke to settled: set a field's value, dispatch `input`, and wait until a macrotask posted
//   right after the dispatch has run twice (compile and render are done by then); median and p95
//   of 41 keystrokes per field, in the state of examples/byok-update-cloud-firewall.json.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { launch } from '../tests/e2e/harness.mjs';
import { example, pasted } from '../tests/e2e/helpers.mjs';

const [appDir, helloDir, coreLine = ''] = process.argv.slice(2).map((a, i) => (i < 2 ? resolve(a) : a));
if (!appDir || !helloDir) throw new Error('usage: node scripts/bench-page.mjs APP_DIST HELLO_DIST [CORE_LINE]');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Serves `dir` on an ephemeral 127.0.0.1 port with the production CSP header. */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Bytes of the first load: per file raw, gzip -9 and brotli q11. */
async function bytes(dir) {
  const files = (await readdir(dir)).filter((f) => /\.(wasm|js|css|html)$/.test(f)).sort();
  const rows = [];
  for (const f of files) {
    const body = await readFile(join(dir, f));
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length;
    rows.push({ f, raw: body.length, gz: gzipSync(body, { level: 9 }).length, br });
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });
  return { rows, total };
}

/** One load in a fresh context: ms from navigation start to `[data-shell="ready"]`. */
async function loadOnce(browser, base) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (!window.__ready && document.querySelector('[data-shell="ready"]')) {
        window.__ready = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.__ready !== undefined);
  const ms = await page.evaluate(() => window.__ready);
  await context.close();
  return ms;
}

/** The renderer main thread's CPU time so far, in ms (CDP Performance.getMetrics ThreadTime). */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

/**
 * Keystroke-to-settled times on the control at `pointer`, alternating between two values, plus
 * `cpu`: the main thread's CPU time per keystroke (mean; steadier than wall time on a busy machine).
 */
async function keystrokes(page, pointer, values, count = 41) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = await threadTime(cdp);
  const times = await typeInto(page, pointer, values, count);
  const cpu = ((await threadTime(cdp)) - t0) / (count + 6);
  await cdp.detach();
  return Object.assign(times, { cpu });
}

async function typeInto(page, pointer, [a, b], count) {
  return page.evaluate(async ({ pointer, a, b, count }) => {
    const el = document.querySelector(`[data-field="${pointer}"]`);
    const macrotask = () => new Promise((r) => setTimeout(r, 0));
    // The pause ends in a message task, so the two timers after the dispatch are not nested in
    // earlier ones (Chromium clamps timers nested 5 deep to 4 ms, which would be measured instead).
    const channel = new MessageChannel();
    const hop = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const pause = () => new Promise((r) => setTimeout(r, 30)).then(hop);
    const out = [];
    for (let i = -5; i < count; i++) {
      await pause();
      const t = performance.now();
      el.value = i % 2 ? a : b;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await macrotask();
      await macrotask();
      if (i >= 0) out.push(performance.now() - t);
    }
    el.value = a;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return out;
  }, { pointer, a, b, count });
}

const fmtMs = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const row = (name, app, hello, ratio = '') => console.log(`  ${name.padEnd(58)} ${String(app).padStart(18)} ${String(hello).padStart(16)} ${String(ratio).padStart(7)}`);

const app = await serve(appDir);
const hello = await serve(helloDir);
const browser = await launch();
try {
  const appBytes = await bytes(appDir);
  const helloBytes = await bytes(helloDir);
  console.log('== first-load files (sls-encrypt)');
  for (const r of appBytes.rows) console.log(`  ${r.f.padEnd(48)} ${String(r.raw).padStart(9)} B ${String(r.gz).padStart(8)} B gzip ${String(r.br).padStart(8)} B brotli`);

  const appLoads = [];
  const helloLoads = [];
  await loadOnce(browser, app.base); // warm the server and the browser's compiled-code cache equally
  await loadOnce(browser, hello.base);
  for (let i = 0; i < 9; i++) {
    appLoads.push(await loadOnce(browser, app.base));
    helloLoads.push(await loadOnce(browser, hello.base));
  }

  // The app in the state of examples/byok-update-cloud-firewall.json, filled in through the form.
  const intent = await example('byok-update-cloud-firewall.json');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.base);
  await page.waitForSelector('[data-shell="ready"]');
  const f = (p) => page.locator(`[data-field="${p}"]`);
  await f('/target/account_id').fill(intent.target.account_id);
  await f('/target/region').fill(intent.target.region);
  await page.locator(`[data-field="/encryption/key"][value="${intent.encryption.key}"]`).check();
  await f('/encryption/cmk_key_id').fill(intent.encryption.cmk_key_id);
  await f('/encryption/cmk_region_id').fill(intent.encryption.cmk_region_id);
  await f('/encryption/role_name').fill(intent.encryption.role_name);
  await f('/ram/user_name').fill(intent.ram.user_name);
  await f('/ram/passrole_policy_name').fill(intent.ram.passrole_policy_name);
  const current = pasted(intent.current);
  await f('/current').fill(current);
  await page.waitForSelector('[data-output="update_logstore_body"]', { state: 'attached' });
  const cmk = intent.encryption.cmk_key_id;
  const user = intent.ram.user_name;
  const fields = [
    ['CMK id (/encryption/cmk_key_id)', '/encryption/cmk_key_id', [cmk, cmk.slice(0, -1)]],
    ['RAM user name (/ram/user_name)', '/ram/user_name', [user, user.slice(0, -1)]],
    ['pasted GetLogStore (/current)', '/current', [current, current.replace('"ttl": 180', '"ttl": 18')]],
  ];
  const appKeys = [];
  for (const [name, pointer, values] of fields) appKeys.push([name, await keystrokes(page, pointer, values)]);
  await context.close();

  const hctx = await browser.newContext();
  const hpage = await hctx.newPage();
  await hpage.goto(hello.base);
  await hpage.waitForSelector('[data-shell="ready"]');
  const helloKeys = await keystrokes(hpage, '/name', ['sls-admin', 'sls-admi']);
  await hctx.close();

  console.log('== sls-encrypt vs a Yew 0.23 hello world (same toolchain, profile, wasm-opt, CSP)');
  row('figure', 'sls-encrypt', 'hello world', 'ratio');
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  row('first-load bytes, brotli (wasm+js+css+html)', `${appBytes.total.br} B`, `${helloBytes.total.br} B`, ratio(appBytes.total.br, helloBytes.total.br));
  row('first-load bytes, gzip -9', `${appBytes.total.gz} B`, `${helloBytes.total.gz} B`, ratio(appBytes.total.gz, helloBytes.total.gz));
  row('first-load bytes, raw', `${appBytes.total.raw} B`, `${helloBytes.total.raw} B`, ratio(appBytes.total.raw, helloBytes.total.raw));
  row('navigation to ready, median of 9', `${fmtMs(median(appLoads))} ms`, `${fmtMs(median(helloLoads))} ms`, ratio(median(appLoads), median(helloLoads)));
  const hk = `${fmtMs(median(helloKeys))} / ${fmtMs(p95(helloKeys))} ms`;
  for (const [name, xs] of appKeys) {
    row(`keystroke to settled, median / p95: ${name.split(' (')[0]}`, `${fmtMs(median(xs))} / ${fmtMs(p95(xs))} ms`, hk, ratio(median(xs), median(helloKeys)));
  }
  for (const [name, xs] of appKeys) {
    row(`  main-thread CPU per keystroke, mean: ${name.split(' (')[0]}`, `${fmtMs(xs.cpu)} ms`, `${fmtMs(helloKeys.cpu)} ms`, ratio(xs.cpu, helloKeys.cpu));
  }
  console.log(`  (machine load average while measuring: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; wall times grow with it)`);
  if (coreLine) row('native compile of the BYOK update, median', coreLine, '', '');
} finally {
  await browser.close();
  await app.close();
  await hello.close();
}
