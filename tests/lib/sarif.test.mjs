// The CLI's SARIF output against the SARIF 2.1.0 JSON schema (as shipped in an npm package),
// for ok plans, blocked plans and findings in a pasted text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT, cliPlan } from './cli.mjs';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

function sarif(file, input) {
  cliPlan(file, input); // builds the CLI once
  const bin = process.env.SLS_ENCRYPT_BIN ?? join(ROOT, 'target', 'debug', 'sls-encrypt');
  const out = spawnSync(bin, ['compile', file, '--format', 'sarif'], { cwd: ROOT, input, encoding: 'utf8' });
  return JSON.parse(out.stdout);
}

test('SARIF output validates against the SARIF 2.1.0 schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.equal(schema.properties.version.enum[0], '2.1.0');
  const cases = readdirSync(join(ROOT, 'examples')).map((f) => [join('examples', f), undefined]);
  cases.push(['-', '{"version": 1, "target": {"region": "cn-hangzou", "project": "p-1x", "logstore": "ls1"}, "operation": "create"}']);
  cases.push(['-', '{"version": 1, "target": {"region": "cn-hangzhou", "project": "p-1x", "logstore": "ls1"},\n "current": "{\\n  \\"ttl\\": 30,, \\n}"}']);
  cases.push(['-', '{\n  "version": 1,\n  oops\n}']);
  for (const [file, input] of cases) {
    const log = sarif(file, input);
    assert.ok(validate(log), `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
    const plan = cliPlan(file, input);
    assert.equal(log.runs[0].results.length, plan.findings.length);
    assert.ok(log.runs[0].results.length > 0);
  }
  // The validator does reject a log that breaks the schema.
  const broken = sarif(cases[0][0]);
  broken.runs[0].results[0].level = 'fatal';
  delete broken.version;
  assert.equal(validate(broken), false);
});
