// Verify the change (issue 10 acceptance): paste the GetLogStore response read after sending, first
// one that matches the plan, then one that differs, and read the result table; the paste is kept
// in the link and storage like /current, the table speaks both languages, and axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { field, fillForm, outputJson, findingCodes, corePlan, example, pasted } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ACCOUNT = '1234567890123456';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Fills the form for the BYOK Cloud Firewall example; returns the example intent (current as text). */
async function fillByok(page) {
  const intent = await example('byok-update-cloud-firewall.json');
  const current = intent.current;
  intent.current = pasted(current);
  await fillForm(page, { '/target/account_id': ACCOUNT, '/target/region': 'cn-hangzhou', '/encryption/key': ['byok'] });
  await fillForm(page, {
    '/encryption/cmk_key_id': 'key-hzz67f8a1b2c3d4e5f6g',
    '/encryption/cmk_region_id': 'cn-hangzhou',
    '/encryption/role_name': 'sls-byok-kms-role',
    '/ram/user_name': 'sls-admin',
    '/current': intent.current,
  });
  return { intent, current };
}

/** The rows of the verification table: { field: status }. */
async function rows(page) {
  return page.locator('[data-output="verification"] tbody tr').evaluateAll((trs) =>
    Object.fromEntries(trs.map((tr) => [tr.dataset.verifyField, tr.dataset.status])));
}

