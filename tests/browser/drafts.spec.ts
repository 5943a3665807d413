// Letters from a file: the section officer drafts a letter, approves it and issues it; it enters
// the office's dispatch register with its number and is marked dispatched there. Also: search
// finds a file by a word of its subject.
import { test, expect, Page, Browser } from '@playwright/test';

const PASSWORD = 'Daftar@2026';
const shots = process.env.DAFTAR_SCREENSHOTS ?? 'test-results/screens';

async function signIn(browser: Browser, employeeId: string, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Employee ID').fill(employeeId);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  return { context, page };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function createFile(page: Page, subject: string) {
  await nav(page).getByRole('link', { name: 'New file' }).click();
  await expect(page.getByRole('heading', { name: 'Open a new file' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await page.getByLabel('Category').selectOption('budget');
  await page.getByLabel('Subject head').fill('gen');
  await page.getByRole('button', { name: 'Create file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'File opened' })).toBeVisible();
  return (await page.locator('.file-number').textContent())!.trim();
}

test('a draft letter is approved, issued and dispatched from the register', async ({ browser }) => {
  const stamp = Date.now();
  const { context, page } = await signIn(browser, 'HR2001');
  await createFile(page, `Supplementary grant to Gurugram ${stamp}`);

  const drafts = page.getByRole('region', { name: 'Draft letters' });
  await drafts.getByRole('button', { name: 'New draft' }).click();
  const letterSubject = `Release of supplementary grant ${stamp}`;
  await drafts.getByLabel('Letter subject').fill(letterSubject);
  await drafts.getByLabel('Addressees').fill('Deputy Commissioner, Gurugram\nTreasury Officer, Gurugram');
  await drafts.getByLabel('Letter text').fill('Rs 10 lakh is released.');
  await drafts.getByRole('button', { name: 'Save draft letter' }).click();

  const draft = drafts.getByRole('listitem').filter({ hasText: 'Draft 1 (version 1)' }).first();
  await expect(draft).toContainText('Awaiting approval');
  await expect(draft).toContainText('Treasury Officer, Gurugram');
  await draft.getByRole('button', { name: 'Approve' }).click();
  await expect(draft).toContainText('Approved by FIN-HQ-SO (version 1)');
  await draft.getByLabel('Send by').selectOption('speed_post');
  await draft.getByRole('button', { name: 'Issue', exact: true }).click();
  await expect(draft).toContainText(/Issued as FIN-HQ\/D\/\d{4}\/\d+/);
  const number = (await draft.locator('.draft-status').textContent())!.replace('Issued as ', '').trim();
  await draft.getByRole('button', { name: 'Version history' }).click();
  await expect(draft.locator('.draft-versions').getByText('Version 1')).toBeVisible();
  await page.screenshot({ path: `${shots}/draft-issued.png`, fullPage: true });

  await nav(page).getByRole('link', { name: 'Dispatch' }).click();
  await expect(page.getByRole('heading', { name: /Dispatch register/ })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText(letterSubject);
  await expect(row).toContainText('Speed post');
  await row.getByLabel('Postal or e-mail reference').fill('EH123456789IN');
  await row.getByRole('button', { name: 'Mark dispatched' }).click();
  await expect(row).toContainText('Dispatched');
  await expect(row).toContainText('EH123456789IN');
  await page.screenshot({ path: `${shots}/dispatch-register.png`, fullPage: true });
  await context.close();
});

test('search finds a file by a word of its subject', async ({ browser }) => {
  const word = `Kqx${Date.now()}`;
  const { context, page } = await signIn(browser, 'HR2001');
  const number = await createFile(page, `Stone quarry lease ${word}`);

  await nav(page).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Search' })).toBeVisible();
  await page.getByLabel('Find').fill(word.toLowerCase());
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const hit = page.getByRole('link', { name: number });
  await expect(hit).toBeVisible();
  await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
  await hit.click();
  await expect(page.getByText(`Stone quarry lease ${word}`).first()).toBeVisible();
  await context.close();
});
