// Attachments: a diary clerk diarises a letter with its scanned PDF, and the PDF comes back from
// the receipt page with its real type. Wrong types are refused before anything is sent.
import { test, expect, Page } from '@playwright/test';

const PASSWORD = 'Daftar@2026';
const shots = process.env.DAFTAR_SCREENSHOTS ?? 'test-results/screens';

async function signIn(page: Page, employeeId: string) {
  await page.goto('/login');
  await page.getByLabel('Employee ID').fill(employeeId);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
}

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

test('diarise a letter with its scanned PDF and download it from the receipt', async ({ browser }) => {
  const subject = `Scanned representation ${Date.now()}`;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'HR1001');

  await page.getByRole('link', { name: 'Diarise receipt' }).click();
  await page.getByLabel('Sender').fill('Sarpanch, Gram Panchayat Sohna');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Letter date').fill('2026-11-02');
  await page.getByLabel('Classification').selectOption('confidential');

  // A text file is refused at once.
  await page.getByLabel('Attachments').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText('Not accepted: only PDF, JPEG or PNG files.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove notes.txt' }).click();

  await page.getByLabel('Attachments').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText('letter.pdf')).toBeVisible();
  await expect(page.getByText('Uploaded', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Preview' })).toBeVisible();
  await page.screenshot({ path: `${shots}/diarise-attachment.png`, fullPage: true });
  await page.getByRole('button', { name: 'Diarise' }).click();

  await expect(page.getByText(/DC-GGN\/\d{4}\/\d+/).first()).toBeVisible();
  const link = page.getByRole('link', { name: 'letter.pdf' });
  await expect(link).toBeVisible();
  await expect(page.getByText(/PDF, \d+ B/)).toBeVisible();
  await page.screenshot({ path: `${shots}/receipt-attachment.png`, fullPage: true });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/api\/v1\/receipts\/.+\/attachments\/1$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await context.close();
});
