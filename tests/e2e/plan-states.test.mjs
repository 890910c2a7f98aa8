// Issue 15 acceptance: honest plan states (nothing to send, an assumed role ARN), what to run
// first (the runbook checklist at the top of the outputs, one tap away on a phone), a first
// screen without red, Reset with undo, a share panel that says what the link holds; screenshots
// of each state in English and Chinese at 1280x900 and 390x844.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { field, fillForm, findingCodes, corePlan, example, pasted } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ACCOUNT = '1234567890123456';
const ARN = `acs:ram::${ACCOUNT}:role/sls-byok-kms-role`;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SIZES = [['desktop', DESKTOP], ['phone', PHONE]];
const LOCALES = [['en', 'en-US'], ['zh', 'zh-CN']];

async function byokExample() {
  const intent = await example('byok-update-cloud-firewall.json');
  const current = intent.current;
  intent.current = pasted(current);
  return { intent, current };
}

async function fillByok(page, currentText) {
  await fillForm(page, { '/target/account_id': ACCOUNT, '/target/region': 'cn-hangzhou', '/encryption/key': ['byok'] });
  await fillForm(page, {
    '/encryption/cmk_key_id': 'key-hzz67f8a1b2c3d4e5f6g',
    '/encryption/role_name': 'sls-byok-kms-role',
    '/ram/user_name': 'sls-admin',
    '/current': currentText,
  });
}

