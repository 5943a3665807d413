// What a desk does with a receipt besides forwarding it: copies for information that their
// holders acknowledge, closing a receipt that needs no file, a paper letter marked received
// when it reaches the desk, and the desk's receipt lists (Inbox, Sent, Diarised here, Closed).
import { test, expect, Browser, Page } from '@playwright/test';
import { diarise, forwardForm, forwardReceipt, posts, receiptList, receiptsShown, shots, signIn } from './support';

const copyBadge = 'Copy for information';
const history = (page: Page) => page.getByRole('table', { name: 'Movement history' });
const rowFor = (page: Page, subject: string) => page.getByRole('row').filter({ hasText: subject });

/// Opens the receipt from the inbox and closes it with the reason given.
async function closeFromInbox(page: Page, subject: string, reason: string) {
  await rowFor(page, subject).getByRole('link').first().click();
  await page.getByText('Close this receipt').click();
  await page.getByLabel('Reason for closing').fill(reason);
  await page.getByRole('button', { name: 'Close receipt' }).click();
}

test('a receipt forwarded with copies is work for its addressee and information for the copy holders', async ({ browser }) => {
  const subject = `Encroachment on the Sohna road ${Date.now()}`;

  // Given the Gurugram registry forwards a letter to the Deputy Commissioner, copied to Finance
  // and the Chief Minister's Office
  const clerk = await signIn(browser, 'HR1001');
  await diarise(clerk.page, { sender: 'Sarpanch, Gram Panchayat Sohna', subject });
  await forwardReceipt(clerk.page, posts.ggnDc, { remarks: 'For orders.', copies: [posts.finSo, posts.cmoSo] });
  await expect(history(clerk.page).getByRole('row').filter({ hasText: 'Forwarded' })).toContainText('For orders.');
  await clerk.context.close();

  // Then the Deputy Commissioner has it as an ordinary receipt, to act on
  const dc = await signIn(browser, 'HR1002');
  const work = rowFor(dc.page, subject);
  await expect(work).toHaveCount(1);
  await expect(work).toContainText('Diary Clerk (Central Registry), Deputy Commissioner, Gurugram');
  await expect(work.getByText(copyBadge)).toHaveCount(0);
  await expect(work.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await work.getByRole('link').first().click();
  await expect(forwardForm(dc.page).getByRole('button', { name: 'Forward' })).toBeVisible();
  await dc.context.close();

  // And each copy holder finds it marked as a copy, which they may read but not send on
  const fin = await signIn(browser, 'HR2001');
  const copy = rowFor(fin.page, subject);
  await expect(copy).toHaveCount(1);
  await expect(copy.getByText(copyBadge)).toBeVisible();
  await fin.page.screenshot({ path: `${shots}/inbox-copy.png`, fullPage: true });
  await copy.getByRole('link').first().click();
  await expect(fin.page.getByText('This receipt is not at your post, so you cannot send it on.')).toBeVisible();
  await expect(fin.page.getByRole('button', { name: 'Forward' })).toHaveCount(0);
  await expect(history(fin.page)).toContainText('For orders.');

  // When Finance acknowledges its copy, it leaves Finance's inbox for good
  await fin.page.goBack();
  await rowFor(fin.page, subject).getByRole('button', { name: 'Acknowledge' }).click();
  await expect(rowFor(fin.page, subject)).toHaveCount(0);
  await fin.page.reload();
  await receiptsShown(fin.page);
  await expect(rowFor(fin.page, subject)).toHaveCount(0);
  await fin.context.close();

  // But the other copy holder's copy is still waiting, and so is the addressee's receipt
  const cmo = await signIn(browser, 'HR3001');
  await expect(rowFor(cmo.page, subject).getByText(copyBadge)).toBeVisible();
  await cmo.context.close();
  const dcAgain = await signIn(browser, 'HR1002');
  await expect(rowFor(dcAgain.page, subject)).toHaveCount(1);
  await dcAgain.context.close();
});

test('the holder closes a receipt with a reason; it moves from the inbox to the Closed list', async ({ browser }) => {
  const stamp = Date.now();
  const closing = `Invitation to the Van Mahotsav ${stamp}`;
  const kept = `Request for a water tanker ${stamp}`;

  // Given the registry has diarised two letters and sent one to the Deputy Commissioner
  const clerk = await signIn(browser, 'HR1001');
  await diarise(clerk.page, { sender: 'Divisional Forest Officer, Gurugram', subject: closing });
  await forwardReceipt(clerk.page, posts.ggnDc, { remarks: 'For information.' });
  await diarise(clerk.page, { sender: 'Resident Welfare Association, Sector 45', subject: kept });

  // Then the registry's lists: both were diarised here, one was sent, one still waits here
  await receiptList(clerk.page, 'Diarised here');
  await expect(rowFor(clerk.page, closing)).toHaveCount(1);
  await expect(rowFor(clerk.page, kept)).toHaveCount(1);
  await receiptList(clerk.page, 'Sent');
  await expect(rowFor(clerk.page, closing)).toHaveCount(1);
  await expect(rowFor(clerk.page, kept)).toHaveCount(0);
  await receiptList(clerk.page, 'Inbox');
  await expect(rowFor(clerk.page, kept)).toHaveCount(1);
  await expect(rowFor(clerk.page, closing)).toHaveCount(0);
  await clerk.context.close();

  // A receipt is not closed without a reason
  const dc = await signIn(browser, 'HR1002');
  await closeFromInbox(dc.page, closing, '  ');
  await expect(dc.page.getByText('This field is required.')).toBeVisible();
  await expect(dc.page.getByLabel('Reason for closing')).toBeFocused();

  // When the Deputy Commissioner closes the receipt, giving the reason
  await dc.page.getByLabel('Reason for closing').fill('Noted; the office will attend.');
  await dc.page.getByRole('button', { name: 'Close receipt' }).click();

  // Then the receipt says it is closed, offers nothing more, and its history has the reason
  await expect(dc.page.getByRole('status').filter({ hasText: 'Receipt closed.' })).toBeVisible();
  await expect(dc.page.getByText('This receipt is closed.')).toBeVisible();
  await expect(dc.page.getByRole('button', { name: 'Forward' })).toHaveCount(0);
  await expect(dc.page.getByRole('button', { name: 'Close receipt' })).toHaveCount(0);
  const closed = history(dc.page).getByRole('row').filter({ hasText: 'Noted; the office will attend.' });
  await expect(closed).toContainText('Closed');
  await expect(closed).toContainText('Suresh Kumar');
  await dc.page.screenshot({ path: `${shots}/receipt-closed.png`, fullPage: true });

  // And it has left the inbox for the Closed list
  await receiptList(dc.page, 'Inbox');
  await expect(rowFor(dc.page, closing)).toHaveCount(0);
  await receiptList(dc.page, 'Closed');
  await expect(rowFor(dc.page, closing)).toHaveCount(1);
  await rowFor(dc.page, closing).getByRole('link').first().click();
  await expect(dc.page.getByText('This receipt is closed.')).toBeVisible();
  await dc.context.close();
});

test('the Sent list says where a receipt went, and the Closed list does not claim it was diarised there', async ({ browser }) => {
  const subject = `Survey of the Badshahpur drain ${Date.now()}`;
  const clerk = await signIn(browser, 'HR1001');
  await diarise(clerk.page, { sender: 'Executive Engineer, Gurugram', subject });
  await forwardReceipt(clerk.page, posts.ggnDc);
  await receiptList(clerk.page, 'Sent');
  await expect(rowFor(clerk.page, subject)).toContainText('Deputy Commissioner, Deputy Commissioner, Gurugram');
  await clerk.context.close();

  const dc = await signIn(browser, 'HR1002');
  await closeFromInbox(dc.page, subject, 'Filed for record.');
  await expect(dc.page.getByText('This receipt is closed.')).toBeVisible();
  await receiptList(dc.page, 'Closed');
  await expect(rowFor(dc.page, subject)).toHaveCount(1);
  await expect(rowFor(dc.page, subject)).not.toContainText('Diarised here');
  await dc.context.close();
});

/// Diarises a paper letter at the Gurugram registry and sends it to the Deputy Commissioner,
/// who then opens it; returns the Deputy Commissioner's session on the receipt page.
async function paperLetterAtTheDc(browser: Browser, subject: string) {
  const clerk = await signIn(browser, 'HR1001');
  await diarise(clerk.page, { sender: 'Tehsildar, Sohna', subject, medium: 'physical' });
  // The registry holds the paper it diarised, so it may send it on at once.
  await expect(clerk.page.getByText('Paper letter not yet received')).toHaveCount(0);
  await forwardReceipt(clerk.page, posts.ggnDc, { remarks: 'Original by dak.' });
  await clerk.context.close();

  const dc = await signIn(browser, 'HR1002');
  await rowFor(dc.page, subject).getByRole('link').first().click();
  await expect(dc.page.getByRole('heading', { name: 'Paper letter not yet received' })).toBeVisible();
  return dc;
}

test('a paper letter is marked received at the desk, and then it can be sent on', async ({ browser }) => {
  const subject = `Mutation record of village Bhondsi ${Date.now()}`;
  const dc = await paperLetterAtTheDc(browser, subject);
  await dc.page.screenshot({ path: `${shots}/receipt-paper-awaited.png`, fullPage: true });

  // When the Deputy Commissioner marks the paper received
  await dc.page.getByRole('button', { name: 'Mark received' }).click();

  // Then the page says so, the history records it, and the receipt can be forwarded
  await expect(dc.page.getByRole('status').filter({ hasText: 'Paper letter marked received.' })).toBeVisible();
  await expect(dc.page.getByRole('heading', { name: 'Paper letter not yet received' })).toHaveCount(0);
  await expect(dc.page.getByRole('button', { name: 'Mark received' })).toHaveCount(0);
  const received = history(dc.page).getByRole('row').filter({ hasText: 'Paper received' });
  await expect(received).toHaveCount(1);
  await expect(received).toContainText('Suresh Kumar');
  await forwardReceipt(dc.page, posts.finSo, { remarks: 'Finance may examine.' });
  await expect(dc.page.getByText('This receipt is not at your post, so you cannot send it on.')).toBeVisible();
  await dc.context.close();

  // And at Finance the paper is awaited again
  const fin = await signIn(browser, 'HR2001');
  await rowFor(fin.page, subject).getByRole('link').first().click();
  await expect(fin.page.getByRole('heading', { name: 'Paper letter not yet received' })).toBeVisible();
  await fin.context.close();
});

test('a paper letter offers nothing but "Mark received" until it has reached the desk', async ({ browser }) => {
  const dc = await paperLetterAtTheDc(browser, `Demarcation of khasra 431 ${Date.now()}`);
  await expect(dc.page.getByRole('button', { name: 'Mark received' })).toBeVisible();
  await expect(dc.page.getByRole('button', { name: 'Forward' })).toHaveCount(0);
  await expect(dc.page.getByText('Close this receipt')).toHaveCount(0);

  await dc.page.getByRole('button', { name: 'Mark received' }).click();
  await expect(forwardForm(dc.page).getByRole('button', { name: 'Forward' })).toBeVisible();
  await expect(dc.page.getByText('Close this receipt')).toBeVisible();
  await dc.context.close();
});
