// Letters from a file: the section officer drafts a letter, approves it and issues it; it enters
// the office's dispatch register with its number and is marked dispatched there. Also: search
// finds a file by a word of its subject.
import { test, expect } from '@playwright/test';
import { createFile, nav, shots, signIn } from './support';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer <<>>\n%%EOF\n`);

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
  await drafts.getByLabel('Enclosures', { exact: true }).setInputFiles({ name: 'sanction-order.pdf', mimeType: 'application/pdf', buffer: pdf('Sanction order') });
  await expect(drafts.getByText('Uploaded', { exact: true })).toBeVisible();
  await drafts.getByRole('button', { name: 'Save draft letter' }).click();

  const first = drafts.getByRole('listitem').filter({ hasText: 'Draft 1 (version 1)' }).first();
  await expect(first).toContainText('Awaiting approval');
  await expect(first).toContainText('Treasury Officer, Gurugram');
  await expect(first).toContainText('Rajesh Verma — Section Officer (General Branch), Finance, Headquarters');
  await expect(first.getByRole('link', { name: 'sanction-order.pdf' })).toBeVisible();

  // A revision keeps the enclosures left ticked and adds new ones
  const revise = async (from: string) => {
    await drafts.getByRole('listitem').filter({ hasText: from }).first().getByRole('button', { name: 'Revise' }).click();
    return drafts.getByRole('group', { name: 'Revise' });
  };
  let editor = await revise('Draft 1 (version 1)');
  await expect(editor.getByLabel('sanction-order.pdf')).toBeChecked();
  await editor.getByLabel('Enclosures', { exact: true }).setInputFiles({ name: 'utilisation-format.pdf', mimeType: 'application/pdf', buffer: pdf('Format') });
  await expect(editor.getByText('Uploaded', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Save draft letter' }).click();
  const second = drafts.getByRole('listitem').filter({ hasText: 'Draft 1 (version 2)' }).first();
  await expect(second.getByRole('link', { name: 'sanction-order.pdf' })).toBeVisible();
  await expect(second.getByRole('link', { name: 'utilisation-format.pdf' })).toBeVisible();

  // and leaves out the ones unticked
  editor = await revise('Draft 1 (version 2)');
  await editor.getByLabel('sanction-order.pdf').uncheck();
  await editor.getByRole('button', { name: 'Save draft letter' }).click();
  const draft = drafts.getByRole('listitem').filter({ hasText: 'Draft 1 (version 3)' }).first();
  await expect(draft.getByRole('link')).toHaveText(['utilisation-format.pdf']);
  const format = draft.getByRole('link', { name: 'utilisation-format.pdf' });
  await expect(format).toBeVisible();
  const download = await page.request.get((await format.getAttribute('href'))!);
  expect(download.headers()['content-type']).toContain('application/pdf');
  expect((await download.body()).toString()).toContain('% Format');

  await draft.getByRole('button', { name: 'Approve' }).click();
  await expect(draft).toContainText('Approved by Rajesh Verma — Section Officer (General Branch), Finance, Headquarters (version 3)');
  await draft.getByLabel('Send by').selectOption('speed_post');
  await draft.getByRole('button', { name: 'Issue', exact: true }).click();
  await expect(draft).toContainText(/Issued as FIN-HQ\/D\/\d{4}\/\d+/);
  const number = (await draft.locator('.draft-status').textContent())!.replace('Issued as ', '').trim();
  await draft.getByRole('button', { name: 'Version history' }).click();
  await expect(draft.locator('.draft-versions').getByText('Version 1')).toBeVisible();
  await expect(draft.locator('.draft-versions .draft-version').first().getByRole('link')).toHaveText(['sanction-order.pdf']);
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
