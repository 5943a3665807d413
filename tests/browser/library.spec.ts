// The knowledge library and onboarding, as people use them: an employee finds the latest
// circular on a subject in English or in Hindi; an administrator onboards a district's staff
// from a CSV file, sees every bad row by its line, and loads the file once it is clean.
import { test, expect, Page } from '@playwright/test';
import { shots, signIn, nav } from './support';

async function search(page: Page, words: string, button: string) {
  await page.getByRole('searchbox').fill(words);
  await page.getByRole('button', { name: button }).click();
}

test('an employee finds the latest pension circular in English and in Hindi', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001');
  await nav(page).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Circulars, orders and manuals' })).toBeVisible();

  await search(page, 'pension', 'Search');
  const results = page.getByRole('list', { name: 'Documents found' }).getByRole('listitem');
  await expect(results.first()).toContainText('FD-2/14/2026-Pension');
  await expect(results.first()).toContainText('In force');
  const older = results.filter({ hasText: 'FD-2/9/2023-Pension' });
  await expect(older).toContainText('Superseded by FD-2/14/2026-Pension');
  await page.screenshot({ path: `${shots}/library-en.png`, fullPage: true });

  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await search(page, 'पेंशन', 'खोजें');
  const hindi = page.getByRole('list', { name: 'मिले दस्तावेज़' }).getByRole('listitem');
  await expect(hindi.first()).toContainText('FD-2/14/2026-Pension');
  await expect(hindi.first()).toContainText('पेंशन');
  await expect(hindi.first()).toContainText('लागू');
  await page.screenshot({ path: `${shots}/library-hi.png`, fullPage: true });

  await hindi.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'संस्करण', exact: true })).toBeVisible();
  await expect(page.locator('.library-versions tbody tr')).toHaveCount(2);
  await context.close();
});

const HEADER =
  'employee_id,name_en,name_hi,designation_en,designation_hi,cadre,date_of_joining,date_of_birth,phone,email,post_id,post_title_en,post_title_hi,office,section,roles';

function row(id: string, name: string, post: string) {
  return `${id},${name},मीना देवी,Clerk,लिपिक,CLERICAL,2020-04-01,1995-06-15,+91 98765-43210,${id.toLowerCase()}@hry.gov.in,${post},Clerk (General),लिपिक (सामान्य),DC-HSR,GEN,employee`;
}

test("an administrator onboards a district's staff from a CSV file", async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR9001');
  await nav(page).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Onboard from a CSV file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Onboard employees from a CSV file' })).toBeVisible();

  const box = page.getByLabel('Employees and posts (CSV)');
  const load = page.getByRole('button', { name: 'Load the employees' });
  const bad = [
    HEADER,
    'HR5001,Only three,fields',
    row('HR5002', 'Meena Devi', 'DC-HSR-CLK1'),
    row('HR5002', 'Meena Devi', 'DC-HSR-CLK2'),
    row('HR5004', '"=HYPERLINK(""http://x"",""y"")"', 'DC-HSR-CLK4'),
  ].join('\r\n');
  await box.fill(bad);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const problems = page.getByRole('table', { name: 'Rows to correct' });
  await expect(problems).toBeVisible();
  const lines = await problems.locator('tbody th').allInnerTexts();
  expect(new Set(lines.map((l) => l.trim()))).toEqual(new Set(['2', '4', '5']));
  await expect(load).toBeDisabled();
  await page.screenshot({ path: `${shots}/onboarding-problems.png`, fullPage: true });

  const good = [
    HEADER,
    row('HR5002', 'Meena Devi', 'DC-HSR-CLK1'),
    row('HR5003', 'Sunita Rani', 'DC-HSR-CLK2'),
    row('HR5004', 'Ramesh Chand', 'DC-HSR-CLK3'),
  ].join('\r\n');
  await box.fill(good);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All 3 rows are valid' })).toBeVisible();
  await load.click();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded 3 employees; 0 were already there.' })).toBeVisible();

  // The office's export now lists them, under Hindi headers when Hindi is chosen.
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await page.getByLabel('कार्यालय कोड').fill('DC-HSR');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV डाउनलोड करें' }).click()]);
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('कर्मचारी आईडी');
  expect(text).toContain('HR5003');
  await context.close();
});
