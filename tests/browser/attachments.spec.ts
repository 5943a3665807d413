// Attachments: a diary clerk diarises a letter with its scanned PDF, and the PDF comes back from
// the receipt page with its real type. Wrong types are refused before anything is sent.
import { test, expect } from '@playwright/test';
import { fillLetter, nav, shots, signIn } from './support';

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

test('diarise a letter with its scanned PDF and download it from the receipt', async ({ browser }) => {
  const subject = `Scanned representation ${Date.now()}`;
  const { context, page } = await signIn(browser, 'HR1001', { viewport: { width: 1366, height: 900 } });
  await fillLetter(page, { sender: 'Sarpanch, Gram Panchayat Sohna', subject, classification: 'confidential' });

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

test('a paper file is digitised with its old number and scanned volume', async ({ browser }) => {
  const subject = `Land acquisition for the Sohna bypass ${Date.now()}`;
  const { context, page } = await signIn(browser, 'HR2001');
  await nav(page).getByRole('link', { name: 'New file' }).click();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await page.getByLabel('Subject head').fill('LAND');

  // The paper file's details sit in their own section of the form
  await page.getByText('Digitising a paper file').click();
  await page.getByLabel('Old file number (on paper)').fill('F.12/34/98-LA');
  await page.getByLabel('Scanned volumes').setInputFiles({ name: 'Volume-I.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText('Uploaded', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/digitise-form.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create file' }).click();

  // The new file shows where it came from, and its scan downloads as the PDF it was
  await expect(page.getByRole('status').filter({ hasText: 'File opened' })).toBeVisible();
  await expect(page.locator('.file-header')).toContainText('F.12/34/98-LA');
  const scans = page.getByRole('region', { name: 'Scanned volumes' });
  const link = scans.getByRole('link', { name: 'Volume-I.pdf' });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: `${shots}/digitised-file.png`, fullPage: true });
  await context.close();
});
