// The foundation journey, as officials would do it: a diary clerk in Gurugram diarises a letter
// and forwards it to the Finance department; the section officer there finds it in the inbox
// with its movement history. Also checked: Hindi, and a 360 px phone.
import { test, expect } from '@playwright/test';
import { diarise, fillLetter, forwardReceipt, noSideways, posts, shots, signIn, signInOn } from './support';

const wide = { viewport: { width: 1366, height: 900 } };

test('diarise, forward across departments, and the recipient finds it', async ({ browser }) => {
  const subject = `Repair of village pond ${Date.now()}`;

  const { context: clerkContext, page: clerk } = await signIn(browser, 'HR1001', wide);
  const number = await diarise(clerk, {
    sender: 'Sarpanch, Gram Panchayat Sohna',
    subject,
    mode: 'hand',
    category: 'grievance',
  });
  expect(number).toMatch(/^DC-GGN\/\d{4}\/\d+$/);
  await clerk.screenshot({ path: `${shots}/receipt-diarised.png`, fullPage: true });

  await forwardReceipt(clerk, posts.finSo, { remarks: 'Please examine and put up.', priority: 'urgent' });
  await expect(clerk.getByRole('heading', { name: 'Movement history' })).toBeVisible();
  await clerkContext.close();

  const { context: officerContext, page: officer } = await signIn(browser, 'HR2001', wide);
  const row = officer.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await officer.screenshot({ path: `${shots}/inbox-desktop.png`, fullPage: true });
  await row.getByRole('link').first().click();

  await expect(officer.getByRole('heading', { name: 'Movement history' })).toBeVisible();
  const history = officer.getByRole('table').filter({ has: officer.getByRole('columnheader') }).last();
  await expect(history.getByText('Please examine and put up.')).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Forward' })).toBeVisible();

  // The same page in Hindi.
  await officer.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(officer.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(officer.getByRole('button', { name: 'English' })).toBeVisible();
  await officer.screenshot({ path: `${shots}/receipt-hindi.png`, fullPage: true });
  await officerContext.close();
});

test('a 360 px phone can diarise a letter and read the inbox', async ({ browser }) => {
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
  const { context, page } = await signIn(browser, 'HR1001', phone);
  await noSideways(page);

  await fillLetter(page, { sender: 'Tehsildar, Sohna', subject: 'Demarcation report of khasra 112', date: '2026-11-10' });
  await noSideways(page);
  await page.getByRole('button', { name: 'Diarise' }).click();
  await expect(page.getByText(/DC-GGN\/\d{4}\/\d+/).first()).toBeVisible();
  await noSideways(page);

  await page.getByRole('link', { name: 'Inbox', exact: true }).click();
  await expect(page.getByText('Demarcation report of khasra 112')).toBeVisible();
  await noSideways(page);
  await page.screenshot({ path: `${shots}/inbox-phone.png`, fullPage: true });
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('heading', { name: 'आवक पेटी' })).toBeVisible();
  await page.screenshot({ path: `${shots}/inbox-phone-hindi.png`, fullPage: true });
  await context.close();
});

test('a wrong password is announced, not silently ignored', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Employee ID').fill('HR1001');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').or(page.locator('[aria-live]')).filter({ hasText: /password/i }).first()).toBeVisible();
});

test('a long inbox loads its next page on request', async ({ browser, baseURL }) => {
  // Given a diary clerk with more receipts waiting than one page holds (25)
  const { context, page } = await signIn(browser, 'HR2003', wide);
  for (let i = 1; i <= 27; i++) {
    const reply = await page.request.post('/api/v1/receipts', {
      headers: { origin: baseURL!, 'idempotency-key': `paging-${Date.now()}-${i}` },
      data: { at_post: 'FIN-HQ-CRU', letter: { sender: 'Treasury Officer, Ambala', subject: `Bill ${i} for sanction`, letter_date: '2026-11-01', mode: 'post', category: 'government_letter' }, remarks: '' },
    });
    expect(reply.status()).toBe(201);
  }
  // When the inbox is opened, one page shows; "Load more" brings the rest
  await page.reload();
  const rows = page.getByRole('row').filter({ hasText: 'Treasury Officer, Ambala' });
  await expect(rows).toHaveCount(25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(27);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await context.close();
});

test('only registry staff are offered the diarise form', async ({ page }) => {
  await signInOn(page, 'HR2001');
  await expect(page.getByRole('link', { name: 'Diarise receipt' })).toHaveCount(0);
  await page.goto('/receipts/new');
  await expect(page.getByText('You do not hold any post at which letters can be diarised.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Diarise' })).toHaveCount(0);
});
