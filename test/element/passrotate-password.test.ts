import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_ENTRY } from '../../scripts/element-build.js';
import { ELEMENT_MESSAGES } from '../../src/element/messages.js';
import { definePolicy, describePolicy, type LocaleId, validatePassword } from '../../src/index.js';
import {
  chromiumBinary,
  launchBrowser,
  screenshot,
  type TestBrowser,
  watchPage,
} from '../e2e/support/browser.js';
import { type BuiltElement, buildElement } from './support/build-element.js';

const ACCOUNT = 'alice@example.org';
const SPEC = { minLength: 10, minUppercase: 1, minLowercase: 1, minDigit: 1, minSpecial: 1, historySize: 3 };
const policy = definePolicy(SPEC);
/** The example servers' kind of CSP: no 'unsafe-inline', no 'unsafe-eval', scripts and data from the origin only. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const escapeAttribute = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** A page with one form: a `<passrotate-password>` around the new password, a confirmation outside it. */
function formPage(lang: string, elementAttributes: string, script = '/passrotate-password.js'): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>element</title>
<script type="module" src="${script}"></script></head>
<body><form method="post" action="/save">
<label for="new">New password</label>
<passrotate-password ${elementAttributes}>
<input type="password" id="new" name="password" required>
</passrotate-password>
<label for="confirm">Confirm</label>
<input type="password" id="confirm" name="confirm" required>
<button type="submit">Save</button>
</form></body></html>`;
}

function pages(): Record<string, { type: string; body: string; status?: number }> {
  const inline = `data-policy="${escapeAttribute(JSON.stringify(SPEC))}" data-account="${ACCOUNT}" data-confirm="#confirm"`;
  const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
  return {
    '/inline.html': html(formPage('en', inline)),
    '/remote.html': html(
      formPage(
        'en-GB',
        'data-policy-url="/policy.json" data-actions="show generate" data-label-generate="New"',
      ),
    ),
    '/broken.html': html(formPage('en', 'data-policy-url="/missing.json"')),
    '/lazy.html': html(formPage('en', `${inline} data-common-passwords="lazy"`)),
    '/split/lazy.html': html(
      formPage('en', `${inline} data-common-passwords="lazy"`, '/split/passrotate-password.js'),
    ),
    '/policy.json': { type: 'application/json', body: JSON.stringify({ spec: SPEC }) },
    ...Object.fromEntries(
      (['en', 'de', 'fr', 'nl', 'es'] as const).map((locale) => [
        `/${locale}.html`,
        html(formPage(locale === 'en' ? 'en-US' : locale, inline)),
      ]),
    ),
  };
}

/**
 * The element bundled as a page's own bundler would with code splitting (as the example servers do):
 * the common-password list becomes a chunk of its own. Files by URL under `/split/`.
 */
async function splitBuild(): Promise<Record<string, string>> {
  const result = await build({
    entryPoints: { 'passrotate-password': ELEMENT_ENTRY },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    splitting: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  return Object.fromEntries(
    result.outputFiles.map((file) => [`/split/${file.path.split('/').pop()}`, file.text]),
  );
}

/** Serves the pages, the published element and the split build; `requested` lists the URLs asked for. */
async function serve(script: string, split: Record<string, string>, requested: string[]): Promise<Server> {
  const scripts = { '/passrotate-password.js': script, ...split };
  const files: Record<string, { type: string; body: string }> = {
    ...pages(),
    ...Object.fromEntries(
      Object.entries(scripts).map(([url, body]) => [url, { type: 'text/javascript', body }]),
    ),
  };
  const server = createServer((request, response) => {
    requested.push(request.url ?? '/');
    const file = files[request.url ?? '/'];
    response.setHeader('Content-Security-Policy', CSP);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const lineTexts = (page: Page) =>
  page
    .locator('passrotate-password li')
    .evaluateAll((lis) => lis.map((li) => li.firstChild?.textContent ?? ''));

describe.skipIf(chromiumBinary === undefined)('<passrotate-password> in Chromium under a strict CSP', () => {
  let built: BuiltElement;
  let server: Server;
  let chromium: TestBrowser;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    built = await buildElement();
    server = await serve(built.code, await splitBuild(), requested);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    chromium = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await new Promise((resolve) => server?.close(resolve));
    await built?.remove();
  });

  async function open(path: string) {
    const context = await chromium.browser.newContext({
      viewport: { width: 640, height: 720 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const problems = watchPage(page);
    const answer = await page.goto(`${base}${path}`);
    expect(answer?.headers()['content-security-policy']).toBe(CSP);
    return { page, problems, close: () => context.close() };
  }

  it('ticks the lines as the user types, generates, shows and copies — by keyboard', async () => {
    const { page, problems, close } = await open('/inline.html');
    const element = page.locator('passrotate-password[data-state="ready"]');
    await element.waitFor();
    const input = page.locator('#new');
    await expect(input.getAttribute('minlength')).resolves.toBe('10');
    await expect(input.getAttribute('passwordrules')).resolves.toContain('required: upper');

    // One line per requirement but similarity (this form has no current-password field).
    const expected = describePolicy(policy, { locale: 'en' }).filter(
      (l) => l.code !== 'too_similar_to_current',
    );
    await expect(lineTexts(page)).resolves.toEqual(expected.map((l) => l.text));
    await expect(page.locator('li.unmet:not(.touched)').count()).resolves.toBe(expected.length - 2);
    // The list describes the input; its title labels the list.
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const listId = await page.locator('ul[data-role="requirements"]').getAttribute('id');
    const listLabel = await page.locator('ul[data-role="requirements"]').getAttribute('aria-labelledby');
    expect(describedBy.split(' ')).toContain(listId);
    await expect(page.locator(`#${listLabel}`).textContent()).resolves.toBe('Your new password must:');
    await screenshot(page, 'element-01-empty');

    // Keyboard: Tab from the top reaches the input, then Show, Generate, Copy in that order.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new');
    await page.keyboard.type('abc');
    const line = (code: string) => page.locator(`li[data-code="${code}"]`);
    await expect(line('missing_lowercase').getAttribute('class')).resolves.toBe('met touched');
    await expect(line('too_short').getAttribute('class')).resolves.toBe('unmet touched');
    await expect(line('missing_digit').locator('[data-role="state"]').textContent()).resolves.toBe(
      ' (not met yet)',
    );
    await expect(line('missing_lowercase').locator('[data-role="state"]').textContent()).resolves.toBe(
      ' (met)',
    );
    await expect(line('common_password').getAttribute('class')).resolves.toBe('pending touched');
    await expect(line('common_password').locator('[data-role="state"]').textContent()).resolves.toBe(
      ' (checked when you save)',
    );
    // The polite live region sums up once typing pauses.
    const status = page.locator('[data-role="status"][aria-live="polite"]');
    await expect
      .poll(() => status.textContent(), { timeout: 5_000 })
      .toMatch(/^\d+ of \d+ requirements met$/);
    await screenshot(page, 'element-02-typing');

    // The confirmation hint.
    await page.fill('#confirm', 'abd');
    await expect(page.locator('[data-role="match"]').textContent()).resolves.toBe(
      'The new password and its confirmation do not match.',
    );
    await expect(page.locator('#confirm').getAttribute('aria-invalid')).resolves.toBe('');
    await expect(page.locator('#confirm').getAttribute('aria-describedby')).resolves.toBe(
      await page.locator('[data-role="match"]').getAttribute('id'),
    );

    await input.focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'toggle',
    );
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'generate',
    );
    await page.keyboard.press('Enter');
    const generated = await input.inputValue();
    expect(validatePassword(policy, generated, { account: ACCOUNT })).toEqual({ ok: true, violations: [] });
    await expect(page.locator('#confirm').inputValue()).resolves.toBe(generated);
    await expect(page.locator('[data-role="match"]').textContent()).resolves.toBe('');
    await expect(input.getAttribute('type')).resolves.toBe('text');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new');
    await expect(page.locator('li.unmet').count()).resolves.toBe(0);
    await expect(page.locator('li.met').count()).resolves.toBe(expected.length - 2);
    await expect(status.textContent()).resolves.toBe(ELEMENT_MESSAGES.en.generated);
    await screenshot(page, 'element-03-generated');

    // Show/Hide toggles both fields.
    await page.click('[data-action="toggle"]');
    await expect(input.getAttribute('type')).resolves.toBe('password');
    await expect(page.locator('#confirm').getAttribute('type')).resolves.toBe('password');
    await expect(page.locator('[data-action="toggle"]').textContent()).resolves.toBe('Show');
    await page.click('[data-action="toggle"]');
    await expect(page.locator('[data-action="toggle"]').textContent()).resolves.toBe('Hide');

    // Copy puts the value on the clipboard.
    await page.click('[data-action="copy"]');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(generated);
    await expect(page.locator('[data-role="copy-label"]').textContent()).resolves.toBe('Copied');
    await screenshot(page, 'element-04-copied');

    expect(problems).toEqual([]);
    await close();
  }, 60_000);

  it('reads the policy from a JSON endpoint answering { spec }', async () => {
    const { page, problems, close } = await open('/remote.html');
    await page.locator('passrotate-password[data-state="ready"]').waitFor();
    const expected = describePolicy(policy, { locale: 'en' }).filter(
      (l) => l.code !== 'too_similar_to_current',
    );
    await expect(lineTexts(page)).resolves.toEqual(expected.map((l) => l.text));
    // data-actions left Copy out, data-label-generate renamed Generate; no data-confirm, so no hint.
    await expect(page.locator('[data-action]').allTextContents()).resolves.toEqual(['Show', 'New']);
    await expect(
      page.locator('[data-action]').evaluateAll((b) => b.map((x) => x.getAttribute('data-action'))),
    ).resolves.toEqual(['toggle', 'generate']);
    await expect(page.locator('[data-role="match"]').count()).resolves.toBe(0);
    await page.click('[data-action="generate"]');
    expect(validatePassword(policy, await page.locator('#new').inputValue()).ok).toBe(true);
    expect(problems).toEqual([]);
    await close();
  }, 30_000);

  it('judges the common-password line once the list chunk has loaded at the first focus (data-common-passwords="lazy")', async () => {
    const { page, problems, close } = await open('/split/lazy.html');
    await page.locator('passrotate-password[data-state="ready"]').waitFor();
    const isListChunk = (url: string) => /^\/split\/common-passwords-[\w-]+\.js$/.test(url);
    // Not fetched with the page: only when the field gets focus.
    expect(requested.filter(isListChunk)).toEqual([]);
    const line = page.locator('li[data-code="common_password"]');
    await expect(line.getAttribute('class')).resolves.toBe('pending');
    await page.locator('#new').focus();
    await page.keyboard.type('Password2024!');
    await page.waitForSelector('li.unmet.touched[data-code="common_password"]');
    await expect(line.locator('[data-role="state"]').textContent()).resolves.toBe(' (not met yet)');
    expect(requested.filter(isListChunk)).toHaveLength(1);
    await page.locator('#new').fill('Quartz-Vivid-7');
    await page.waitForSelector('li.met[data-code="common_password"]');
    expect(problems).toEqual([]);
    await close();
  }, 30_000);

  it('keeps the common-password line pending in the published file, which has no list to load', async () => {
    const { page, problems, close } = await open('/lazy.html');
    await page.locator('passrotate-password[data-state="ready"]').waitFor();
    await page.locator('#new').focus();
    await page.keyboard.type('Password2024!');
    await page.waitForSelector('li.unmet[data-code="too_short"]', { state: 'detached' });
    // The load was tried and failed quietly: the line still says the server decides.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    const line = page.locator('li[data-code="common_password"]');
    await expect(line.getAttribute('class')).resolves.toBe('pending touched');
    await expect(line.locator('[data-role="state"]').textContent()).resolves.toBe(' (checked when you save)');
    expect(problems).toEqual([]);
    await close();
  }, 30_000);

  it('leaves the plain input when the policy cannot be read', async () => {
    const { page, problems, close } = await open('/broken.html');
    await page.locator('passrotate-password[data-state="error"]').waitFor();
    await expect(page.locator('passrotate-password button').count()).resolves.toBe(0);
    await expect(page.locator('#new').getAttribute('type')).resolves.toBe('password');
    expect(problems.some((p) => p.includes('404'))).toBe(true);
    expect(problems.some((p) => p.includes('passrotate-password: no usable policy'))).toBe(true);
    await close();
  }, 30_000);

  it('speaks en, de, fr, nl and es from the page language', async () => {
    for (const locale of ['en', 'de', 'fr', 'nl', 'es'] as const satisfies readonly LocaleId[]) {
      const { page, problems, close } = await open(`/${locale}.html`);
      await page.locator('passrotate-password[data-state="ready"]').waitFor();
      const words = ELEMENT_MESSAGES[locale];
      const expected = describePolicy(policy, { locale }).filter((l) => l.code !== 'too_similar_to_current');
      await expect(lineTexts(page)).resolves.toEqual(expected.map((l) => l.text));
      await expect(page.locator('.passrotate-title').textContent()).resolves.toBe(words.requirements);
      await expect(page.locator('[data-action]').allTextContents()).resolves.toEqual([
        words.show,
        words.generate,
        words.copy,
      ]);
      await page.locator('#new').fill('x');
      await page.locator('#confirm').fill('y');
      await expect(page.locator('[data-role="match"]').textContent()).resolves.toBe(words.mismatch);
      await expect(page.locator('li[data-code="too_short"] [data-role="state"]').textContent()).resolves.toBe(
        ` (${words.unmet})`,
      );
      await screenshot(page, `element-05-locale-${locale}`);
      expect(problems).toEqual([]);
      await close();
    }
  }, 60_000);
});
