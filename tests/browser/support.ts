// What the journeys share: signing in as a demo official, the main navigation, and the steps
// that several journeys take on the way to what they check (diarising and forwarding a letter,
// opening a file and acting on it). Each helper waits for the step's visible outcome before it
// returns, so a journey reads as a list of things done.
import { expect, Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';

/// Every demo official's password.
export const PASSWORD = 'Daftar@2026';

/// Where journeys put their screenshots.
export const shots = process.env.DAFTAR_SCREENSHOTS ?? 'test-results/screens';

const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

/// Signs in on an open page and waits for the inbox.
export async function signInOn(page: Page, employeeId: string) {
  await page.goto('/login');
  await page.getByLabel('Employee ID').fill(employeeId);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
}

/// Signs in, in a browser context of its own (one official's session).
export async function signIn(browser: Browser, employeeId: string, options: BrowserContextOptions = desktop) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInOn(page, employeeId);
  return { context, page };
}

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/// Fails if the page scrolls sideways (what a phone must never do).
export async function noSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/// A post chosen through the department → office → post selects.
export interface PostPick {
  dept: string;
  office: string;
  post: string;
}

export const posts = {
  ggnDc: { dept: 'Revenue and Disaster Management', office: 'Deputy Commissioner, Gurugram', post: 'DC-GGN-DC' },
  finSo: { dept: 'Finance', office: 'Finance, Headquarters', post: 'FIN-HQ-SO' },
  finDs: { dept: 'Finance', office: 'Finance, Headquarters', post: 'FIN-HQ-DS' },
  cmoSo: { dept: "Chief Minister's Office", office: "Chief Minister's Office, Headquarters", post: 'CMO-HQ-SO' },
} satisfies Record<string, PostPick>;

/// Chooses a post in the picker inside `scope`.
export async function pickPost(scope: Locator | Page, to: PostPick) {
  await scope.getByLabel('Department').selectOption({ label: to.dept });
  await scope.getByLabel('Office').selectOption({ label: to.office });
  await scope.getByLabel('Post', { exact: true }).selectOption(to.post);
}

/// The letter as the diarise form asks for it; the selects take the API's wire names.
export interface Letter {
  sender: string;
  subject: string;
  date?: string;
  mode?: string;
  category?: string;
  classification?: string;
  medium?: 'electronic' | 'physical';
}

/// Opens the diarise form and fills in the letter, without diarising it.
export async function fillLetter(page: Page, letter: Letter) {
  await page.getByRole('link', { name: 'Diarise receipt' }).click();
  await page.getByLabel('Sender').fill(letter.sender);
  await page.getByLabel('Subject').fill(letter.subject);
  await page.getByLabel('Letter date').fill(letter.date ?? '2026-11-02');
  if (letter.mode) await page.getByLabel('Mode').selectOption(letter.mode);
  if (letter.category) await page.getByLabel('Category').selectOption(letter.category);
  if (letter.classification) await page.getByLabel('Classification').selectOption(letter.classification);
  if (letter.medium) await page.getByLabel('Medium').selectOption(letter.medium);
}

/// Diarises a letter and returns its diary number, from the receipt page it lands on.
export async function diarise(page: Page, letter: Letter): Promise<string> {
  await fillLetter(page, letter);
  await page.getByRole('button', { name: 'Diarise' }).click();
  const number = page.locator('.diary-number');
  await expect(number).toHaveText(/^[A-Z0-9-]+\/\d{4}\/\d+$/);
  await expect(page.getByText(letter.subject).first()).toBeVisible();
  return (await number.textContent())!.trim();
}

/// The forward form on a receipt page.
export const forwardForm = (page: Page) => page.getByRole('region', { name: 'Send this receipt on' });

/// Forwards the receipt on screen to `to`, with copies for information to `copies`, and waits
/// for the page to say where it went.
export async function forwardReceipt(
  page: Page,
  to: PostPick,
  { remarks = '', priority = 'normal', copies = [] as PostPick[] } = {},
) {
  const form = forwardForm(page);
  const copyGroup = form.getByRole('group', { name: 'Copies for information' });
  for (const copy of copies) {
    await copyGroup.getByRole('button', { name: 'Add copy' }).click();
    await pickPost(copyGroup, copy);
    await copyGroup.getByRole('button', { name: 'Add this copy' }).click();
    await expect(copyGroup.getByRole('listitem').filter({ hasText: copy.post })).toBeVisible();
  }
  await expect(copyGroup.getByRole('listitem')).toHaveCount(copies.length);
  await pickPost(form, to);
  await form.getByLabel('Remarks').fill(remarks);
  await form.getByLabel('Priority').selectOption(priority);
  await form.getByRole('button', { name: 'Forward' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Receipt forwarded to' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Forward' })).toHaveCount(0);
}

/// The inbox's receipt lists: Inbox, Sent, Diarised here, Closed.
export async function receiptList(page: Page, list: 'Inbox' | 'Sent' | 'Diarised here' | 'Closed') {
  await nav(page).getByRole('link', { name: 'Inbox', exact: true }).click();
  await page.getByRole('tab', { name: 'Receipts' }).click();
  const lists = page.getByRole('group', { name: 'Receipts' });
  await lists.getByRole('button', { name: list, exact: true }).click();
  await expect(lists.getByRole('button', { name: list, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await receiptsShown(page);
}

/// Waits until the Receipts tab shows its list: a table, or the words that it is empty.
export async function receiptsShown(page: Page) {
  const panel = page.getByRole('tabpanel', { name: 'Receipts' });
  await expect(panel.getByRole('table').or(panel.locator('.empty-state'))).toBeVisible();
}

/// Opens a new file from the navigation and returns its number.
export async function createFile(page: Page, subject: string, category = 'budget') {
  await nav(page).getByRole('link', { name: 'New file' }).click();
  await expect(page.getByRole('heading', { name: 'Open a new file' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await page.getByLabel('Category').selectOption(category);
  await page.getByLabel('Subject head').fill('gen');
  await page.getByLabel('Remarks').fill('Opened on the inward letter.');
  await page.getByRole('button', { name: 'Create file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'File opened' })).toBeVisible();
  await expect(page.getByText(subject).first()).toBeVisible();
  return (await page.locator('.file-number').textContent())!.trim();
}

/// Opens an action from the file's action bar and returns its dialog.
export async function openAction(page: Page, name: string): Promise<Locator> {
  await page.getByRole('group', { name: 'File actions' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/// Sends the file on screen to another post.
export async function sendFile(page: Page, to: PostPick, remarks: string, priority = 'normal') {
  const dialog = await openAction(page, 'Send');
  await pickPost(dialog, to);
  await dialog.getByLabel('Remarks').fill(remarks);
  await dialog.getByLabel('Priority').selectOption(priority);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'File sent to' })).toBeVisible();
}