for (const [lang, locale] of LOCALES) {
  for (const [size, viewport] of SIZES) {
    test(`first screen without red, then errors once touched or asked (${lang}, ${size})`, async () => {
      const { page, context, problems } = await openApp(browser, server.base, { locale, viewport });
      // Nothing typed: no error anywhere, a neutral list of what to fill in.
      assert.equal(await page.locator('[data-severity="error"]').count(), 0, 'no error-severity finding before any input');
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
      assert.equal(await page.locator('[data-draft]').count(), 0, 'no red draft banner either');
      assert.equal(await page.locator('[data-summary]').getAttribute('data-state'), 'todo');
      const todo = await page.locator('[data-todo] [data-todo-path]').evaluateAll((els) => els.map((e) => e.dataset.todoPath));
      assert.deepEqual(todo.sort(), ['/current', '/target/account_id', '/target/region']);
      // The list names the form's labels, never a JSON pointer.
      assert.doesNotMatch(await page.locator('[data-todo]').textContent(), /\/target\/|\/current/);
      await screenshot(page, `states-first-screen-${lang}-${size}`);
      // A field typed into and cleared is an error now; the others are still to fill in.
      await field(page, '/target/region').fill('x');
      await field(page, '/target/region').fill('');
      await page.locator('[data-findings] [data-code="INT005"][data-path="/target/region"][data-severity="error"]').waitFor();
      assert.equal(await field(page, '/target/region').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('[data-todo] [data-todo-path]').count(), 2);
      // Asking for the plan shows every error.
      await page.locator('[data-action="check-all"]').click();
      await page.locator('[data-findings] [data-code="INT005"][data-path="/current"][data-severity="error"]').waitFor();
      assert.equal(await page.locator('[data-todo]').count(), 0);
      assert.equal(await page.locator('[data-summary]').getAttribute('data-state'), 'blocked');
      assert.ok(await page.locator('[data-draft]').isVisible());
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`adopting the stored settings after a refusal: "Nothing to send", no UpdateLogStore (${lang}, ${size})`, async () => {
      const { current } = await byokExample();
      current.encrypt_conf = { enable: true, encrypt_type: 'default' };
      const { page, context, problems } = await openApp(browser, server.base, { locale, viewport });
      await fillForm(page, { '/target/account_id': ACCOUNT, '/target/region': 'cn-hangzhou', '/current': pasted(current) });
      await field(page, '/encryption/encrypt_type', 'sm4').check();
      await page.locator('[data-findings] [data-code="MRG002"]').waitFor();
      // In the conflict the field table does not say encrypt_conf is already as wanted.
      const reason = await page.locator('[data-diff-field="encrypt_conf"]').textContent();
      assert.doesNotMatch(reason, /already as wanted|已是所需设置/);
      await screenshot(page, `states-refused-${lang}-${size}`);
      await page.locator('[data-adopt="stored"] button').click();
      await page.locator('[data-findings] [data-code="PLN001"]').waitFor();
      const summary = page.locator('[data-summary]');
      assert.equal(await summary.getAttribute('data-state'), 'nothing');
      assert.match(await summary.textContent(), lang === 'en' ? /Nothing to send/ : /无需发送/);
      assert.doesNotMatch(await summary.textContent(), /Ready|就绪/);
      // Off screen, a card is laid out only once it is scrolled to (content-visibility: auto).
      await page.locator('[data-nothing-to-send]').scrollIntoViewIfNeeded();
      assert.ok(await page.locator('[data-nothing-to-send]').isVisible());
      assert.equal(await page.locator('[data-output="update_logstore_body"]').count(), 0, 'no UpdateLogStore output');
      assert.equal(await page.locator('[data-output^="request-"]').count(), 0, 'no request at all');
      assert.equal(await page.locator('[data-output="aliyun_cli"]').count(), 0, 'no script');
      assert.equal(await page.locator('[data-runbook]').count(), 0);
      await page.locator('[data-nothing-to-send]').scrollIntoViewIfNeeded();
      await screenshot(page, `states-nothing-to-send-${lang}-${size}`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`an existing role without an ARN: a warning names the assumed ARN (${lang}, ${size})`, async () => {
      const { intent } = await byokExample();
      const { page, context, problems } = await openApp(browser, server.base, { locale, viewport });
      await fillByok(page, intent.current);
      await field(page, '/ram/create_role', 'existing').check();
      // The placeholder does not look like a filled-in ARN (no account id in it).
      const placeholder = await field(page, '/encryption/role_arn').getAttribute('placeholder');
      assert.doesNotMatch(placeholder, /\d{6,}/, placeholder);
      const warning = page.locator('[data-findings] [data-code="PLN002"]');
      await warning.waitFor();
      assert.equal(await warning.getAttribute('data-severity'), 'warning');
      assert.equal(await warning.getAttribute('data-path'), '/encryption/role_arn');
      const text = await warning.textContent();
      assert.ok(text.includes(ARN), text);
      assert.match(text, lang === 'en' ? /permanent/ : /不可更改/);
      // Shown at the field too, and the plan is not a green "Ready".
      assert.ok((await page.locator('#f-role_arn-msgs [data-code="PLN002"]').textContent()).includes(ARN));
      assert.equal(await page.locator('[data-summary]').getAttribute('data-state'), 'review');
      await page.locator('#f-role_arn').scrollIntoViewIfNeeded();
      await screenshot(page, `states-assumed-arn-${lang}-${size}`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`what to run comes first: the runbook checklist (${lang}, ${size})`, async () => {
      const { intent } = await byokExample();
      const { page, context, problems } = await openApp(browser, server.base, { locale, viewport });
      await fillByok(page, intent.current);
      const plan = corePlan({ ...intent, lang: lang === 'zh' ? 'zh' : undefined });
      const steps = page.locator('[data-runbook] [data-step]');
      await steps.first().waitFor();
      assert.equal(await steps.count(), plan.requests.length);
      for (const r of plan.requests) {
        assert.equal(await page.locator(`[data-runbook] [data-step="${r.step}"] [data-command]`).textContent(), r.command, `step ${r.step}`);
        assert.equal(await page.locator(`[data-runbook] [data-step="${r.step}"]`).getAttribute('data-api'), r.api);
      }
      if (size === 'desktop') {
        // Within the first viewport of the outputs: scrolled to the outputs, the whole checklist shows.
        await page.evaluate(() => document.getElementById('outputs').scrollIntoView());
        const box = await page.locator('[data-runbook]').boundingBox();
        assert.ok(box.y >= 0 && box.y + box.height <= DESKTOP.height, `runbook at ${box.y}..${box.y + box.height}`);
        const outputs = await page.locator('#outputs').boundingBox();
        assert.ok(box.y - outputs.y < 200, `the runbook starts the outputs (${box.y - outputs.y} px below their top)`);
      } else {
        // One tap from anywhere: the sticky summary's "What to run".
        await field(page, '/target/region').scrollIntoViewIfNeeded();
        await page.locator('[data-action="goto-runbook"]').click();
        await page.waitForFunction(() => { const r = document.querySelector('[data-runbook] [data-step="1"]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'runbook');
      }
      await screenshot(page, `states-runbook-${lang}-${size}`);
      // Copy one step's command.
      const last = plan.requests[plan.requests.length - 1];
      await page.locator(`[data-runbook] [data-step="${last.step}"] [data-action="copy"]`).click();
      await page.locator(`[data-runbook] [data-step="${last.step}"] [data-copy-status]`, { hasText: lang === 'en' ? 'Copied' : '已复制' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), last.command);
      // The tabs: by keyboard, each output with Copy and Download; hidden ones keep their full text.
      const script = page.locator('[data-output="aliyun_cli"]');
      assert.ok(await script.isVisible(), 'the script tab is open first');
      assert.equal(await script.locator('pre').textContent(), plan.exports.aliyun_cli);
      assert.equal(await page.locator('[data-output="terraform"] pre').textContent(), plan.exports.terraform, 'hidden tabs keep their text');
      await page.locator('[data-tab="script"]').focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.tab), 'bodies');
      assert.equal(await page.locator('[data-tab="bodies"]').getAttribute('aria-selected'), 'true');
      assert.ok(await page.locator('[data-output="update_logstore_body"]').isVisible());
      assert.ok(!(await script.isVisible()));
      await page.keyboard.press('End');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.tab), 'intent');
      await page.locator('[data-tab="terraform"]').click();
      const tf = page.locator('[data-output="terraform"]');
      assert.ok(await tf.locator('[data-action="copy"]').isVisible() && await tf.locator('[data-action="download"]').isVisible());
      // An error takes the single commands away (they bypass the script's draft guard); fixing it
      // brings the same steps back.
      await field(page, '/current').fill(intent.current.replace('"ttl": 180', '"ttl": 18'));
      await page.locator('[data-findings] [data-code="LS002"]').waitFor();
      assert.equal(await page.locator('[data-summary]').getAttribute('data-state'), 'blocked');
      assert.equal(await page.locator('[data-runbook]').isVisible(), false, 'no runbook for a plan with errors');
      assert.equal(await page.locator('[data-action="goto-runbook"]').count(), 0);
      await field(page, '/current').fill(intent.current);
      await page.locator('[data-findings] [data-code="LS002"]').waitFor({ state: 'detached' });
      await page.locator('[data-runbook]').scrollIntoViewIfNeeded();
      assert.ok(await steps.first().isVisible(), 'the runbook is back once the error is fixed');
      assert.equal(await steps.count(), plan.requests.length);
      assert.equal(await page.locator(`[data-runbook] [data-step="${last.step}"] [data-command]`).textContent(), last.command);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('Reset then Undo restores the form', async () => {
  const { intent } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base);
  await fillByok(page, intent.current);
  await field(page, '/ram/passrole_scope', 'any').check();
  const codes = await findingCodes(page);
  await page.locator('[data-action="reset"]').click();
  assert.equal(await field(page, '/target/account_id').inputValue(), '');
  assert.equal(await page.locator('[data-severity="error"]').count(), 0, 'a fresh form is not red');
  await screenshot(page, 'states-reset');
  await page.locator('[data-action="undo"]').click();
  assert.equal(await field(page, '/target/account_id').inputValue(), ACCOUNT);
  assert.equal(await field(page, '/current').inputValue(), intent.current);
  assert.ok(await field(page, '/encryption/key', 'byok').isChecked());
  assert.ok(await field(page, '/ram/passrole_scope', 'any').isChecked());
  assert.deepEqual(await findingCodes(page), codes);
  assert.equal(await page.locator('[data-action="undo"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share panel says what the link contains before copying; "Copied" moves nothing', async () => {
  const { intent } = await byokExample();
  const { page, context, problems } = await openApp(browser, server.base);
  await fillByok(page, intent.current);
  const header = await page.locator('.topbar').boundingBox();
  await page.locator('[data-action="share"]').click();
  const panel = page.locator('[data-share-panel]');
  assert.ok(await panel.isVisible());
  const contains = await panel.locator('[data-share-contains]').textContent();
  for (const part of [ACCOUNT, 'key-hzz67f8a1b2c3d4e5f6g', 'sls-admin', 'pasted text']) assert.ok(contains.includes(part), `${part} in: ${contains}`);
  assert.match(await panel.textContent(), /anyone with the link can read them/);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'opening the panel copies nothing');
  await screenshot(page, 'states-share-panel');
  await panel.locator('[data-action="share-copy"]').click();
  await panel.locator('[role="status"]', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  assert.deepEqual(await page.locator('.topbar').boundingBox(), header, 'the header does not move');
  // Redacted: the panel says the account id is left out, and it is not listed.
  await page.locator('[data-action="redact"]').check();
  assert.ok(!(await panel.locator('[data-share-contains]').textContent()).includes(ACCOUNT));
  assert.deepEqual(problems, []);
  await context.close();
});
