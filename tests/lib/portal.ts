// A portal's own TypeScript, checked with `tsc --noEmit --strict` (tests/lib/generated.test.mjs):
// the types come from dist/lib/sls-encrypt.d.ts, generated from the Rust types.
import init, { compile, compileJson, findingCodes, formatVersion } from '../../dist/lib/sls-encrypt.js';
import type { Api, Code, Finding, Intent, Plan, PlanState, Request, Severity } from '../../dist/lib/sls-encrypt.js';

export async function planFor(wasm: BufferSource, region: string): Promise<string[]> {
  await init({ module_or_path: wasm });
  const intent: Intent = {
    version: 1,
    target: { region, account_id: '1234567890123456', preset: 'cloud_firewall' },
    operation: 'create',
    logstore: { ttl: 30, shardCount: 2 },
    encryption: { key: 'byok', cmk_key_id: 'key-hzz67f8a1b2c3d4e5f6g' },
    ram: { user_name: 'sls-admin', passrole_scope: 'role' },
  };
  const plan: Plan = compile(intent);
  const first: Finding = plan.findings[0];
  const code: Code = first.code;
  const severity: Severity = first.severity;
  const requests: Request[] = plan.requests;
  const apis: string[] = requests.map((r) => `${r.step}. ${r.method} ${r.api} https://${r.host}${r.path}`);
  const last: Api | undefined = requests.at(-1)?.api;
  const state: PlanState = plan.state;
  const host: string | null | undefined = plan.target?.host;
  const fromText: Plan = compile(JSON.stringify(intent));
  const text: string = compileJson(JSON.stringify(intent));
  const errors = findingCodes().filter((c) => c.severity === 'error').map((c) => c.code);
  const version: number = formatVersion();
  return [code, severity, ...apis, String(last), state, String(host), String(fromText.ok), text.slice(0, 1), String(errors.length), String(version)];
}

// The types catch a portal's mistakes: each line below must fail to compile.
// @ts-expect-error: "kms" is not a key kind.
export const wrongKey: Intent = { encryption: { key: 'kms' } };
// @ts-expect-error: "region" belongs in target.
export const misplaced: Intent = { region: 'cn-hangzhou' };
// @ts-expect-error: not a finding code.
export const wrongCode: Code = 'ENC999';
export function wrongRead(plan: Plan): number {
  // @ts-expect-error: requests is a list, not a map.
  return plan.requests.UpdateLogStore.step;
}
