// The generated schemas and types: fresh (regenerated from the Rust types, they are unchanged),
// shipped in dist/lib, agreeing with the reader (ajv on every example and catalogue intent, and
// on every plan), and usable from a strict TypeScript portal (tsc).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, LIB, cliPlan } from './cli.mjs';
import init, { compile } from '../../dist/lib/sls-encrypt.js';

const WWW = join(ROOT, 'www', 'lib');
const read = (dir, name) => readFileSync(join(dir, name), 'utf8');
const json = (dir, name) => JSON.parse(read(dir, name));
const catalogue = json(join(ROOT, 'docs'), 'findings.json').findings;
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).map((f) => json(join(ROOT, 'examples'), f));

before(async () => {
  await init({ module_or_path: readFileSync(join(LIB, 'sls-encrypt_bg.wasm')) });
});

test('the checked-in schemas and types are what the Rust types generate now', () => {
  cliPlan('-', '{}'); // builds the CLI
  const dir = mkdtempSync(join(tmpdir(), 'sls-encrypt-schemas-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'schemas.mjs'), dir], {
      env: { ...process.env, SLS_ENCRYPT_BIN: process.env.SLS_ENCRYPT_BIN ?? join(ROOT, 'target', 'debug', 'sls-encrypt') },
    });
    for (const name of ['intent.schema.json', 'plan.schema.json', 'types.d.ts']) {
      assert.ok(read(dir, name) === read(WWW, name), `www/lib/${name} is stale: run \`node scripts/schemas.mjs\` and commit it`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The build ships them: the schemas as they are, the types ahead of the module's declarations.
  for (const name of ['intent.schema.json', 'plan.schema.json']) assert.equal(read(LIB, name), read(WWW, name));
  const dts = read(LIB, 'sls-encrypt.d.ts');
  assert.ok(dts.startsWith(read(WWW, 'types.d.ts')));
  for (const declared of ['export interface Intent ', 'export interface Plan ', 'export interface IntentAndPlan', 'export interface Finding', 'export interface Request', 'export type Severity', 'export type Code', 'export type Api', 'export type PlanState', 'export interface Target ']) {
    assert.ok(dts.includes(declared), declared);
  }
  assert.match(dts, /export function compile\(intent: Intent \| string\): Plan;/);
});

const SHAPE = new Set(['INT003', 'INT004', 'INT006', 'INT007', 'ENC001', 'LS008', 'LS009', 'LS010']);

test('the intent schema agrees with the reader on every example and catalogue intent', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const valid = ajv.compile(json(WWW, 'intent.schema.json'));
  for (const intent of examples) assert.ok(valid(intent), JSON.stringify(valid.errors));
  assert.ok(valid({ $schema: './intent.schema.json', ...examples[0] }), 'an intent may name its schema');
  let shapes = 0;
  for (const entry of catalogue.filter((e) => e.intent !== undefined)) {
    const ok = valid(entry.intent);
    // The intents whose finding is about the shape (wrong type, unknown key, value outside
    // the allowed set) fail the schema there; every other one passes.
    assert.equal(ok, !SHAPE.has(entry.code), `${entry.code}: ${JSON.stringify(valid.errors)}`);
    if (!ok) {
      shapes += 1;
      const finding = compile(entry.intent).findings.find((f) => f.code === entry.code);
      assert.ok(valid.errors.some((e) => finding.path === e.instancePath || finding.path === `${e.instancePath}/${e.params.additionalProperty}`),
        `${entry.code} at ${finding.path}: ${JSON.stringify(valid.errors)}`);
    }
  }
  assert.equal(shapes, SHAPE.size);
  // Deliberately wrong intents fail.
  for (const wrong of [
    { version: 1, encryption: { key: 'kms' } },
    { version: 1, target: { region: 'cn-hangzhou', projekt: 'p' } },
    { version: 1, logstore: { ttl: '30' } },
    { version: '1' },
    [examples[0]],
  ]) assert.equal(valid(wrong), false, JSON.stringify(wrong));
});

test('every plan the module makes validates against the plan schema', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const valid = ajv.compile(json(WWW, 'plan.schema.json'));
  const inputs = [...examples, ...catalogue.map((e) => e.intent ?? e.intent_text).filter((i) => i !== undefined),
    '{', '[1]', '{"version": 2}', '', undefined, 42];
  const seen = new Set();
  for (const input of inputs) {
    const plan = compile(input);
    assert.ok(valid(plan), `${JSON.stringify(input)?.slice(0, 80)}: ${JSON.stringify(valid.errors)}`);
    plan.findings.forEach((f) => seen.add(f.code));
    if (plan.verification) seen.add('verification');
  }
  assert.ok(seen.size > 90 && seen.has('verification'), `plans cover ${seen.size} codes`);
  // The schema does check: a plan with a wrong severity or a missing field fails.
  const plan = compile(examples[0]);
  assert.equal(valid({ ...plan, findings: [{ ...plan.findings[0], severity: 'fatal' }] }), false);
  const { requests, ...noRequests } = plan;
  assert.ok(requests.length > 0);
  assert.equal(valid(noRequests), false);
});

const tsc = (...args) => {
  try {
    execFileSync(join(ROOT, 'tests', 'lib', 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--target', 'es2022',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', ...args], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
};

test('a strict TypeScript portal compiles against the generated types', () => {
  tsc(join(ROOT, 'tests', 'lib', 'portal.ts'));
});

test('the custom element, as built, type-checks with its plan event detail typed as a Plan', () => {
  const element = join(ROOT, 'dist', 'embed', 'sls-encrypt-element.js');
  assert.match(read(join(ROOT, 'dist', 'embed'), 'sls-encrypt-element.js'), /@typedef \{import\('\.\.\/lib\/sls-encrypt\.js'\)\.IntentAndPlan\} PlanEventDetail/);
  tsc('--allowJs', '--checkJs', element);
});
