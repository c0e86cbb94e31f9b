import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { javascriptSize } from '../scripts/bundle-size.mjs';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };
export const TARGET = join(import.meta.dirname, '..', 'target');
export const SCREENSHOTS = join(TARGET, 'screenshots');

export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export interface Person {
  handle: string;
  password: string;
  page: Page;
  context: BrowserContext;
}

export async function open(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      console.log(`[browser ${viewport.width}px] ${message.text()}`);
    }
  });
  return { context, page };
}

/** Signs up through the form, as a person would, and lands on the home feed. */
export async function signUp(browser: Browser, name: string, viewport = DESKTOP): Promise<Person> {
  const { context, page } = await open(browser, viewport);
  const handle = unique(name);
  const password = `pw-${unique('x')}-long-enough`;
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign up' }).first().click();
  await page.getByLabel('Handle', { exact: true }).fill(handle);
  await page.getByLabel('Display name').fill(name[0]!.toUpperCase() + name.slice(1));
  await page.getByLabel('Email').fill(`${handle}@example.com`);
  await page.getByLabel('Password').fill(password);
  await page.locator('form').getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { handle, password, page, context };
}

export async function signIn(browser: Browser, handle: string, password: string, viewport = DESKTOP): Promise<Person> {
  const { context, page } = await open(browser, viewport);
  await page.goto('/');
  await page.getByLabel('Handle or email').fill(handle);
  await page.getByLabel('Password').fill(password);
  await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { handle, password, page, context };
}

/** A JPEG drawn on a canvas in the page: a small photo of known colours, made fresh each run. */
export async function jpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 320, 200);
    gradient.addColorStop(0, '#1d5fd1');
    gradient.addColorStop(1, '#f5a300');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 320, 200);
    context.fillStyle = '#ffffff';
    context.beginPath();
    context.arc(230, 70, 36, 0, Math.PI * 2);
    context.fill();
    return canvas.toDataURL('image/jpeg', 0.85);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width <= 400 ? 'phone' : 'desktop'}.png`) });
}

export interface AxeCounts {
  page: string;
  width: number;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  passes: number;
  violations: { id: string; impact: string | null | undefined; nodes: number; help: string }[];
}

export const axeResults: AxeCounts[] = [];

/** Runs axe-core on the page as it is (WCAG 2.1 A and AA rules) and keeps the counts. */
export async function checkAccessibility(page: Page, name: string): Promise<AxeCounts> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const count = (impact: string) => result.violations.filter((v) => v.impact === impact).length;
  const counts: AxeCounts = {
    page: name,
    width: page.viewportSize()?.width ?? 0,
    critical: count('critical'),
    serious: count('serious'),
    moderate: count('moderate'),
    minor: count('minor'),
    passes: result.passes.length,
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })),
  };
  axeResults.push(counts);
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    `axe-core on ${name} at ${counts.width}px`,
  ).toEqual([]);
  return counts;
}

export function writeJson(name: string, value: unknown): void {
  mkdirSync(TARGET, { recursive: true });
  writeFileSync(join(TARGET, name), JSON.stringify(value, null, 2) + '\n');
}

/** Fails if the page is wider than its viewport (content cut off or a sideways scroll). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}
