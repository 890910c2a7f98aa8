// dist/lib as a package: `npm pack` ships exactly the module, wasm, types, schemas, README and
// package.json, and a portal that installs it imports it by name through its `exports`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, LIB } from './cli.mjs';

test('npm pack lists exactly the module, wasm, types, schemas, README and package.json', () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: LIB, encoding: 'utf8' }));
  assert.deepEqual(pack.files.map((f) => f.path).sort(), [
    'README.md', 'intent.schema.json', 'package.json', 'plan.schema.json',
    'sls-encrypt.d.ts', 'sls-encrypt.js', 'sls-encrypt_bg.wasm',
  ]);
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pack.name, 'sls-encrypt');
  assert.equal(pack.version, cargo.match(/^version = "([^"]+)"/m)[1], 'the package version is the crate version');
  const pkg = JSON.parse(readFileSync(join(LIB, 'package.json'), 'utf8'));
  assert.equal(pkg.types, './sls-encrypt.d.ts');
  assert.equal(pkg.type, 'module');
});

test('installed as a dependency, a portal imports it by name and compiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sls-encrypt-portal-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(LIB, join(dir, 'node_modules', 'sls-encrypt'), 'dir');
    writeFileSync(join(dir, 'portal.mjs'), `
      import { readFile } from 'node:fs/promises';
      import init, { compile } from 'sls-encrypt';
      import schema from 'sls-encrypt/intent.schema.json' with { type: 'json' };
      await init({ module_or_path: await readFile(new URL(import.meta.resolve('sls-encrypt/sls-encrypt_bg.wasm'))) });
      const plan = compile({ version: 1, target: { region: 'cn-hangzhou', project: 'p-1x', logstore: 'ls1' },
        operation: 'create', logstore: { ttl: 30, shardCount: 2 }, encryption: { key: 'service' } });
      console.log(JSON.stringify({ ok: plan.ok, api: plan.requests[0].api, schema: schema.$schema }));
    `);
    const out = JSON.parse(execFileSync(process.execPath, ['portal.mjs'], { cwd: dir, encoding: 'utf8' }));
    assert.deepEqual(out, { ok: true, api: 'CreateLogStore', schema: 'https://json-schema.org/draft/2020-12/schema' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
