import { expect } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`, done by .ci/run); no browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots kept as artefacts of the run (git-ignored). */
export const SHOTS = join(process.cwd(), 'test-results');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A person in their own browser context (their own cookie), signed in through the sign-in page. */
export async function signedIn(browser: Browser, api: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${api}/dashboard`);
  expect(page.url()).toContain('/dashboard/sign-in');
  await page.fill('input[name=token]', token);
  await page.click('form[action="/dashboard/sign-in"] button');
  await page.waitForURL(/\/dashboard(\?|$)/);
  return page;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it stands (injected through the DevTools protocol, so no script tag is
 * needed and a strict CSP stays): every serious or critical violation fails, with its rule and nodes.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await page.evaluate<Array<{ id: string; impact: string; nodes: string[] }>>(
    `${AXE}\n;axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  );
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: what, serious }).toEqual({ page: what, serious: [] });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** Reloads until `selector` shows up (a workflow's effect lands a moment after the click). */
export async function reloadUntil(page: Page, selector: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.locator(selector).count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`${selector} did not appear on ${page.url()} within ${timeoutMs} ms`);
    await page.waitForTimeout(500);
    await page.reload();
  }
}

/** The outcome banner after an action: the flash, or the refusal shown as an error. */
export async function outcome(page: Page): Promise<string> {
  await page.waitForSelector('.flash, .error');
  return (await page.textContent('.flash, .error'))!.trim();
}
