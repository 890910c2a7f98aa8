// The portal module dist/lib in Node: initialised from its wasm file, it gives the CLI's plans,
// from an intent object and from its text, and never throws on bad input.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, LIB, cliPlan } from './cli.mjs';
import init, { compile, compileJson, findingCodes, formatVersion } from '../../dist/lib/sls-encrypt.js';

before(async () => {
  await init({ module_or_path: readFileSync(join(LIB, 'sls-encrypt_bg.wasm')) });
});

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));

test('every example intent compiles to the CLI plan, from an object and from its text', () => {
  assert.ok(examples.length >= 2, 'examples/ has intents');
  for (const name of examples) {
    const file = join('examples', name);
    const text = readFileSync(join(ROOT, file), 'utf8');
    const expected = cliPlan(file);
    assert.equal(expected.ok, true, `${name} is an ok plan`);
    assert.deepEqual(compile(JSON.parse(text)), expected, `${name} from an object`);
    assert.deepEqual(compile(text), expected, `${name} from text`);
    assert.deepEqual(JSON.parse(compileJson(text)), expected, `${name} through compileJson`);
    // Plain objects all the way down, as a portal's JSON.parse would give (no Map).
    assert.equal(Object.getPrototypeOf(compile(text).exports), Object.prototype);
  }
});

test('every catalogue intent (docs/findings.json) gives the CLI plan and its finding', () => {
  const { findings } = JSON.parse(readFileSync(join(ROOT, 'docs', 'findings.json'), 'utf8'));
  let checked = 0;
  for (const entry of findings) {
    if (entry.pad !== undefined || (entry.intent === undefined && entry.intent_text === undefined)) continue;
    const text = entry.intent_text ?? JSON.stringify(entry.intent, null, 2);
    const expected = cliPlan('-', text);
    const plan = entry.intent_text === undefined ? compile(entry.intent) : compile(text);
    assert.deepEqual(plan, expected, entry.code);
    assert.ok(plan.findings.some((f) => f.code === entry.code), `${entry.code} is reported`);
    checked += 1;
  }
  assert.ok(checked >= 90, `${checked} catalogue intents`);
});

test('bad input never throws: it is a plan with findings, as the CLI gives', () => {
  const cases = [['{\n  "version": 1,\n  x\n}', 'INT001'], ['[1, 2]', 'INT002'], ['{"version": 2}', 'INT003'], ['', 'INT001']];
  for (const [text, code] of cases) {
    const plan = compile(text);
    assert.equal(plan.ok, false);
    assert.equal(plan.findings[0].code, code, text);
    assert.deepEqual(plan, cliPlan('-', text), text);
  }
  assert.equal(compile('{\n  "version": 1,\n  x\n}').findings[0].line, 3);
  // Values with no JSON text read as empty text; non-objects are not intents.
  for (const value of [undefined, () => 1, 10n, Symbol('x')]) assert.equal(compile(value).findings[0].code, 'INT001');
  const cyclic = {}; cyclic.self = cyclic;
  assert.equal(compile(cyclic).findings[0].code, 'INT001');
  for (const value of [null, 42, 'null', [1]]) assert.equal(compile(value).findings[0].code, 'INT002', String(value));
});

test('findingCodes lists every code with its severity; formatVersion is the plan version', () => {
  const codes = findingCodes();
  const catalogue = JSON.parse(readFileSync(join(ROOT, 'docs', 'findings.json'), 'utf8')).findings;
  assert.deepEqual(codes.map((c) => c.code).sort(), catalogue.map((c) => c.code).sort());
  assert.deepEqual(codes.find((c) => c.code === 'MRG002'), { code: 'MRG002', severity: 'error' });
  assert.equal(formatVersion(), 1);
  assert.equal(compile(readFileSync(join(ROOT, 'examples', examples[0]), 'utf8')).version, formatVersion());
});
