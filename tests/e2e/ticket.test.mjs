// The change ticket (exports.markdown) in the page: shown with the other exports, Copy puts it on
// the clipboard, Download saves change-ticket.md, and it follows the interface language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, openApp } from './harness.mjs';
import { fillForm, outputText, corePlan, example, pasted } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the change ticket is an export with Copy and Download, in the interface language', async () => {
  const intent = await example('byok-update-cloud-firewall.json');
  const { page, context, problems } = await openApp(browser, server.base);
  await fillForm(page, { '/target/account_id': '1234567890123456', '/target/region': 'cn-hangzhou', '/encryption/key': ['byok'] });
  await fillForm(page, {
    '/encryption/cmk_key_id': 'key-hzz67f8a1b2c3d4e5f6g',
    '/encryption/cmk_region_id': 'cn-hangzhou',
    '/encryption/role_name': 'sls-byok-kms-role',
    '/ram/user_name': 'sls-admin',
    '/current': pasted(intent.current),
  });
  // The ticket has a tab of its own among the outputs.
  await page.locator('[data-tab="ticket"]').click();
  const block = page.locator('[data-output="markdown"]');
  await block.waitFor();
  assert.equal((await block.locator('h4').textContent()).trim(), 'Change ticket (Markdown)');
  const shown = await outputText(page, 'markdown');
  assert.ok(shown.startsWith('# Change ticket: encryption of Logstore `cloudfirewall-logstore`'), shown.slice(0, 120));
  const plan = corePlan({ ...intent, current: pasted(intent.current) });
  for (const r of plan.requests) assert.ok(shown.includes(`### ${r.step}. ${r.api}`), `request ${r.step}`);
  for (const f of plan.findings) assert.ok(shown.includes(` | ${f.code} | \`${f.path}\``), `finding ${f.code} at ${f.path}`);

  await block.locator('[data-action="copy"]').click();
  await block.locator('[data-copy-status]', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
  const [download] = await Promise.all([page.waitForEvent('download'), block.locator('[data-action="download"]').click()]);
  assert.equal(download.suggestedFilename(), 'change-ticket.md');
  assert.equal(await readFile(await download.path(), 'utf8'), shown);

  await page.locator('[data-action="language"]').click();
  await page.locator('h2', { hasText: '2. 密钥' }).waitFor();
  assert.equal((await block.locator('h4').textContent()).trim(), '变更单（Markdown）');
  await page.waitForFunction(() => document.querySelector('[data-output="markdown"] pre')?.textContent.startsWith('# 变更单'));
  const zh = await outputText(page, 'markdown');
  assert.ok(zh.includes('## 回退') && zh.includes('## 事后验证'), zh.slice(0, 200));
  assert.deepEqual(problems, []);
  await context.close();
});
