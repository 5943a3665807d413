// The control room, as headquarters uses it: the state's pendency by department and district,
// a drill-down that follows the oldest file to its desk, and the wall screen at 1080p and 4K
// that refreshes with conditional requests and can be signed in with a view-only account.
import { test, expect, Page, Locator } from '@playwright/test';
import { PASSWORD, shots, signIn, nav } from './support';

/// Reads a `dd-mm-yyyy` date as a number that sorts by time.
function dayNumber(text: string): number {
  const [d, m, y] = text.trim().split('-').map(Number);
  return y && m && d ? y * 10000 + m * 100 + d : Number.POSITIVE_INFINITY;
}

/// The row of a figures table whose last column ("Oldest waiting since") is the earliest.
async function oldestRow(table: Locator): Promise<{ link: Locator; since: string }> {
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  let best = -1;
  let bestDay = Number.POSITIVE_INFINITY;
  let since = '';
  for (let i = 0; i < count; i++) {
    const text = (await rows.nth(i).locator('td').last().innerText()).trim();
    const day = dayNumber(text);
    if (day < bestDay) {
      bestDay = day;
      best = i;
      since = text;
    }
  }
  expect(best, 'some row has a file waiting').toBeGreaterThanOrEqual(0);
  return { link: rows.nth(best).getByRole('link').first(), since };
}

/// The number in a figures tile.
async function tile(page: Page, label: string): Promise<number> {
  const value = page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
  return Number((await value.innerText()).replace(/,/g, ''));
}

test('headquarters sees every department and district and drills down to the desk with the oldest file', async ({ browser }) => {
  // Dates are office dates (India): the browser reads times in the same zone.
  const { context, page } = await signIn(browser, 'HR4001', { viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Kolkata' });
  await nav(page).getByRole('link', { name: 'Control room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All departments' })).toBeVisible();

  const departments = page.getByRole('table', { name: 'Departments' });
  const districts = page.getByRole('table', { name: 'Districts' });
  await expect(departments.locator('tbody tr')).toHaveCount(23);
  await expect(districts.locator('tbody tr')).toHaveCount(22);
  await expect(departments.getByRole('link', { name: 'Finance' })).toBeVisible();
  await expect(districts.getByRole('link', { name: 'Deputy Commissioner, Gurugram' })).toBeVisible();

  // The state's total is the sum of its departments' rows.
  const perDepartment = await departments.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Number((row.querySelectorAll('td')[0] as HTMLElement).innerText.replace(/,/g, ''))),
  );
  expect(perDepartment.every((n) => n > 0)).toBe(true);
  expect(await tile(page, 'Files pending')).toBe(perDepartment.reduce((a, b) => a + b, 0));
  await expect(page.getByRole('img', { name: /Files pending: Departments/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /last 14 days/ })).toBeVisible();

  // Follow the oldest file down: department → office → section → desk.
  const { link: dept, since } = await oldestRow(departments);
  await dept.click();
  const offices = page.getByRole('table', { name: 'Offices' });
  await expect(offices).toBeVisible();
  const office = await oldestRow(offices);
  expect(office.since).toBe(since);
  await office.link.click();
  const sections = page.getByRole('table', { name: 'Sections' });
  await expect(sections).toBeVisible();
  const section = await oldestRow(sections);
  expect(section.since).toBe(since);
  await section.link.click();
  const desks = page.getByRole('table', { name: 'Desks' });
  await expect(desks).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Where you are' }).getByRole('link')).toHaveCount(3);
  const desk = await oldestRow(desks);
  expect(desk.since).toBe(since);
  await desk.link.click();

  const files = page.getByRole('table', { name: 'Files pending here, longest waiting first' });
  await expect(files).toBeVisible();
  const first = files.locator('tbody tr').first();
  await expect(first.getByRole('link')).toBeVisible();
  expect((await first.locator('td').last().innerText()).slice(0, 10)).toBe(since);
  await page.screenshot({ path: `${shots}/control-desk.png`, fullPage: true });
  await context.close();
});

for (const [width, height] of [
  [1920, 1080],
  [3840, 2160],
]) {
  test(`the wall screen fills a ${width}×${height} screen in English and Hindi`, async ({ browser }) => {
    const { context, page } = await signIn(browser, 'HR4001', { viewport: { width, height } });
    await page.goto('/control/wall?rotate=0');
    const wall = page.getByRole('main', { name: 'All departments' });
    await expect(wall.getByRole('heading', { level: 1, name: 'All departments' })).toBeVisible();
    await expect(wall.getByRole('img', { name: /Files pending: Districts/ })).toBeVisible();
    // Nothing scrolls sideways, and the type is large enough to read across a room.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const headingSize = await wall.getByRole('heading', { level: 1 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(headingSize).toBeGreaterThanOrEqual(width >= 3840 ? 80 : 40);
    await page.screenshot({ path: `${shots}/control-wall-${width}x${height}.png` });

    await page.evaluate(() => localStorage.setItem('daftar.locale', 'hi'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'सभी विभाग' })).toBeVisible();
    await expect(page.getByRole('img', { name: /लंबित फ़ाइलें: ज़िले/ })).toBeVisible();
    await page.screenshot({ path: `${shots}/control-wall-${width}x${height}-hi.png` });
    await context.close();
  });
}

test('a wall screen signs in with a view-only account, asks again with its tag and keeps its figures', async ({ browser }) => {
  // A refresh comes every 30 seconds.
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Employee ID').fill('HR0001');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/control\/wall$/);
  await expect(page.getByRole('heading', { level: 1, name: 'All departments' })).toBeVisible();
  // The account holds no desk: there is no inbox to open and nothing to do but watch.
  await expect(page.getByRole('link', { name: 'New file' })).toHaveCount(0);

  // It turns to the departments in turn.
  await expect(page.getByText(/^\d+ of 24$/)).toBeVisible();

  // Held on the state's view, the next refresh sends the tag it holds and gets a 304: the
  // figures stay on screen.
  await page.goto('/control/wall?rotate=0');
  await expect(page.getByRole('heading', { level: 1, name: 'All departments' })).toBeVisible();
  const unchanged = await page.waitForResponse(
    (response) => response.url().includes('/api/v1/control') && response.status() === 304,
    { timeout: 50_000 },
  );
  expect(unchanged.request().headers()['if-none-match']).toMatch(/^W\/"/);
  await expect(page.getByText(/^Updated \d\d:\d\d:\d\d$/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'All departments' })).toBeVisible();
  await context.close();
});
