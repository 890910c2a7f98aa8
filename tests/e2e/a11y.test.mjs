// Accessibility: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules reports nothing, in English and
// Chinese, light and dark, on the states that show the most (findings, diff, outputs), under the
// page's real CSP (axe is served from the test origin, so script-src 'self' allows it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { field, fillForm, example, pasted } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page) {
  await page.route('**/__axe.min.js', (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${server.base}__axe.min.js` });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'));
}

/** A BYOK update with an existing role and a pasted trust policy: every section and output is on screen. */
async function busyState(page) {
  const ex = await example('byok-update-cloud-firewall.json');
  ex.current.encrypt_conf = { enable: true, encrypt_type: 'default' };
  await fillForm(page, { '/target/account_id': '1234567890123456', '/target/region': 'cn-hangzhou', '/encryption/key': ['byok'] });
  await fillForm(page, {
    '/encryption/cmk_key_id': 'key-hzz67f8a1b2c3d4e5f6g',
    '/ram/create_role': ['existing'],
    '/ram/user_name': 'sls-admin',
    '/ram/passrole_scope': ['any'],
  });
  await fillForm(page, {
    '/encryption/role_arn': 'acs:ram::1234567890123456:role/sls-byok-kms-role',
    '/ram/current_trust_policy': '{\n  "Version": "1",\n  "Statement": []\n}',
    '/current': pasted(ex.current),
  });
  await field(page, '/encryption/encrypt_type', 'sm4').check();
  await page.locator('[data-findings] [data-code="MRG002"]').waitFor();
}

for (const locale of ['en-US', 'zh-CN']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no WCAG 2.2 AA violations (${locale}, ${colorScheme})`, async () => {
      const { page, context, problems } = await openApp(browser, server.base, { locale, colorScheme });
      const fresh = await axe(page);
      assert.deepEqual(fresh, [], `fresh page:\n${fresh.join('\n')}`);
      await busyState(page);
      const busy = await axe(page);
      assert.deepEqual(busy, [], `busy page:\n${busy.join('\n')}`);
      await screenshot(page, `a11y-${locale}-${colorScheme}`);
      // A service-key create, too (the other half of the form).
      await field(page, '/encryption/key', 'service').check();
      await field(page, '/operation', 'create').check();
      const create = await axe(page);
      assert.deepEqual(create, [], `create page:\n${create.join('\n')}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('axe: no violations at 360 px wide (dark)', async () => {
  const { page, context, problems } = await openApp(browser, server.base, { colorScheme: 'dark', viewport: { width: 360, height: 800 } });
  await busyState(page);
  const found = await axe(page);
  assert.deepEqual(found, [], found.join('\n'));
  await screenshot(page, 'a11y-narrow-dark');
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe: a ready plan (runbook checklist, tabs, share panel open) and the to-fill-in list', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openApp(browser, server.base, { colorScheme });
    const fresh = await axe(page);
    assert.deepEqual(fresh, [], `to fill in:\n${fresh.join('\n')}`);
    const ex = await example('byok-update-cloud-firewall.json');
    await fillForm(page, { '/target/account_id': '1234567890123456', '/target/region': 'cn-hangzhou', '/encryption/key': ['byok'] });
    await fillForm(page, { '/encryption/cmk_key_id': 'key-hzz67f8a1b2c3d4e5f6g', '/ram/user_name': 'sls-admin', '/current': pasted(ex.current) });
    await page.locator('[data-runbook] [data-step]').first().waitFor();
    await page.locator('[data-tab="bodies"]').click();
    await page.locator('[data-action="share"]').click();
    const ready = await axe(page);
    assert.deepEqual(ready, [], `ready plan:\n${ready.join('\n')}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
