// Helpers shared by the configurator's e2e tests: filling the form through its public
// data-field contract, reading outputs by data-output, and the core's plan from the native CLI.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The control (or the radio with `value`) that edits the intent field at `pointer`. */
export function field(page, pointer, value) {
  const sel = `[data-field="${pointer}"]` + (value === undefined ? '' : `[value="${value}"]`);
  return page.locator(sel);
}

/** Fills text controls and checks radios: { '/target/region': 'cn-hangzhou', '/encryption/key': ['byok'] }. */
export async function fillForm(page, values) {
  for (const [pointer, value] of Object.entries(values)) {
    if (Array.isArray(value)) await field(page, pointer, value[0]).check();
    else if (typeof value === 'boolean') await field(page, pointer).setChecked(value);
    else await field(page, pointer).fill(value);
  }
}

/** The text shown in an output block. */
export async function outputText(page, name) {
  return page.locator(`[data-output="${name}"] pre`).first().textContent();
}

/** The parsed JSON shown in an output block. */
export async function outputJson(page, name) {
  return JSON.parse(await outputText(page, name));
}

/** The codes of every finding in the Review list, in order. */
export async function findingCodes(page) {
  return page.locator('[data-findings] [data-code]').evaluateAll((els) => els.map((e) => e.dataset.code));
}

/** The core's plan for an intent, from the native CLI (`sls-encrypt compile -`). */
export function corePlan(intent) {
  const run = spawnSync('cargo', ['run', '-q', '--bin', 'sls-encrypt', '--', 'compile', '-'], {
    cwd: ROOT, input: JSON.stringify(intent), encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`sls-encrypt compile failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** An example intent from examples/. */
export async function example(name) {
  return JSON.parse(await readFile(join(ROOT, 'examples', name), 'utf8'));
}

/** A GetLogStore response as a user pastes it (pretty JSON text). */
export function pasted(obj) {
  return JSON.stringify(obj, null, 2);
}
