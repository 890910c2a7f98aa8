// The configurator end to end (issue 6 acceptance): service-key create, BYOK update of a Cloud
// Firewall Logstore from a pasted GetLogStore (the body equals the core's), a refused permanence
// change, a malformed paste with line and column, copy, reload, a shared link, Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { field, fillForm, outputText, outputJson, findingCodes, corePlan, example, pasted } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ACCOUNT = '1234567890123456';

/** The Cloud Firewall BYOK example, with `current` as the text a user pastes. */
async function byokExample() {
  const intent = await example('byok-update-cloud-firewall.json');
  const current = intent.current;
  intent.current = pasted(current);
  return { intent, current };
}

/** Fills the form as a user would for the BYOK Cloud Firewall example. */
async function fillByok(page, currentText) {
  await fillForm(page, {
    '/target/account_id': ACCOUNT,
    '/target/region': 'cn-hangzhou',
    '/encryption/key': ['byok'],
  });
  await fillForm(page, {
    '/encryption/cmk_key_id': 'key-hzz67f8a1b2c3d4e5f6g',
    '/encryption/cmk_region_id': 'cn-hangzhou',
    '/encryption/role_name': 'sls-byok-kms-role',
    '/ram/user_name': 'sls-admin',
    '/current': currentText,
  });
}

function request(r) {
  const out = { api: r.api, method: r.method, host: r.host, path: r.path };
  if (Object.keys(r.query ?? {}).length) out.query = r.query;
  if (r.body != null) out.body = r.body;
  return out;
}

test('service key, create: the CreateLogStore body equals the core\'s and carries encrypt_conf without user_cmk_info', async () => {
  const { page, context, problems } = await openApp(browser, server.base);
  await field(page, '/target/preset', 'custom').check();
  await fillForm(page, {
    '/target/region': 'cn-shanghai',
    '/target/project': 'my-project',
    '/target/logstore': 'app-logs',
    '/operation': ['create'],
    '/encryption/encrypt_type': ['sm4'],
  });
  await fillForm(page, { '/logstore/ttl': '30', '/logstore/shardCount': '2', '/logstore/autoSplit': true, '/logstore/maxSplitShard': '64' });
  await page.locator('[data-summary][data-ok="true"]').waitFor();

  const intent = await outputJson(page, 'intent');
  assert.equal(intent.operation, 'create');
  assert.deepEqual(intent.encryption, { enable: true, encrypt_type: 'sm4', key: 'service' });
  assert.equal(intent.ram, undefined, 'no RAM section for a service key');
  const plan = corePlan(intent);
  assert.equal(plan.ok, true);
  const body = await outputJson(page, 'create_logstore_body');
  assert.deepEqual(body, plan.requests.find((r) => r.api === 'CreateLogStore').body);
  assert.deepEqual(body.encrypt_conf, { enable: true, encrypt_type: 'sm4' });
  assert.equal(body.logstoreName, 'app-logs');
  assert.deepEqual(await outputJson(page, 'encrypt_conf'), plan.encrypt_conf);
  assert.equal(await page.locator('[data-output="trust_policy"]').count(), 0);
  assert.equal(await page.locator('[data-output="update_logstore_body"]').count(), 0);
  // Every request of the plan, in order.
  assert.equal(await page.locator('[data-output^="request-"]').count(), plan.requests.length);
  assert.deepEqual(await outputJson(page, 'request-1'), request(plan.requests[0]));
  // The irreversible facts sit with the outputs.
  assert.ok(await page.locator('#outputs [data-fact="permanent"]').isVisible());
  assert.ok(await page.locator('#outputs [data-fact="cmk"]').isVisible());
  await screenshot(page, 'service-key-create');
  assert.deepEqual(problems, []);
  await context.close();
});

