// Shared e2e harness: serves dist/ on 127.0.0.1 (with the production CSP as a header too),
// launches Debian Chromium through playwright-core, and records every console error, page
// error and any request that would leave the machine.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(root, 'dist');
export const SHOTS = join(root, 'target', 'e2e-screenshots');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.md': 'text/plain',
};

/**
 * Starts a static server for dist/ on an ephemeral 127.0.0.1 port. `extra` maps paths to
 * { body, headers } served instead (e.g. a test portal page).
 */
export async function serveDist({ extra = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (extra[url.pathname]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra[url.pathname].headers });
      res.end(extra[url.pathname].body);
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = await readFile(join(DIST, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Chromium that resolves no outside host names. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * Opens the app in a fresh context and returns the page plus the problems seen so far
 * (console errors, page errors, requests to anything but the test server).
 */
export async function openApp(browser, base, { hash = '', locale = 'en-US', colorScheme = 'light', viewport } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport: viewport ?? { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`network: ${r.url()}`); });
  await page.goto(base + (hash ? `#${hash}` : ''));
  await page.waitForSelector('[data-shell="ready"]', { timeout: 30000 });
  return { page, context, problems };
}

/** Saves a screenshot under target/e2e-screenshots for reviewers. */
export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
