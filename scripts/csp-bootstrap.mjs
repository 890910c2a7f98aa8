// Trunk post-build hook: moves Trunk's inline bootstrap <script type="module"> into an external
// file so the page runs under a CSP without 'unsafe-inline' (Trunk issue #288).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-bootstrap: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = /<script type="?module"?(?:\s[^>]*)?>([\s\S]*?)<\/script>/g; // quoted or not (minified)
let count = 0;
html = html.replace(inline, (whole, body) => {
  if (/\bsrc=/.test(whole.split('>')[0])) return whole;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `bootstrap-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  count += 1;
  return `<script type="module" src="./${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('csp-bootstrap: an inline <script> is left in index.html; the CSP would block it');
}
writeFileSync(file, html);
console.log(`csp-bootstrap: moved ${count} inline script(s) out of index.html`);