test('BYOK update of a Cloud Firewall Logstore from a pasted GetLogStore: every output equals the core\'s', async () => {
  const { intent, current } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base, { viewport: { width: 1280, height: 1000 } });
  await fillByok(page, intent.current);

  // The preset's names, as the core resolves them, are shown.
  await page.locator('[data-derived="project"]', { hasText: `cloudfirewall-project-${ACCOUNT}-cn-hangzhou` }).waitFor();
  // The GetLogStore command has the real names.
  assert.equal(
    await page.locator('[data-output="get_logstore_command"] code').textContent(),
    `aliyun sls GetLogStore --region cn-hangzhou --project 'cloudfirewall-project-${ACCOUNT}-cn-hangzhou' --logstore 'cloudfirewall-logstore'`,
  );

  const plan = corePlan(intent);
  const update = plan.requests.find((r) => r.api === 'UpdateLogStore');
  assert.ok(update, 'the core plans an UpdateLogStore');
  const body = await outputJson(page, 'update_logstore_body');
  assert.deepEqual(body, update.body, 'the body shown equals the core\'s');
  // Nothing of the pasted Logstore is lost but the output-only fields.
  for (const key of ['ttl', 'hot_ttl', 'mode', 'infrequentAccessTTL', 'telemetryType', 'maxSplitShard']) assert.deepEqual(body[key], current[key], key);
  assert.equal(body.createTime, undefined);
  assert.deepEqual(await outputJson(page, 'encrypt_conf'), plan.encrypt_conf);
  assert.deepEqual(await outputJson(page, 'trust_policy'), plan.trust_policy);
  assert.deepEqual(await outputJson(page, 'passrole_policy'), plan.passrole_policy);
  assert.deepEqual(await outputJson(page, 'update_logstore_encryption_body'), plan.alternatives[0].body);
  assert.equal(await page.locator('[data-output^="request-"]').count(), plan.requests.length);
  for (const r of plan.requests) assert.deepEqual(await outputJson(page, `request-${r.step}`), request(r), `request ${r.step}`);
  for (const key of Object.keys(plan.exports ?? {})) assert.equal(await page.locator(`[data-output="${key}"]`).count(), 1, `export ${key}`);
  assert.deepEqual(await findingCodes(page), plan.findings.map((f) => f.code));
  assert.equal(await page.locator('[data-summary]').getAttribute('data-ok'), String(plan.ok));

  // The diff reads like a Terraform plan.
  assert.equal(await page.locator('[data-diff-field="createTime"]').getAttribute('data-change'), 'dropped');
  assert.equal(await page.locator('[data-diff-field="encrypt_conf"]').getAttribute('data-change'), 'added');
  assert.equal(await page.locator('[data-diff-field="ttl"]').getAttribute('data-change'), 'kept');
  assert.ok(await page.locator('[data-blast-radius] [data-client="encrypt_conf_only"]').count());
  // The CMK fact is stated for BYOK, with the outputs.
  assert.match(await page.locator('#outputs [data-fact="cmk"]').textContent(), /disabled or deleted/);
  // Syntax colouring by tokens, not HTML, in the tab on screen; a hidden tab holds the same text uncoloured.
  const conf = await page.locator('[data-output="encrypt_conf"] pre').textContent();
  await page.locator('[data-tab="script"]').click();
  assert.equal(await page.locator('[data-output="encrypt_conf"] pre .j-key').count(), 0);
  assert.equal(await page.locator('[data-output="encrypt_conf"] pre').textContent(), conf);
  await page.locator('[data-tab="bodies"]').click();
  assert.ok(await page.locator('[data-output="encrypt_conf"] pre .j-key').count() > 0);
  assert.equal(await page.locator('[data-output="encrypt_conf"] pre').textContent(), conf);
  // Wide screens: the form left, the plan right, each scrolling on its own; the page itself does not.
  const layout = await page.evaluate(() => {
    const form = document.querySelector('.form-col').getBoundingClientRect();
    const plan = document.querySelector('.plan-col').getBoundingClientRect();
    const scrolls = (sel) => { const el = document.querySelector(sel); return getComputedStyle(el).overflowY === 'auto' && el.scrollHeight > el.clientHeight; };
    return { side: form.right <= plan.left, page: document.documentElement.scrollHeight <= innerHeight + 1, form: scrolls('.form-col'), plan: scrolls('.plan-col') };
  });
  assert.deepEqual(layout, { side: true, page: true, form: true, plan: true });
  await screenshot(page, 'byok-update-cloud-firewall');
  await page.setViewportSize({ width: 1280, height: 4200 });
  await screenshot(page, 'byok-update-cloud-firewall-tall');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a refused permanence change (default -> sm4) shows MRG002; clicking it goes to the algorithm', async () => {
  const { current } = await byokExample();
  current.encrypt_conf = { enable: true, encrypt_type: 'default' };
  const { page, context, problems } = await openApp(browser, server.base);
  await fillForm(page, { '/target/account_id': ACCOUNT, '/target/region': 'cn-hangzhou', '/current': pasted(current) });
  await field(page, '/encryption/encrypt_type', 'sm4').check();
  const finding = page.locator('[data-findings] [data-code="MRG002"]');
  await finding.waitFor();
  assert.ok(await finding.isVisible());
  assert.equal(await finding.getAttribute('data-severity'), 'error');
  assert.match(await finding.textContent(), /permanent/);
  assert.equal(await page.locator('[data-summary]').getAttribute('data-ok'), 'false');
  // Off screen, a card is laid out only once it is scrolled to (content-visibility: auto).
  await page.locator('[data-draft]').scrollIntoViewIfNeeded();
  assert.ok(await page.locator('[data-draft]').isVisible(), 'outputs are marked as a draft');
  // Single commands bypass the script's draft guard: none is shown (or reachable) while the plan has errors.
  assert.equal(await page.locator('[data-runbook]').isVisible(), false, 'no runbook for a plan with errors');
  assert.equal(await page.locator('[data-runbook] [data-action="copy"]').filter({ visible: true }).count(), 0);
  assert.equal(await page.locator('[data-action="goto-runbook"]').count(), 0);
  // Screen readers hear the counts once typing pauses.
  await page.locator('[data-announce]', { hasText: '1 error' }).waitFor({ timeout: 5000 });
  await finding.locator('button').click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.field), '/encryption/encrypt_type');
  await screenshot(page, 'permanence-refused');
  // While the plan has errors, downloads are named drafts (the bodies are in their own tab).
  await page.locator('[data-tab="bodies"]').click();
  const [draft] = await Promise.all([page.waitForEvent('download'), page.locator('[data-output="encrypt_conf"] [data-action="download"]').click()]);
  assert.equal(draft.suggestedFilename(), 'encrypt_conf.DRAFT.json');
  // One click takes over what the Logstore has: the refusal is gone and the plan is ready.
  await page.locator('[data-adopt="stored"] button').click();
  await page.locator('[data-findings] [data-code="MRG002"]').waitFor({ state: 'detached' });
  assert.ok(await field(page, '/encryption/encrypt_type', 'default').isChecked());
  assert.equal(await page.locator('[data-summary]').getAttribute('data-ok'), 'true');
  // What the Logstore has is what was asked for now: nothing to send, and the page says so.
  assert.equal(await page.locator('[data-summary]').getAttribute('data-state'), 'nothing');
  assert.equal(await page.locator('[data-output="update_logstore_body"]').count(), 0);
  assert.equal(await page.locator('[data-adopt]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed paste shows the line and column, and clicking the finding selects that spot', async () => {
  const { page, context, problems } = await openApp(browser, server.base);
  const text = '{\n  "logstoreName": "cloudfirewall-logstore",\n  "ttl": 180,\n  "shardCount": 2\n  "mode": "standard"\n}';
  await fillForm(page, { '/target/account_id': ACCOUNT, '/target/region': 'cn-hangzhou', '/current': text });
  const finding = page.locator('[data-findings] [data-code="TXT001"]');
  await finding.waitFor();
  // The place is named by the field's label, not its JSON pointer (data-path keeps the pointer).
  assert.match(await finding.locator('[data-location]').textContent(), /GetLogStore response \(paste the JSON\) · line 5, column 3/);
  // Marked at the paste too.
  assert.match(await page.locator('.field-msgs [data-code="TXT001"]').textContent(), /line 5, column 3/);
  assert.equal(await field(page, '/current').getAttribute('aria-invalid'), 'true');
  await finding.locator('button').click();
  const sel = await page.evaluate(() => {
    const el = document.activeElement;
    return { field: el.dataset.field, start: el.selectionStart, end: el.selectionEnd, picked: el.value.slice(el.selectionStart, el.selectionEnd) };
  });
  assert.equal(sel.field, '/current');
  assert.equal(sel.start, text.split('\n').slice(0, 4).join('\n').length + 1 + 2, 'line 5, column 3');
  assert.equal(sel.picked, '"mode"');
  await screenshot(page, 'malformed-paste');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Copy puts the output on the clipboard and says "Copied"; Download offers a file', async () => {
  const { intent } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base);
  await fillByok(page, intent.current);
  await page.locator('[data-tab="bodies"]').click();
  const block = page.locator('[data-output="encrypt_conf"]');
  await block.locator('[data-action="copy"]').click();
  await block.locator('[data-copy-status]', { hasText: 'Copied' }).waitFor();
  assert.equal(await block.locator('[data-copy-status]').getAttribute('aria-live'), 'polite');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, await outputText(page, 'encrypt_conf'));
  assert.deepEqual(JSON.parse(clip), corePlan(intent).encrypt_conf);
  // Keyboard: the Copy button of the update body, by Enter.
  const body = page.locator('[data-output="update_logstore_body"]');
  await body.locator('[data-action="copy"]').focus();
  await page.keyboard.press('Enter');
  await body.locator('[data-copy-status]', { hasText: 'Copied' }).waitFor();
  assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), await outputJson(page, 'update_logstore_body'));
  const [download] = await Promise.all([page.waitForEvent('download'), block.locator('[data-action="download"]').click()]);
  assert.equal(download.suggestedFilename(), 'encrypt_conf.json');
  await screenshot(page, 'copied');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reload restores the state (from the URL hash and from localStorage); Reset clears it', async () => {
  const { intent } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base);
  await fillByok(page, intent.current);
  await field(page, '/ram/passrole_scope', 'any').check();
  const before = await outputText(page, 'update_logstore_body');
  assert.match(page.url(), /#v1=./, 'the state is in the URL hash');
  await page.reload();
  await page.waitForSelector('[data-shell="ready"]');
  assert.equal(await field(page, '/target/account_id').inputValue(), ACCOUNT);
  assert.equal(await field(page, '/current').inputValue(), intent.current);
  assert.ok(await field(page, '/ram/passrole_scope', 'any').isChecked());
  assert.equal(await outputText(page, 'update_logstore_body'), before);
  // Without the hash: the last state comes back from localStorage.
  await page.goto(server.base);
  await page.waitForSelector('[data-shell="ready"]');
  assert.equal(await field(page, '/encryption/cmk_key_id').inputValue(), 'key-hzz67f8a1b2c3d4e5f6g');
  assert.equal(await outputText(page, 'update_logstore_body'), before);
  // Reset.
  await page.locator('[data-action="reset"]').click();
  assert.equal(await field(page, '/target/account_id').inputValue(), '');
  assert.ok(await field(page, '/encryption/key', 'service').isChecked());
  assert.equal(await page.locator('[data-output="update_logstore_body"]').count(), 0);
  // ... and Undo brings it back.
  await page.locator('[data-action="undo"]').click();
  assert.equal(await field(page, '/target/account_id').inputValue(), ACCOUNT);
  assert.equal(await outputText(page, 'update_logstore_body'), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing is saved once it pauses, yet a reload or a share right after a keystroke keeps it', async () => {
  const { page, context, problems } = await openApp(browser, server.base);
  const region = field(page, '/target/region');
  await region.fill('cn-hangzhou');
  await page.waitForFunction(() => (localStorage.getItem('sls-encrypt/v1') || '').includes('cn-hangzhou'));
  // A reload straight after typing (before the pause) brings back what was typed last.
  await region.fill('cn-shanghai');
  await page.reload();
  await page.waitForSelector('[data-shell="ready"]');
  assert.equal(await field(page, '/target/region').inputValue(), 'cn-shanghai');
  assert.equal(await page.locator('[data-notice]').count(), 0, 'no "opened from a link" notice: it is this browser\'s own state');
  // Leaving the field for Share saves at once: the link holds the last keystroke.
  await field(page, '/target/region').fill('cn-beijing');
  await page.locator('[data-action="share"]').click();
  await page.locator('[data-action="share-copy"]').click();
  await page.locator('.share [role="status"]', { hasText: 'Copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const state = JSON.parse(Buffer.from(new URL(link).hash.slice(4), 'base64url').toString('utf8'));
  assert.equal(state.region, 'cn-beijing');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link reproduces the plan in a fresh browser; redaction leaves the account id out', async () => {
  const { intent } = await byokExample();
  const first = await openApp(browser, server.base);
  await fillByok(first.page, intent.current);
  await field(first.page, '/encryption/encrypt_type', 'sm4').check();
  const body = await outputText(first.page, 'update_logstore_body');
  const codes = await findingCodes(first.page);
  await first.page.locator('[data-action="share"]').click();
  await first.page.locator('[data-action="share-copy"]').click();
  await first.page.locator('.share [role="status"]', { hasText: 'Copied' }).waitFor();
  const link = await first.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, first.page.url());
  const hash = new URL(link).hash.slice(1);
  assert.ok(hash.startsWith('v1='));
  assert.ok(hash.length < 2000, `the link is compact (${hash.length} chars)`);

  const second = await openApp(browser, server.base, { hash });
  assert.equal(await outputText(second.page, 'update_logstore_body'), body);
  assert.deepEqual(await findingCodes(second.page), codes);
  assert.ok(await field(second.page, '/encryption/encrypt_type', 'sm4').isChecked());
  await screenshot(second.page, 'shared-link');
  assert.deepEqual(second.problems, []);
  await second.context.close();

  // Redacted: the account id is in no part of the link.
  await first.page.locator('[data-action="redact"]').check();
  const redacted = new URL(first.page.url()).hash.slice(1);
  const decoded = Buffer.from(redacted.slice(3), 'base64url').toString('utf8');
  assert.ok(!decoded.includes(ACCOUNT), decoded);
  assert.equal(await field(first.page, '/target/account_id').inputValue(), ACCOUNT, 'the page itself keeps it');
  const third = await openApp(browser, server.base, { hash: redacted });
  assert.equal(await field(third.page, '/target/account_id').inputValue(), '');
  assert.ok(await third.page.locator('[data-notice]').isVisible());
  assert.ok((await findingCodes(third.page)).includes('INT005'), 'the missing account id is a finding');
  assert.deepEqual(third.problems, []);
  await third.context.close();

  // A paste too long for a link is left out of it, and the receiver is told.
  const shortHash = new URL(first.page.url()).hash;
  await fillForm(first.page, { '/current': pasted({ ...JSON.parse(intent.current), big: 'x'.repeat(80000) }) });
  // The hash is written once the page has rendered the change: wait for it, not for luck.
  await first.page.waitForFunction(() => location.hash.length > 4 && 'paste_omitted' in JSON.parse(atob(location.hash.slice(4).replace(/-/g, '+').replace(/_/g, '/'))));
  const long = (await first.page.evaluate(() => location.hash)).slice(1);
  assert.ok(long.length < 60000, `the link stays short (${long.length})`);
  const fifth = await openApp(browser, server.base, { hash: long });
  assert.ok(await fifth.page.locator('[data-notice]').isVisible());
  assert.equal(await field(fifth.page, '/current').inputValue(), '');
  assert.deepEqual(fifth.problems, []);
  await fifth.context.close();

  // A broken link says so instead of failing.
  const fourth = await openApp(browser, server.base, { hash: 'v1=%%%not-base64' });
  assert.ok(await fourth.page.locator('[data-notice]').isVisible());
  assert.deepEqual(fourth.problems, []);
  await fourth.context.close();
  assert.deepEqual(first.problems, []);
  await first.context.close();
});

test('switching to Chinese translates the page and the findings; zh browsers start in Chinese', async () => {
  const { intent } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base);
  await fillByok(page, intent.current);
  await field(page, '/encryption/encrypt_type', 'sm4').check();
  await field(page, '/ram/passrole_scope', 'any').check();
  await page.locator('[data-action="language"]').click();
  await page.locator('h2', { hasText: '2. 密钥' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const plan = corePlan({ ...intent, encryption: { ...intent.encryption, encrypt_type: 'sm4' }, ram: { ...intent.ram, passrole_scope: 'any' } });
  const first = plan.findings[0];
  const item = page.locator(`[data-findings] [data-code="${first.code}"]`).first();
  assert.ok((await item.textContent()).includes(first.message_zh), 'findings in Chinese');
  assert.ok((await item.textContent()).includes(first.fix_zh));
  assert.match(await page.locator('[data-summary]').textContent(), /个/);
  assert.match(await page.locator('#outputs [data-fact="permanent"]').textContent(), /不可更改/);
  await page.locator('[data-tab="bodies"]').click();
  assert.match(await page.locator('[data-output="encrypt_conf"] [data-action="copy"]').textContent(), /复制/);
  await page.locator('[data-output="encrypt_conf"] [data-action="copy"]').click();
  await page.locator('[data-output="encrypt_conf"] [data-copy-status]', { hasText: '已复制' }).waitFor();
  await screenshot(page, 'chinese');
  // Back to English, and the choice survives a reload.
  await page.locator('[data-action="language"]').click();
  await page.locator('h2', { hasText: '2. Key' }).waitFor();
  await page.locator('[data-action="language"]').click();
  await page.reload();
  await page.locator('h2', { hasText: '2. 密钥' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();

  const zh = await openApp(browser, server.base, { locale: 'zh-CN' });
  await zh.page.locator('h2', { hasText: '1. 目标' }).waitFor();
  assert.deepEqual(zh.problems, []);
  await zh.context.close();
});

test('every control carries data-field, labels and keyboard use work; the layout is one column at 360 px', async () => {
  const { intent } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base, { viewport: { width: 360, height: 800 } });
  // Keyboard: the first Tab reaches the skip link, which moves focus to the plan.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan');
  assert.equal(new URL(page.url()).hash.startsWith('#v1='), true, 'in-page links leave the state hash alone');
  await fillByok(page, intent.current);
  await field(page, '/ram/create_role', 'existing').check();
  await fillForm(page, { '/encryption/role_arn': `acs:ram::${ACCOUNT}:role/sls-byok-kms-role` });
  await field(page, '/ram/current_trust_policy').waitFor();
  // Every control of the form edits an intent field and has a label.
  const controls = await page.locator('.form-col input, .form-col select, .form-col textarea').evaluateAll((els) =>
    els.map((e) => ({ field: e.dataset.field, label: e.labels?.length ?? 0, id: e.id })));
  assert.ok(controls.length > 10);
  for (const c of controls) {
    assert.ok(c.field?.startsWith('/'), `control ${c.id} has data-field`);
    assert.ok(c.label > 0, `control ${c.id} has a label`);
  }
  // One column, no horizontal scrolling, and the findings count stays visible while scrolling.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll at 360 px');
  await field(page, '/current').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-summary]').boundingBox();
  assert.ok(box && box.y >= -1 && box.y < 10, `the summary is stuck to the top (y=${box?.y})`);
  // A finding can be activated with Enter.
  await page.locator('[data-findings] [data-code] button').first().focus();
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => !!document.activeElement?.dataset.field), 'Enter on a finding moves focus to its field');
  await screenshot(page, 'narrow-360');
  assert.deepEqual(problems, []);
  await context.close();
});
