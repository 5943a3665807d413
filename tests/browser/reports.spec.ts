// The reports, as headquarters and a section officer use them: the departmental summary whose
// total is the sum of its departments, downloaded as CSV with Hindi headings when Hindi is on
// screen; pendency with ageing for an office; month-wise movement with twelve months and a
// total; the dispatch register; and the files a desk sent that wait elsewhere.
import { test, expect, Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { shots, signIn, nav, noSideways } from './support';

const count = (text: string) => Number(text.replace(/[^\d]/g, '') || '0');

/// The first figure ("Pending" files) of a summary row.
async function pendingFiles(row: Locator): Promise<number> {
  return count(await row.locator('td').first().innerText());
}

async function download(page: Page, link: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
}

test("headquarters reads the departmental summary, its total adds up, and downloads it in Hindi", async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR4001');
  await nav(page).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await page.getByRole('link', { name: 'Departmental summary' }).click();

  const table = page.getByRole('table', { name: 'Departmental summary' });
  const rows = table.locator('tbody tr');
  await expect(rows.filter({ hasText: 'Finance' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '(District)' }).first()).toBeVisible();
  const total = rows.filter({ hasText: 'Total —' });
  await expect(total).toHaveCount(1);

  // The state's total is the sum of its departments (districts are inside their departments).
  let sum = 0;
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const name = await row.locator('th').innerText();
    if (!name.includes('(District)') && !name.startsWith('Total')) sum += await pendingFiles(row);
  }
  const stated = await pendingFiles(total);
  expect(stated).toBeGreaterThan(0);
  expect(sum).toBe(stated);
  await page.screenshot({ path: `${shots}/report-summary-en.png`, fullPage: true });

  const shown = await rows.count();
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'विभागीय सारांश' })).toBeVisible();
  const csv = await download(page, page.getByRole('link', { name: 'CSV डाउनलोड करें' }));
  const [heading, ...lines] = csv.split(/\r?\n/).filter((l) => l.length > 0);
  expect(heading).toContain('लंबित');
  expect(lines.length).toBe(shown);
  await page.screenshot({ path: `${shots}/report-summary-hi.png`, fullPage: true });
  await context.close();
});

test('a section officer reads pendency with ageing, month-wise movement and the dispatch register', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001');
  await page.goto('/reports/pendency');
  // A section officer's reports start on their own office.
  await expect(page.getByLabel('Office', { exact: true })).toHaveValue('FIN-HQ');
  const buckets = page.getByRole('table').first();
  await expect(buckets).toContainText('0–7 days');
  await expect(buckets).toContainText('Over 30 days');
  await page.screenshot({ path: `${shots}/report-pendency-en.png`, fullPage: true });

  await page.goto('/reports/monthly');
  const monthly = page.getByRole('table', { name: 'Month-wise movement' });
  await expect(monthly.locator('tbody tr')).toHaveCount(13);
  await expect(monthly.locator('tbody tr').last()).toContainText('Total');
  const created = monthly.locator('tbody tr').last().locator('td').first();
  expect(count(await created.innerText())).toBeGreaterThan(0);
  await page.screenshot({ path: `${shots}/report-monthly-en.png`, fullPage: true });

  await page.goto('/reports/my-files');
  await expect(page.getByRole('heading', { level: 1, name: 'My files pending with others' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'My files pending with others' }).or(page.getByText('None of the files your desk sent')),
  ).toBeVisible();

  await page.goto('/reports/dispatch');
  await expect(page.getByRole('heading', { level: 1, name: 'Dispatch register' })).toBeVisible();
  const register = await download(page, page.getByRole('link', { name: 'Download CSV' }));
  expect(register.split(/\r?\n/)[0]).toContain('Dispatch number');
  await context.close();
});

test('reports fit a phone and print without their controls', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto('/reports/disposal');
  await expect(page.getByRole('table', { name: 'Disposal time' })).toBeVisible();
  await noSideways(page);
  await page.screenshot({ path: `${shots}/report-disposal-phone.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Disposal time' })).toBeVisible();
  await context.close();
});
