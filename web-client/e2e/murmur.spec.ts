import { expect, test, type Page } from '@playwright/test';
import {
  DESKTOP,
  PHONE,
  axeResults,
  checkAccessibility,
  open,
  expectNoSidewaysScroll,
  javascriptSize,
  jpeg,
  screenshot,
  signIn,
  signUp,
  unique,
  writeJson,
  type Person,
} from './support';

/**
 * Two people meet on Murmur through the web client, against the real platform: Ana posts a
 * photo, Bo follows her, sees it in his feed, likes it, and Ana's badge says so live.
 */
test.describe.configure({ mode: 'serial' });

let ana: Person;
let bo: Person;
const marker = unique('harbour');
const alt = `A blue and orange gradient with a white sun (${marker})`;
const postText = `First light over the ${marker} #murmurweb`;

function post(page: Page, text: string) {
  return page.getByTestId('post').filter({ hasText: text });
}

async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-badge');
  return (await badge.count()) === 0 ? 0 : Number((await badge.textContent())?.replace('+', '') ?? 0);
}

test('sign up, and a wrong password is shown beside the form as the API words it', async ({ browser }) => {
  ana = await signUp(browser, 'ana');
  bo = await signUp(browser, 'bo');
  await checkAccessibility(ana.page, 'feed (empty)');

  const { page, context } = await open(browser);
  await page.goto('/');
  await checkAccessibility(page, 'sign in');
  await page.getByLabel('Handle or email').fill(ana.handle);
  await page.getByLabel('Password').fill('not-the-password');
  await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await context.close();
});