/** The rows' cells as text: [[field, sent, read back, status], ...]. */
async function cells(page) {
  return page.locator('[data-output="verification"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
}

async function axe(page) {
  await page.route('**/__axe.min.js', (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${server.base}__axe.min.js` });
  const result = await page.evaluate(() => window.axe.run('#verify', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('a matching after is verified (green table, one note); a differing one fails with the rows and findings located', async () => {
  const { page, context, problems } = await openApp(browser, server.base, { viewport: { width: 1280, height: 1000 } });
  const { intent, current } = await fillByok(page);
  await page.locator('[data-summary][data-ok="true"]').waitFor();

  // Before anything is pasted: the step is there, with the command to run and no result yet.
  assert.match(await page.locator('#s7-title').textContent(), /Verify/);
  assert.equal(await page.locator('[data-output="verification"]').getAttribute('data-ok'), null);
  assert.equal(await page.locator('[data-output="verification"] table').count(), 0);
  assert.equal(
    await page.locator('[data-output="verify_get_logstore_command"] code').textContent(),
    `aliyun sls GetLogStore --region cn-hangzhou --project 'cloudfirewall-project-${ACCOUNT}-cn-hangzhou' --logstore 'cloudfirewall-logstore'`,
  );

  // What GetLogStore returns once the update landed: the body sent, plus the output-only fields.
  const body = await outputJson(page, 'update_logstore_body');
  const applied = { ...current, ...body, lastModifyTime: 1700009999 };
  const matching = pasted(applied);
  await field(page, '/after').fill(matching);
  await page.locator('[data-output="verification"][data-ok="true"]').waitFor();
  const same = await rows(page);
  assert.deepEqual(Object.keys(same), Object.keys(body), 'one row per field sent, encrypt_conf included');
  assert.ok(Object.values(same).every((s) => s === 'same'), JSON.stringify(same));
  assert.equal(same.createTime, undefined, 'read-only fields are not compared');
  assert.equal(
    await page.locator('[data-output="verification"] .verify-summary').textContent(),
    `✓Verified: all ${Object.keys(body).length} fields match the plan.`,
  );
  // Green when all match.
  const colour = await page.locator('[data-output="verification"] .verify-summary').evaluate((el) => getComputedStyle(el).color);
  assert.equal(colour, 'rgb(15, 107, 69)');
  const ttlRow = (await cells(page)).find((c) => c[0] === 'ttl');
  assert.deepEqual(ttlRow, ['ttl', '180', '180', '✓Matches']);
  // The page's plan is the core's, and it has exactly one verification note.
  const withAfter = { ...intent, after: matching };
  const plan = corePlan(withAfter);
  assert.equal(plan.verification.ok, true);
  assert.deepEqual(await findingCodes(page), plan.findings.map((f) => f.code));
  assert.equal(plan.findings.filter((f) => f.code.startsWith('VER')).map((f) => f.code).join(), 'VER009');
  assert.equal(await page.locator('[data-findings] [data-code="VER009"]').count(), 1);
  assert.equal(await page.locator('[data-summary]').getAttribute('data-ok'), 'true');
  assert.deepEqual(await axe(page), []);
  await page.locator('#verify').scrollIntoViewIfNeeded();
  await screenshot(page, 'verify-matching');

  // Then one where another change landed: ttl and the CMK differ.
  const differing = JSON.parse(matching);
  differing.ttl = 30;
  differing.encrypt_conf.user_cmk_info.cmk_key_id = 'key-hzzotherkey0000000000';
  const differingText = pasted(differing);
  await field(page, '/after').fill(differingText);
  await page.locator('[data-output="verification"][data-ok="false"]').waitFor();
  const now = await rows(page);
  assert.equal(now.ttl, 'differs');
  assert.equal(now.encrypt_conf, 'differs');
  assert.deepEqual(Object.entries(now).filter(([, s]) => s !== 'same').map(([f]) => f), ['ttl', 'encrypt_conf']);
  assert.deepEqual((await cells(page)).find((c) => c[0] === 'ttl'), ['ttl', '180', '30', '✗Differs']);
  assert.equal(
    await page.locator('[data-output="verification"] .verify-summary').textContent(),
    `✗Not verified: 2 of ${Object.keys(body).length} fields do not match the plan.`,
  );
  assert.equal(await page.locator('[data-output="verification"] .verify-summary').evaluate((el) => getComputedStyle(el).color), 'rgb(180, 35, 24)');
  assert.equal(await page.locator('[data-summary]').getAttribute('data-ok'), 'false');
  const codes = await findingCodes(page);
  assert.deepEqual(codes, corePlan({ ...intent, after: differingText }).findings.map((f) => f.code));
  assert.ok(codes.includes('VER001') && codes.includes('VER006') && !codes.includes('VER009'), codes.join());
  // Under the paste, with the line and column in it.
  const ttlLine = differingText.split('\n').findIndex((l) => l.includes('"ttl"')) + 1;
  assert.match(await page.locator('.field-msgs [data-code="VER001"]').textContent(), new RegExp(`line ${ttlLine}, column 3`));
  assert.equal(await field(page, '/after').getAttribute('aria-invalid'), 'true');
  // Clicking the finding selects the field in the paste.
  await page.locator('[data-findings] [data-code="VER001"] button').click();
  const sel = await page.evaluate(() => {
    const el = document.activeElement;
    return { field: el.dataset.field, picked: el.value.slice(el.selectionStart, el.selectionEnd) };
  });
  assert.deepEqual(sel, { field: '/after', picked: '"ttl"' });
  assert.deepEqual(await axe(page), []);
  await page.locator('#verify').scrollIntoViewIfNeeded();
  await screenshot(page, 'verify-differing');

  // In Chinese.
  await page.locator('[data-action="language"]').click();
  await page.locator('#s7-title', { hasText: '核验' }).waitFor();
  assert.deepEqual((await cells(page)).find((c) => c[0] === 'ttl'), ['ttl', '180', '30', '✗不一致']);
  assert.match(await page.locator('[data-output="verification"] .verify-summary').textContent(), /核验未通过：\d+ 个字段中有 2 个与计划不一致。/);
  assert.deepEqual(
    await page.locator('[data-output="verification"] thead th').allTextContents(),
    ['字段', '发送的值', '读取到的值', '状态'],
  );
  await page.locator('[data-action="language"]').click();
  await page.locator('#s7-title', { hasText: 'Verify' }).waitFor();

  // The paste is kept like /current: in the link and across a reload.
  await page.reload();
  await page.waitForSelector('[data-shell="ready"]');
  assert.equal(await field(page, '/after').inputValue(), differingText);
  assert.equal((await rows(page)).ttl, 'differs');
  await page.goto(server.base);
  await page.waitForSelector('[data-shell="ready"]');
  assert.equal(await field(page, '/after').inputValue(), differingText);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an after equal to current says nothing was applied; a malformed one shows its line and column', async () => {
  const { page, context, problems } = await openApp(browser, server.base);
  const { intent } = await fillByok(page);
  await field(page, '/after').fill(intent.current);
  const finding = page.locator('[data-findings] [data-code="VER011"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /Nothing was applied/);
  assert.equal(await page.locator('[data-output="verification"]').getAttribute('data-ok'), 'false');
  assert.equal((await rows(page)).encrypt_conf, 'missing');

  await field(page, '/after').fill('{\n  "logstoreName": "cloudfirewall-logstore",\n  "ttl" 180\n}');
  const syntax = page.locator('.field-msgs [data-code="TXT001"]');
  await syntax.waitFor();
  assert.match(await syntax.textContent(), /line 3, column 9/);
  assert.equal(await page.locator('[data-output="verification"]').getAttribute('data-ok'), 'false');
  assert.equal(await page.locator('[data-output="verification"] table').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
