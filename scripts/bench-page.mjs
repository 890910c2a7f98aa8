// Page benchmark: load latency (navigation to the first rendered plan) and keystroke latency
// (an input event in a form field to the next painted frame with the recomputed plan), in
// headless Chromium against dist/ served on 127.0.0.1. Prints figures; asserts nothing.
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

const server = await serveDist();
const browser = await launch();
try {
  const loads = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(server.base);
    await page.waitForSelector('[data-shell="ready"]');
    loads.push(Date.now() - t0);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.base);
  await page.waitForSelector('[data-shell="ready"]');
  const field = await page.$('[data-field="/current"]') ? '/current' : '/target/logstore';
  const keys = await page.evaluate(async (pointer) => {
    const el = document.querySelector(`[data-field="${pointer}"]`);
    if (!el) return [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const base = el.value || '';
    const out = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      el.value = base + (i % 2 ? ' ' : '');
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      out.push(performance.now() - t);
    }
    return out;
  }, field);
  console.log(`page load to first plan (7 loads): median ${median(loads)} ms, p90 ${p90(loads)} ms`);
  if (keys.length) {
    console.log(`keystroke to painted plan in ${field} (40 inputs): median ${median(keys).toFixed(1)} ms, p90 ${p90(keys).toFixed(1)} ms`);
  } else {
    console.log('keystroke latency: no input field found');
  }
} finally {
  await browser.close();
  await server.close();
}