test('Bo finds Ana with the people typeahead and follows her', async () => {
  const page = bo.page;
  await page.getByRole('link', { name: 'Search' }).click();
  const people = page.getByRole('combobox', { name: 'Find people by handle or name' });
  const option = page.getByRole('option').filter({ hasText: `@${ana.handle}` });
  await expect(async () => {
    await people.fill('');
    await people.fill(ana.handle);
    await expect(option).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await people.press('ArrowDown');
  await people.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ana' })).toBeVisible();
  await page.getByTestId('follow').click();
  await expect(page.getByTestId('follow')).toHaveText('Unfollow');
  await expect(page.getByTestId('followers-count')).toHaveText('1');
  await page.reload();
  await expect(page.getByTestId('follow')).toHaveText('Unfollow');
});

test('Ana posts a photo with alt text and a focus point, with upload progress', async () => {
  const page = ana.page;
  await page.goto('/#/');
  const composer = page.getByTestId('composer').first();
  await composer.getByLabel('What is happening?').fill(postText);
  await expect(composer.getByTestId('char-count')).toContainText(String(280 - [...postText].length));
  await composer.getByTestId('add-photos').setInputFiles({ name: 'sunrise.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
  await composer.getByLabel('Alt text for image 1').fill(alt);
  const picker = composer.getByTestId('focus-picker');
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  const [x, y] = ((await picker.getAttribute('aria-label')) ?? '').match(/-?\d+(\.\d+)?/g)!.slice(1).map(Number);
  expect(x).toBeCloseTo(0.5, 1);
  expect(y).toBeCloseTo(0.5, 1);
  await checkAccessibility(page, 'composer');
  await screenshot(page, 'composer');
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  const mine = post(page, postText);
  await expect(mine).toBeVisible();
  await expect(mine.locator(`img[alt="${alt}"]`)).toBeVisible();
});

test('Bo sees the post in his feed, announced without the list jumping', async () => {
  const page = bo.page;
  await page.goto('/#/');
  const mine = post(page, postText);
  await expect(async () => {
    if (!(await mine.isVisible())) {
      const fresh = page.getByTestId('new-posts');
      if (await fresh.isVisible()) {
        await fresh.click();
      } else {
        await page.reload();
      }
    }
    await expect(mine).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 60_000 });
  const image = mine.locator(`img[alt="${alt}"]`);
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await mine.getByRole('button', { name: /View image 1 full size/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('img', { name: alt })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(mine.getByRole('button', { name: /View image 1 full size/ })).toBeFocused();
});

test("Bo likes the post and Ana's unread badge updates live", async () => {
  const before = await badgeCount(ana.page);
  const mine = post(bo.page, postText);
  await mine.getByTestId('like').click();
  await expect(mine.getByTestId('like')).toHaveAttribute('aria-pressed', 'true');
  await expect(mine.getByTestId('like-count')).toHaveText('1');
  await expect.poll(() => badgeCount(ana.page), { timeout: 30_000 }).toBeGreaterThan(before);

  await bo.page.reload();
  await expect(post(bo.page, postText).getByTestId('like')).toHaveAttribute('aria-pressed', 'true');
  await checkAccessibility(bo.page, 'feed');
  await screenshot(bo.page, 'feed');

  await ana.page.getByTestId('notifications-link').click();
  const liked = ana.page.getByTestId('notification').filter({ hasText: 'liked your post' });
  await expect(liked).toBeVisible();
  await expect(liked).toContainText('Bo');
  await expect(ana.page.getByTestId('notification').filter({ hasText: 'followed you' })).toBeVisible();
  await expect(ana.page.getByTestId('unread-badge')).toHaveCount(0);
  await checkAccessibility(ana.page, 'notifications');
  await screenshot(ana.page, 'notifications');
});

test('search finds the post, and a query that does not parse is explained beside the field', async () => {
  const page = bo.page;
  await page.getByRole('link', { name: 'Search' }).click();
  const field = page.getByTestId('post-search');
  await field.fill('"unclosed');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.locator('#posts-q-error')).toContainText(/quote/i);
  await page.getByRole('button', { name: 'Search operators' }).click();
  await expect(page.getByRole('region', { name: 'Search operators' })).toContainText('from:ana');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Search operators' })).toHaveCount(0);

  await expect(async () => {
    await field.fill(`${marker} from:${ana.handle} has:media`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(post(page, postText)).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await checkAccessibility(page, 'search');
  await screenshot(page, 'search');

  await page.goto(`/#/u/${ana.handle}`);
  await expect(post(page, postText)).toBeVisible();
  await checkAccessibility(page, 'profile');
  await screenshot(page, 'profile');
});

test('on a 360 px screen the composer and the feed are usable', async ({ browser }) => {
  const phone = await signIn(browser, bo.handle, bo.password, PHONE);
  const page = phone.page;
  const text = `Posted from a phone ${unique('p')}`;
  await expectNoSidewaysScroll(page);
  const composer = page.getByTestId('composer').first();
  await composer.getByLabel('What is happening?').fill(text);
  const button = composer.getByRole('button', { name: 'Post', exact: true });
  await expect(button).toBeInViewport();
  await button.click();
  await expect(post(page, text)).toBeVisible();
  await expect(post(page, postText)).toBeVisible();
  const like = post(page, postText).getByTestId('like');
  await like.scrollIntoViewIfNeeded();
  await expect(like).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAccessibility(page, 'feed');
  await screenshot(page, 'feed');

  await composer.getByLabel('What is happening?').fill('Drafting on the phone');
  await composer.getByTestId('add-photos').setInputFiles({ name: 'sunrise.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
  await composer.getByLabel('Alt text for image 1').fill('A gradient');
  await expectNoSidewaysScroll(page);
  await checkAccessibility(page, 'composer');
  await screenshot(page, 'composer');
  await composer.getByRole('button', { name: 'Remove image 1' }).click();
  await composer.getByLabel('What is happening?').fill('');

  await page.goto(`/#/u/${ana.handle}`);
  await expect(post(page, postText)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await checkAccessibility(page, 'profile');
  await screenshot(page, 'profile');

  await page.getByTestId('notifications-link').click();
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await checkAccessibility(page, 'notifications');
  await screenshot(page, 'notifications');

  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByTestId('post-search').fill(marker);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(post(page, postText)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await checkAccessibility(page, 'search');
  await screenshot(page, 'search');
  await phone.context.close();
});

test('first load of the feed, cold and warm, and the JavaScript shipped', async ({ browser, request, baseURL }) => {
  const login = await request.post(`${baseURL}/api/v1/auth/login`, { data: { login: bo.handle, password: bo.password } });
  expect(login.ok()).toBe(true);
  const { refreshToken } = (await login.json()) as { refreshToken: string };
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript((token) => {
    if (!sessionStorage.getItem('murmur.refresh')) {
      sessionStorage.setItem('murmur.refresh', token);
    }
  }, refreshToken);
  const page = await context.newPage();
  const firstPost = async () => {
    await page.getByTestId('post').first().waitFor();
    return page.evaluate(() => Math.round(performance.now()));
  };
  await page.goto('/');
  const cold = await firstPost();
  await page.reload();
  const warm = await firstPost();
  const size = javascriptSize();
  const metrics = {
    feedFirstPostMs: { cold, warm },
    javascript: { files: size.files, rawBytes: size.raw, gzipBytes: size.gzip },
  };
  console.log(`First post rendered: cold cache ${cold} ms, warm cache ${warm} ms`);
  console.log(`JavaScript shipped: ${size.files} file(s), ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzip`);
  writeJson('e2e-metrics.json', metrics);
  expect(size.gzip).toBeLessThanOrEqual(150 * 1024);
  await context.close();
});

test.afterAll(async () => {
  const summary = {
    pages: axeResults,
    totals: axeResults.reduce(
      (sum, r) => ({
        critical: sum.critical + r.critical,
        serious: sum.serious + r.serious,
        moderate: sum.moderate + r.moderate,
        minor: sum.minor + r.minor,
      }),
      { critical: 0, serious: 0, moderate: 0, minor: 0 },
    ),
  };
  writeJson('axe-summary.json', summary);
  console.log(`axe-core: ${axeResults.length} checks, ${JSON.stringify(summary.totals)}`);
  await ana?.context.close();
  await bo?.context.close();
});
