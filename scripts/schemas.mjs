// Generates the portal module's schemas and types from the Rust types, never by hand:
//   www/lib/intent.schema.json, www/lib/plan.schema.json  <- `sls-encrypt schema intent|plan` (schemars)
//   www/lib/types.d.ts                                     <- json-schema-to-typescript on both
// The build (scripts/lib.mjs) copies them into dist/lib; tests/lib/generated.test.mjs fails when
// they are stale. Usage: node scripts/schemas.mjs [OUT_DIR]   (default www/lib; needs the
// tests/lib packages: scripts/tools.sh test)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'www', 'lib');
const require = createRequire(join(root, 'tests', 'lib', 'package.json'));
const { compile } = require('json-schema-to-typescript');

const bin = process.env.SLS_ENCRYPT_BIN;
const schemaOf = (what) => JSON.parse(bin
  ? execFileSync(bin, ['schema', what], { encoding: 'utf8' })
  : execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'sls-encrypt', '--', 'schema', what], { cwd: root, encoding: 'utf8' }));

const banner = '// Generated from the Rust types by scripts/schemas.mjs (schemars, json-schema-to-typescript): do not edit.';
const options = { bannerComment: '', additionalProperties: false, strictIndexSignatures: true, format: true, unknownAny: true };
// For TypeScript only: each definition is a named type (its key as title), a schema that allows
// any JSON value is `unknown` (json-schema-to-typescript would make it an object), and a $ref
// with a description is wrapped in allOf.
function forTypes(schema) {
  const copy = structuredClone(schema);
  for (const [name, def] of Object.entries(copy.$defs ?? {})) def.title ??= name;
  const shaped = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties', 'items', 'tsType'];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const key of ['properties', '$defs']) for (const child of Object.values(node[key] ?? {})) visit(child);
    for (const key of ['items', 'additionalProperties']) visit(node[key]);
    for (const key of ['anyOf', 'oneOf', 'allOf']) visit(node[key]);
    if (node !== copy && !shaped.some((k) => k in node)) node.tsType = 'unknown';
    // A $ref with a description beside it would become a second, numbered type.
    if (node.$ref && Object.keys(node).length > 1) node.allOf = [{ $ref: node.$ref }], delete node.$ref;
  };
  visit(copy);
  return copy;
}

// One TypeScript file for both: their definitions share one namespace (a name both use, such as
// the operation, must mean the same in both), the two roots become Intent and Plan.
const schemas = Object.fromEntries(['intent', 'plan'].map((what) => [what, schemaOf(what)]));
const defs = {};
for (const [what, schema] of Object.entries(schemas)) {
  writeFileSync(join(out, `${what}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  const { $defs = {}, $schema, ...rootSchema } = schema;
  for (const [name, def] of Object.entries({ ...$defs, [schema.title]: rootSchema })) {
    if (defs[name] && JSON.stringify(defs[name]) !== JSON.stringify(def)) throw new Error(`schemas: ${name} differs between the intent and the plan`);
    defs[name] = def;
  }
}
const combined = forTypes({
  title: 'IntentAndPlan',
  description: "An intent and the plan compiled from it: the custom element's `plan` event detail.",
  type: 'object',
  properties: { intent: { $ref: '#/$defs/Intent' }, plan: { $ref: '#/$defs/Plan' } },
  required: ['intent', 'plan'],
  $defs: defs,
});
const body = await compile(combined, 'IntentAndPlan', options);
writeFileSync(join(out, 'types.d.ts'), `${banner}\n\n${body.trim()}\n`);
console.log(`schemas: wrote intent.schema.json, plan.schema.json and types.d.ts to ${out}`);
