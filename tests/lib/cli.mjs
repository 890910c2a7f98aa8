// The CLI's plan for an intent, as the Node and browser tests of dist/lib compare against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LIB = join(ROOT, 'dist', 'lib');

let bin = process.env.SLS_ENCRYPT_BIN;
/** `sls-encrypt compile FILE` (or `-` with `input` on stdin), parsed: built once with cargo. */
export function cliPlan(file, input) {
  if (!bin) {
    execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'sls-encrypt'], { cwd: ROOT, stdio: 'inherit' });
    bin = join(ROOT, 'target', 'debug', 'sls-encrypt');
  }
  const out = spawnSync(bin, ['compile', file], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (![0, 1, 2].includes(out.status)) throw new Error(`sls-encrypt compile ${file}: exit ${out.status}\n${out.stderr}`);
  return JSON.parse(out.stdout);
}
