// e-File journeys, as officials would do it: a registry clerk's letter goes into a file, the file
// travels to another department and back with a note from each desk, is closed and reopened,
// and its track and hash-chained history check out. Also: a recall before the receiver opens
// the file, Hindi, a 360 px phone, the printable note sheet, and a matter that outgrows one
// file (a file merged under another, a new volume, a part file).
import { test, expect, Page } from '@playwright/test';
import { createFile, diarise, forwardReceipt, nav, noSideways, openAction, posts, sendFile, shots, signIn } from './support';

async function writeAndSign(page: Page, text: string, paragraph: number) {
  const sheet = page.getByRole('region', { name: 'Note sheet' });
  await sheet.getByRole('textbox', { name: 'Note', exact: true }).fill(text);
  await sheet.getByRole('button', { name: 'Save draft' }).click();
  const draft = sheet.getByRole('region', { name: 'Draft — not signed' });
  await expect(draft.getByText(text)).toBeVisible();
  await draft.getByRole('button', { name: 'Sign' }).click();
  await expect(sheet.getByRole('listitem').filter({ hasText: text })).toContainText(`Para ${paragraph}`);
  await expect(page.getByRole('status').filter({ hasText: `Note signed as para ${paragraph}` })).toBeVisible();
}

/// The files list of the signed-in desk: Inbox, Parked, Sent, Created or Closed.
async function filesList(page: Page, list: string) {
  await nav(page).getByRole('link', { name: 'Files', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: list, exact: true }).click();
  await expect(page.getByRole('button', { name: list, exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The list has loaded when it shows a table or says it is empty.
  const panel = page.getByRole('tabpanel', { name: 'Files' });
  await expect(panel.getByRole('table').or(panel.locator('.empty-state'))).toBeVisible();
}

async function openFromFilesInbox(page: Page, subject: string) {
  await filesList(page, 'Inbox');
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  return row;
}

test('a letter goes into a file that travels to another department and back', async ({ browser }) => {
  const stamp = Date.now();
  const letter = `Revised estimates for flood relief ${stamp}`;
  const subject = `Flood relief budget 2026-27 ${stamp}`;

  // Given the Finance registry diarises a letter and forwards it to the section officer
  const clerk = await signIn(browser, 'HR2003');
  const diaryNumber = await diarise(clerk.page, { sender: 'Deputy Commissioner, Ambala', subject: letter });
  expect(diaryNumber).toMatch(/^FIN-HQ\/\d{4}\/\d+$/);
  await forwardReceipt(clerk.page, posts.finSo);
  await clerk.context.close();

  // When the section officer opens a file, notes on it and puts the letter in
  const so = await signIn(browser, 'HR2001');
  const number = await createFile(so.page, subject);
  expect(number).toMatch(/\d+\/\d{4}$/);
  await writeAndSign(so.page, 'The Deputy Commissioner asks for revised estimates. Put up for the CMO.', 1);
  const attach = await openAction(so.page, 'Put in a receipt');
  await attach.getByRole('radio', { name: new RegExp(letter) }).check();
  await attach.getByRole('button', { name: 'Put in a receipt', exact: true }).click();
  await expect(attach).toBeHidden();
  const correspondence = so.page.getByRole('complementary', { name: 'Correspondence' });
  await expect(correspondence.getByText(letter)).toBeVisible();

  // and sends it to the Chief Minister's Office
  await sendFile(so.page, posts.cmoSo, 'For kind perusal.', 'urgent');
  await expect(so.page.getByText("Section Officer (General Branch), Chief Minister's Office, Headquarters").first()).toBeVisible();
  await expect(so.page.getByRole('button', { name: 'Recall' })).toBeVisible();
  await so.context.close();

  // Then the CMO's section officer finds it, unread, in the files inbox
  const cmo = await signIn(browser, 'HR3001');
  const row = await openFromFilesInbox(cmo.page, subject);
  await expect(row).toContainText('Unread');
  await expect(row).toContainText('Urgent');
  await cmo.page.screenshot({ path: `${shots}/files-inbox-desktop.png`, fullPage: true });
  await row.getByRole('link', { name: number }).click();
  await expect(cmo.page.getByRole('heading', { name: `File ${number}` })).toBeVisible();
  await expect(cmo.page.getByText('The Deputy Commissioner asks for revised estimates.')).toBeVisible();
  await writeAndSign(cmo.page, 'Seen. The CMO agrees; Finance may issue the sanction.', 2);
  await sendFile(cmo.page, posts.finSo, 'Returned with approval.');
  await cmo.context.close();

  // And back in Finance both notes are on the sheet; the file is closed, then reopened
  const back = await signIn(browser, 'HR2001');
  const returned = await openFromFilesInbox(back.page, subject);
  await returned.getByRole('link', { name: number }).click();
  const sheet = back.page.getByRole('region', { name: 'Note sheet' });
  await expect(sheet.getByRole('listitem')).toHaveCount(2);
  await expect(sheet.getByText('Finance may issue the sanction.')).toBeVisible();
  await expect(sheet.getByText('Kavita Yadav')).toBeVisible();
  await back.page.screenshot({ path: `${shots}/file-desktop.png`, fullPage: true });

  const close = await openAction(back.page, 'Close file');
  await close.getByRole('button', { name: 'Close file' }).click();
  await expect(close.getByText('This field is required.')).toBeVisible();
  await close.getByLabel('Reason for closing').fill('Sanction issued; nothing further.');
  await close.getByRole('button', { name: 'Close file' }).click();
  await expect(close).toBeHidden();
  await expect(back.page.locator('.file-header .badge-closed')).toHaveText('Closed');
  const reopen = await openAction(back.page, 'Reopen');
  await reopen.getByRole('button', { name: 'Reopen' }).click();
  await expect(back.page.locator('.file-header .badge-active')).toHaveText('Active');

  // The same file in Hindi.
  await back.page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(back.page.getByRole('heading', { name: 'टिप्पणी पत्रक' })).toBeVisible();
  await back.page.screenshot({ path: `${shots}/file-desktop-hindi.png`, fullPage: true });
  await back.page.getByRole('button', { name: 'English' }).click();

  // The track shows both desks, the history every step, and the chain verifies
  await back.page.getByRole('link', { name: 'Where is this file?' }).click();
  await expect(back.page.getByRole('heading', { name: `Where is file ${number}?` })).toBeVisible();
  const stays = back.page.getByRole('table', { name: 'Desks it has been at' });
  await expect(stays.getByRole('row')).toHaveCount(4); // header, FIN-HQ-SO, CMO-HQ-SO, FIN-HQ-SO
  await expect(stays).toContainText("Chief Minister's Office, Headquarters");
  await expect(stays).toContainText('Still here');
  const history = back.page.getByRole('table', { name: 'Full history' });
  for (const event of ['Created', 'Note signed', 'Receipt put in', 'Sent', 'Opened by the receiver', 'Closed', 'Reopened']) {
    await expect(history.getByText(event, { exact: true }).first()).toBeVisible();
  }
  await back.page.getByRole('button', { name: 'Verify history' }).click();
  await expect(back.page.getByRole('status').filter({ hasText: /History intact: all \d+ entries check out\./ })).toBeVisible();
  await back.page.screenshot({ path: `${shots}/file-track.png`, fullPage: true });

  // The printable note sheet, with the app's chrome gone when printed
  await back.page.getByRole('link', { name: 'Back to the file' }).click();
  await back.page.getByRole('link', { name: 'Print note sheet' }).click();
  const paper = back.page.locator('.print-sheet');
  await expect(paper.getByText(number)).toBeVisible();
  await expect(paper.getByRole('listitem')).toHaveCount(2);
  await back.page.screenshot({ path: `${shots}/file-print.png`, fullPage: true });
  await back.page.emulateMedia({ media: 'print' });
  await expect(back.page.locator('.site-header')).toBeHidden();
  await back.page.screenshot({ path: `${shots}/file-print-media.png`, fullPage: true });
  await back.context.close();
});

test('a file recalled before the receiver opens it comes back and leaves their inbox', async ({ browser }) => {
  const subject = `Leave encashment rules ${Date.now()}`;

  // Given the section officer sends a new file to the Deputy Secretary
  const so = await signIn(browser, 'HR2001');
  await createFile(so.page, subject, 'establishment');
  await sendFile(so.page, posts.finDs, 'Please see.');

  // When they recall it before she has opened it
  const recall = await openAction(so.page, 'Recall');
  await recall.getByLabel('Remarks').fill('Sent by mistake.');
  await recall.getByRole('button', { name: 'Recall' }).click();
  await expect(so.page.getByRole('status').filter({ hasText: 'File recalled' })).toBeVisible();
  await expect(so.page.getByRole('button', { name: 'Recall' })).toHaveCount(0);
  await expect(so.page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Send', exact: true })).toBeVisible();

  // Then it is back in his files inbox, and not in hers
  await openFromFilesInbox(so.page, subject);
  await so.context.close();

  const ds = await signIn(browser, 'HR2002');
  await filesList(ds.page, 'Inbox');
  await expect(ds.page.getByRole('row').filter({ hasText: subject })).toHaveCount(0);
  await ds.context.close();
});

test('files are linked by number, parked and taken out, and a draft is edited then discarded', async ({ browser }) => {
  const stamp = Date.now();
  const { context, page } = await signIn(browser, 'HR2001');
  const first = await createFile(page, `Pay revision of drivers ${stamp}`, 'establishment');
  await createFile(page, `Pay revision of drivers, court case ${stamp}`, 'legal');

  // Link the first file, typed in lower case
  const link = await openAction(page, 'Link a file');
  await link.getByLabel('File number').fill('no-such/file/1');
  await link.getByRole('button', { name: 'Find' }).click();
  await expect(link.getByText('No file has this number')).toBeVisible();
  await link.getByLabel('File number').fill(first.toLowerCase());
  await link.getByRole('button', { name: 'Find' }).click();
  await expect(link.getByText(`Pay revision of drivers ${stamp}`)).toBeVisible();
  await link.getByRole('button', { name: 'Link this file' }).click();
  await expect(link).toBeHidden();
  const linked = page.getByRole('region', { name: 'Linked files' });
  await expect(linked.getByRole('link', { name: first })).toBeVisible();

  // Park and take out of parked
  const park = await openAction(page, 'Park');
  await park.getByLabel('Remarks').fill('Awaiting the court order.');
  await park.getByRole('button', { name: 'Park' }).click();
  await expect(page.locator('.file-header .badge-parked')).toHaveText('Parked');
  await expect(page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Send', exact: true })).toHaveCount(0);
  const unpark = await openAction(page, 'Take out of parked');
  await unpark.getByRole('button', { name: 'Take out of parked' }).click();
  await expect(page.locator('.file-header .badge-active')).toHaveText('Active');

  // A draft is edited, then discarded
  const sheet = page.getByRole('region', { name: 'Note sheet' });
  await sheet.getByRole('textbox', { name: 'Note', exact: true }).fill('First thoughts.');
  await sheet.getByRole('button', { name: 'Save draft' }).click();
  const draft = sheet.getByRole('region', { name: 'Draft — not signed' });
  await draft.getByRole('button', { name: 'Edit' }).click();
  await draft.getByRole('textbox', { name: 'Note', exact: true }).fill('Second thoughts.');
  await draft.getByRole('button', { name: 'Save changes' }).click();
  await expect(draft.getByText('Second thoughts.')).toBeVisible();
  await draft.getByRole('button', { name: 'Discard' }).click();
  await draft.getByRole('button', { name: 'Yes, discard' }).click();
  await expect(sheet.getByRole('region', { name: 'Draft — not signed' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Draft note discarded.' })).toBeVisible();
  await context.close();
});

test('acting on a file someone else has just changed says so and offers a reload', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001');
  const subject = `Audit para replies ${Date.now()}`;
  await createFile(page, subject, 'general');
  const stale = await context.newPage();
  await stale.goto(page.url());
  await expect(stale.getByRole('heading', { name: 'Note sheet' })).toBeVisible();

  // The first tab parks the file; the second still shows it active
  const park = await openAction(page, 'Park');
  await park.getByRole('button', { name: 'Park' }).click();
  await expect(page.locator('.file-header .badge-parked')).toBeVisible();

  const close = await openAction(stale, 'Close file');
  await close.getByLabel('Reason for closing').fill('Done.');
  await close.getByRole('button', { name: 'Close file' }).click();
  await expect(close.getByRole('alert')).toContainText('Someone else changed this file');
  await close.getByRole('button', { name: 'Reload the file' }).click();
  await expect(stale.locator('.file-header .badge-parked')).toBeVisible();
  await context.close();
});

test('the inbox tabs work from the keyboard', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001');
  const receipts = page.getByRole('tab', { name: 'Receipts' });
  await expect(receipts).toHaveAttribute('aria-selected', 'true');
  await receipts.focus();
  await page.keyboard.press('ArrowLeft');
  const files = page.getByRole('tab', { name: 'Files' });
  await expect(files).toHaveAttribute('aria-selected', 'true');
  await expect(files).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Files' })).toBeVisible();
  await page.getByRole('button', { name: 'Sent' }).click();
  await expect(page.getByRole('button', { name: 'Sent' })).toHaveAttribute('aria-pressed', 'true');
  await files.focus();
  await page.keyboard.press('End');
  await expect(receipts).toHaveAttribute('aria-selected', 'true');
  await expect(receipts).toBeFocused();
  await context.close();
});

test('a file reads and works on a 360 px phone, in English and Hindi', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001', { viewport: { width: 360, height: 740 } });
  const subject = `Purchase of laptops for the branch ${Date.now()}`;
  await createFile(page, subject, 'procurement');
  await writeAndSign(page, 'Three quotations received; the lowest is within the budget head.', 1);
  await page.getByRole('region', { name: 'Note sheet' }).getByRole('textbox', { name: 'Note', exact: true }).fill('Draft: may be approved.');
  await page.getByRole('region', { name: 'Note sheet' }).getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft — not signed')).toBeVisible();
  await noSideways(page);
  await page.screenshot({ path: `${shots}/file-phone.png`, fullPage: true });

  const send = await openAction(page, 'Send');
  await noSideways(page);
  await page.screenshot({ path: `${shots}/file-phone-send.png` });
  await send.getByRole('button', { name: 'Cancel' }).click();
  await expect(send).toBeHidden();

  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('heading', { name: 'टिप्पणी पत्रक' })).toBeVisible();
  await noSideways(page);
  await page.screenshot({ path: `${shots}/file-phone-hindi.png`, fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await openFromFilesInbox(page, subject);
  await noSideways(page);
  await page.screenshot({ path: `${shots}/files-inbox-phone.png`, fullPage: true });
  await context.close();
});

// Volumes, parts and merges, from the file page's "Volumes and parts" section.
const family = (page: Page) => page.getByRole('region', { name: 'Volumes and parts' });
const familyFact = (page: Page, label: string) => family(page).getByRole('listitem').filter({ hasText: label });
const fileHeading = (page: Page, number: string) => page.getByRole('heading', { name: `File ${number}`, exact: true });
/// A file's row in a desk list, by the link that is its number.
const listed = (page: Page, number: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: number, exact: true }) });

/// The history entries of the file on screen, from its track page.
async function fileHistory(page: Page) {
  await page.getByRole('link', { name: 'Where is this file?' }).click();
  return page.getByRole('table', { name: 'Full history' });
}

test('a file merged under a main file stops moving on its own and travels inside it', async ({ browser }) => {
  const stamp = Date.now();
  const partSubject = `Tender for office furniture ${stamp}`;
  const { context, page } = await signIn(browser, 'HR2001');
  const part = await createFile(page, partSubject, 'procurement');
  const main = await createFile(page, `Furnishing of the new Finance block ${stamp}`, 'procurement');
  await expect(familyFact(page, 'Volume 1')).toBeVisible();

  // A file cannot be merged into itself
  await family(page).getByRole('button', { name: 'Merge a file' }).click();
  const number = family(page).getByLabel('Number of the file to merge');
  await number.fill(main);
  await family(page).getByRole('button', { name: 'Find' }).click();
  await expect(family(page).getByText('That is this file itself.')).toBeVisible();
  await expect(family(page).getByRole('button', { name: 'Merge it here' })).toHaveCount(0);

  // When the section officer finds the other file by its number and merges it here
  await number.fill(part);
  await family(page).getByRole('button', { name: 'Find' }).click();
  await expect(family(page).getByText(`${part} — ${partSubject}`)).toBeVisible();
  await family(page).getByRole('button', { name: 'Merge it here' }).click();
  await expect(page.getByRole('status').filter({ hasText: `File ${part} merged into this file.` })).toBeVisible();

  // Then the main file lists it among its merged files, by number
  await expect(familyFact(page, 'Merged files:').getByRole('link', { name: part, exact: true })).toBeVisible();
  const merged = familyFact(page, 'Merged files:');
  await expect(merged.getByRole('link')).toHaveCount(1);
  await expect(family(page).getByRole('button', { name: 'Merge it here' })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/file-merged.png`, fullPage: true });

  // And the merged file says where it went, is marked Merged, and can no longer be sent on its own
  await merged.getByRole('link').click();
  await expect(fileHeading(page, part)).toBeVisible();
  await expect(page.locator('.file-header .badge-closed')).toHaveText('Merged');
  await expect(familyFact(page, 'Merged into:').getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Send', exact: true })).toHaveCount(0);
  const partHistory = await fileHistory(page);
  await expect(partHistory.getByRole('row').filter({ hasText: 'Merged into a main file' })).toContainText(main);
  await page.getByRole('link', { name: 'Back to the file' }).click();
  await familyFact(page, 'Merged into:').getByRole('link').click();
  await expect(fileHeading(page, main)).toBeVisible();
  const mainHistory = await fileHistory(page);
  await expect(mainHistory.getByRole('row').filter({ hasText: 'Another file merged in' })).toContainText(part);

  // The desk's files inbox has the main file only
  await filesList(page, 'Inbox');
  await expect(listed(page, main)).toHaveCount(1);
  await expect(listed(page, part)).toHaveCount(0);
  await context.close();
});

test('a new volume continues a file; the old volume is closed and points to it', async ({ browser }) => {
  const subject = `Pension cases of the treasury staff ${Date.now()}`;
  const { context, page } = await signIn(browser, 'HR2001');
  const first = await createFile(page, subject, 'establishment');
  await writeAndSign(page, 'The first volume is full; continue in a new one.', 1);

  // When the section officer opens a new volume, and confirms that it closes this one
  await family(page).getByRole('button', { name: 'New volume' }).click();
  await family(page).getByRole('button', { name: 'Yes, open the new volume' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'New volume opened' })).toBeVisible();

  // Then the new volume is on screen, numbered after the first, with the same subject
  const second = `${first} (Vol. 2)`;
  await expect(fileHeading(page, second)).toBeVisible();
  await expect(page.locator('.file-header .badge-active')).toHaveText('Active');
  await expect(page.locator('.subject-line')).toHaveText(subject);
  await expect(familyFact(page, 'Volume 2')).toBeVisible();
  await expect(page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Send', exact: true })).toBeVisible();

  // And the first volume is closed, points to the new one by number, and cannot be reopened
  await familyFact(page, 'Previous volume:').getByRole('link', { name: first, exact: true }).click();
  await expect(fileHeading(page, first)).toBeVisible();
  await expect(page.locator('.file-header .badge-closed')).toHaveText('Closed');
  await expect(page.getByRole('region', { name: 'Note sheet' }).getByRole('listitem')).toHaveCount(1);
  await expect(familyFact(page, 'Next volume:').getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Reopen' })).toHaveCount(0);
  await expect(family(page).getByRole('button', { name: 'New volume' })).toHaveCount(0);
  const history = await fileHistory(page);
  await expect(history.getByText('Continued in a new volume', { exact: true })).toBeVisible();

  // The desk's lists: the new volume in the inbox, the old one among the closed
  await filesList(page, 'Inbox');
  await expect(listed(page, second)).toHaveCount(1);
  await expect(listed(page, first)).toHaveCount(0);
  await filesList(page, 'Closed');
  await expect(listed(page, first)).toHaveCount(1);
  await expect(listed(page, second)).toHaveCount(0);
  await context.close();
});

test('a desk that sent a file on opens a part file to carry on meanwhile', async ({ browser }) => {
  const subject = `Revision of stamp duty rates ${Date.now()}`;
  const { context, page } = await signIn(browser, 'HR2001');
  const main = await createFile(page, subject, 'general');
  await expect(family(page).getByRole('button', { name: 'Open part file' })).toHaveCount(0);
  await sendFile(page, posts.finDs, 'For approval of the draft rates.');

  // When the section officer, no longer holding the file, opens a part file
  await family(page).getByRole('button', { name: 'Open part file' }).click();

  // Then the part file is on screen, at his desk, and points to the main file
  await expect(page.getByRole('status').filter({ hasText: 'Part file opened at your desk.' })).toBeVisible();
  const part = `${main} (Part 1)`;
  await expect(fileHeading(page, part)).toBeVisible();
  await expect(page.locator('.subject-line')).toHaveText(subject);
  await expect(page.locator('.file-header')).toContainText('Section Officer (General Branch), Finance, Headquarters (Rajesh Verma)');
  await expect(page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Send', exact: true })).toBeVisible();
  await familyFact(page, 'Part file of:').getByRole('link', { name: main, exact: true }).click();
  await expect(fileHeading(page, main)).toBeVisible();
  // The main file's history names the part by its number
  const history = await fileHistory(page);
  await expect(history.getByRole('row').filter({ hasText: 'Part file opened' })).toContainText(part);
  await context.close();
});
