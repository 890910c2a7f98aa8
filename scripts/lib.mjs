// Trunk post-build hook: builds the portal module into dist/lib at stable paths. The core and its
// JS facade (src/api.rs) only, without the `ui` feature, so it is small:
//   sls-encrypt.js (ES module, wasm-bindgen --target web), sls-encrypt_bg.wasm (wasm-opt -Oz in
//   release), sls-encrypt.d.ts, intent.schema.json and plan.schema.json (generated, see
//   www/lib/), package.json (name, version, exports, types) and README.md.
// Also runs by hand: `node scripts/lib.mjs [--release] [OUT_DIR]` (default dist/lib).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const staging = process.env.TRUNK_STAGING_DIR;
const release = staging ? process.env.TRUNK_PROFILE === 'release' : args.includes('--release');
const out = staging ? join(staging, 'lib') : (args.find((a) => !a.startsWith('--')) ?? join(root, 'dist', 'lib'));
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const profile = release ? 'wasm-release' : 'debug';
run('cargo', ['rustc', '--locked', '--quiet', '--lib', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown',
  '--no-default-features', ...(release ? ['--profile', 'wasm-release'] : [])]);
const built = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown', profile, 'sls_encrypt.wasm');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'sls-encrypt', built]);
rmSync(join(out, 'sls-encrypt_bg.wasm.d.ts'), { force: true });
const wasm = join(out, 'sls-encrypt_bg.wasm');
if (release) run('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', wasm, '-o', wasm]);

// The generated types and schemas (www/lib/*.generated.*, checked in, kept fresh by a test).
const lib = join(root, 'www', 'lib');
for (const name of ['intent.schema.json', 'plan.schema.json']) {
  if (existsSync(join(lib, name))) copyFileSync(join(lib, name), join(out, name));
}
const types = join(lib, 'types.d.ts');
if (existsSync(types)) {
  writeFileSync(join(out, 'sls-encrypt.d.ts'), readFileSync(types, 'utf8') + '\n' + readFileSync(join(out, 'sls-encrypt.d.ts'), 'utf8'));
}
copyFileSync(join(lib, 'README.md'), join(out, 'README.md'));

const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];
const files = ['sls-encrypt.js', 'sls-encrypt_bg.wasm', 'sls-encrypt.d.ts', 'README.md',
  ...['intent.schema.json', 'plan.schema.json'].filter((f) => existsSync(join(out, f)))];
const pkg = {
  name: 'sls-encrypt',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './sls-encrypt.js',
  types: './sls-encrypt.d.ts',
  exports: {
    '.': { types: './sls-encrypt.d.ts', default: './sls-encrypt.js' },
    './sls-encrypt_bg.wasm': './sls-encrypt_bg.wasm',
    ...Object.fromEntries(files.filter((f) => f.endsWith('.schema.json')).map((f) => [`./${f}`, `./${f}`])),
    './package.json': './package.json',
  },
  files,
  sideEffects: false,
};
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
console.log(`lib: ${profile} portal module in ${out} (${readFileSync(wasm).length} wasm bytes)`);
