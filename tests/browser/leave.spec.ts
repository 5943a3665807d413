// e-Leave on a phone: apply for earned leave over Christmas and a weekend, see the days counted
// before sending, the approvers act from their e-Leave inboxes, and the balance and ledger follow.
// Then the offline journeys: an application filled in without a connection is sent when it
// returns, and one whose answer was lost is sent again under the same key and applied once.
import { expect, test, Browser, BrowserContextOptions, Page } from '@playwright/test';
import { noSideways, shots, signIn } from './support';

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  // Route interception and offline emulation see the page's own requests only without one.
  serviceWorkers: 'block',
};

/// Thursday 24 to Monday 28 December 2026: Christmas on the Friday, then Saturday and Sunday.
const christmas = { from: '2026-12-24', to: '2026-12-28' };

async function fillApplication(page: Page, kind: string, spell: { from: string; to: string }, reason: string) {
  await page.getByRole('link', { name: 'Apply for leave' }).click();
  await expect(page.getByRole('heading', { name: 'Apply for leave' })).toBeVisible();
  await page.getByLabel('Kind of leave').selectOption(kind);
  await page.getByLabel('From', { exact: true }).fill(spell.from);
  await page.getByLabel('To', { exact: true }).fill(spell.to);
  await page.getByLabel('Reason').fill(reason);
  await page.getByLabel('Address during leave').fill('House 12, Sector 9, Hisar. Phone 98120 00000');
}

async function openLeave(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My leave' })).toBeVisible();
}

/// The card of one account on "My leave".
const balanceCard = (page: Page, kind: string) => page.locator('.balance-card', { hasText: kind });

/// The approver at the pending step opens it from the e-Leave inbox and acts.
async function actFromInbox(browser: Browser, employeeId: string, applicant: string, act: string) {
  const { context, page } = await signIn(browser, employeeId, phone);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leave to approve' }).click();
  const card = page.locator('.leave-card', { hasText: applicant });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Balance');
  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Earned leave' })).toBeVisible();
  await page.getByRole('button', { name: act, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  return { context, page };
}

test('earned leave over Christmas and a weekend: applied on a phone, sanctioned from the inbox, the balance drops', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001', phone);
  await openLeave(page);
  await expect(balanceCard(page, 'Earned leave')).toContainText('30');
  await noSideways(page);
  await page.screenshot({ path: `${shots}/leave-home-phone.png`, fullPage: true });

  await fillApplication(page, 'earned', christmas, 'Family wedding in Hisar');
  // Earned leave counts the holiday and the weekend inside the spell: five days.
  await expect(page.locator('#whatif-days')).toHaveText('5');
  await expect(page.locator('#whatif-balance')).toContainText('30 → 25');
  await noSideways(page);
  await page.screenshot({ path: `${shots}/leave-apply-phone.png`, fullPage: true });

  // Casual leave over the same dates counts only the two working days.
  await page.getByLabel('Kind of leave').selectOption('casual');
  await expect(page.locator('#whatif-days')).toHaveText('2');
  await page.getByLabel('Kind of leave').selectOption('earned');
  await expect(page.locator('#whatif-days')).toHaveText('5');

  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('heading', { name: 'Earned leave' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
  await expect(page.locator('#application-days')).toHaveText('5 days');
  const url = page.url();

  // Every step of the chain acts from its own e-Leave inbox until the leave is sanctioned.
  for (let step = 0; step < 3; step++) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Approvals' })).toBeVisible();
    const pending = page.locator('.leave-chain .step-current');
    if ((await pending.count()) === 0) break;
    const text = (await pending.textContent()) ?? '';
    const post = text.match(/[A-Z]+-[A-Z]+-[A-Z]+/)?.[0];
    const employee = { 'FIN-HQ-DS': 'HR2002', 'FIN-HQ-SECY': 'HR2004' }[post ?? ''];
    expect(employee, `who holds ${post}`).toBeDefined();
    const act = text.split(':')[0].trim();
    const approver = await actFromInbox(browser, employee!, 'Rajesh Verma', act);
    if (step === 0) await approver.page.screenshot({ path: `${shots}/leave-approver-phone.png`, fullPage: true });
    await approver.context.close();
  }
  await page.goto(url);
  await expect(page.locator('.badge', { hasText: 'Sanctioned' })).toBeVisible();

  await openLeave(page);
  await expect(balanceCard(page, 'Earned leave').locator('strong')).toHaveText('25');
  await balanceCard(page, 'Earned leave').getByRole('link', { name: /Ledger/ }).click();
  const debit = page.getByRole('row').filter({ hasText: 'Debit 5' });
  await expect(debit).toContainText('Earned leave on application');
  await expect(debit).toContainText('25');
  await noSideways(page);
  await page.screenshot({ path: `${shots}/leave-ledger-phone.png`, fullPage: true });
  await context.close();
});

/// The caller's applications for one spell, as the server has them.
async function applicationsFor(page: Page, from: string) {
  const response = await page.request.get('/api/v1/leave/applications?limit=100');
  expect(response.ok()).toBeTruthy();
  const body = await response.json();
  return body.items.filter((item: { application: { request: { from: string } } }) => item.application.request.from === from);
}

test('an application filled in offline is kept on the phone and sent once when the connection returns', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2002', phone);
  await openLeave(page);
  await context.setOffline(true);
  await fillApplication(page, 'casual', { from: '2026-12-09', to: '2026-12-10' }, 'Child unwell');
  await expect(page.getByText('You are offline.')).toBeVisible();
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('heading', { name: 'My leave' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toBeVisible();
  await expect(page.locator('.outbox .leave-card')).toHaveCount(1);
  await page.screenshot({ path: `${shots}/leave-outbox-phone.png`, fullPage: true });

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'has been sent' })).toBeVisible();
  await expect(page.locator('.outbox')).toHaveCount(0);
  await expect(page.locator('.leave-list .leave-card', { hasText: 'Casual leave' })).toHaveCount(1);
  expect(await applicationsFor(page, '2026-12-09')).toHaveLength(1);

  // The queue is not sent again on the next visit.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My leave' })).toBeVisible();
  expect(await applicationsFor(page, '2026-12-09')).toHaveLength(1);
  await context.close();
});

test('an application whose answer was lost is sent again under its key and applied once', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR3001', phone);
  let lost = 0;
  // The first send reaches the server, which applies it; the answer never reaches the phone.
  await page.route('**/api/v1/leave/applications', async (route) => {
    if (route.request().method() === 'POST' && lost === 0) {
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await openLeave(page);
  await fillApplication(page, 'casual', { from: '2026-12-16', to: '2026-12-16' }, 'Bank work');
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toBeVisible();
  expect(lost).toBe(1);
  expect(await applicationsFor(page, '2026-12-16')).toHaveLength(1);

  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'has been sent' })).toBeVisible();
  expect(await applicationsFor(page, '2026-12-16')).toHaveLength(1);
  await context.close();
});

test('Daftar installs as an app and opens its shell without a connection', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await context.newPage();
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    expect((await page.request.get(icon.src)).ok(), icon.src).toBeTruthy();
  }
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBeTruthy();

  await context.setOffline(true);
  await page.goto('/leave/apply');
  // The shell comes from the cache; the app starts and, unable to reach the server, offers sign-in.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await context.close();
});

test('the leave pages speak Hindi', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001', phone);
  await openLeave(page);
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('heading', { name: 'मेरा अवकाश' })).toBeVisible();
  await expect(balanceCard(page, 'अर्जित अवकाश')).toBeVisible();
  await page.getByRole('link', { name: 'अवकाश के लिए आवेदन करें' }).click();
  await page.getByLabel('अवकाश का प्रकार').selectOption('earned');
  // Friday 18 to Monday 21 December: earned leave counts the weekend too.
  await page.getByLabel('से', { exact: true }).fill('2026-12-18');
  await page.getByLabel('तक', { exact: true }).fill('2026-12-21');
  await expect(page.locator('#whatif-days')).toHaveText('4');
  await expect(page.getByText('गिने गए दिन')).toBeVisible();
  await noSideways(page);
  await page.screenshot({ path: `${shots}/leave-apply-phone-hi.png`, fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await context.close();
});

test("the office's leave calendar shows who is away each day of the month", async ({ browser }) => {
  // Mohan Lal (Finance HQ registry) applies for two days of casual leave in December (days no
  // other journey's official of the office is away, and not the days the acting-charge journey
  // takes from today).
  const applicant = await signIn(browser, 'HR2003', phone);
  const applied = await applicant.page.request.post('/api/v1/leave/applications', {
    headers: { origin: new URL(applicant.page.url()).origin, 'Idempotency-Key': 'calendar-journey-0000000000000001' },
    data: { kind: 'casual', from: '2026-12-21', to: '2026-12-22', reason: 'Village panchayat meeting' },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  await applicant.context.close();

  // A colleague in the same office opens the office calendar and steps to December.
  const { context, page } = await signIn(browser, 'HR2002', phone);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Office leave' }).click();
  await expect(page.getByRole('heading', { name: /Office leave calendar/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'On leave today' })).toBeVisible();
  await page.goto('/leave/calendar?month=2026-11');
  await page.getByRole('link', { name: /Next month/ }).click();
  await expect(page.getByRole('heading', { name: 'Dec 2026' })).toBeVisible();
  await expect(page.locator('.leave-card', { hasText: 'Mohan Lal' })).toContainText('applied');
  await expect(page.getByLabel('Mon 21 Dec 2026: 1 away')).toBeVisible();
  await expect(page.getByLabel('Wed 23 Dec 2026: 0 away')).toBeVisible();
  await noSideways(page);
  await page.screenshot({ path: `${shots}/leave-calendar-phone.png`, fullPage: true });
  await context.close();
});

/// Today and the day after tomorrow as the server's wire dates (YYYY-MM-DD, Indian time).
function datesFromToday(days: number) {
  const ist = new Date(Date.now() + 330 * 60_000);
  const at = (offset: number) => new Date(ist.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: at(0), to: at(days) };
}

/// Takes an application through its chain by the API, as each approver in turn; the applicant's
/// page reads where it stands.
async function sanctionThroughChain(browser: Browser, applicant: Page, id: string) {
  const holders: Record<string, string> = { 'FIN-HQ-DS': 'HR2002', 'FIN-HQ-SECY': 'HR2004', 'FIN-HQ-SO': 'HR2001' };
  for (let step = 0; step < 4; step++) {
    const response = await applicant.request.get(`/api/v1/leave/applications/${id}`);
    expect(response.status(), await response.text()).toBe(200);
    const detail = await response.json();
    const status = detail.application.status;
    if (status.status !== 'pending') return status.status;
    const pending = detail.application.chain[status.step];
    const approver = await signIn(browser, holders[pending.post], phone);
    const acted = await approver.page.request.post(`/api/v1/leave/applications/${id}/act`, {
      headers: { origin: new URL(approver.page.url()).origin, 'Idempotency-Key': `chain-${id}-${step}-000000000000` },
      data: { version: detail.application.version, action: pending.act },
    });
    expect(acted.status(), await acted.text()).toBe(200);
    await approver.context.close();
  }
  return 'pending';
}

test('an officer on leave gives the post to a colleague as acting charge, and the colleague is told', async ({ browser }) => {
  const spell = datesFromToday(2);
  const applicant = await signIn(browser, 'HR2003', phone);
  const applied = await applicant.page.request.post('/api/v1/leave/applications', {
    headers: { origin: new URL(applicant.page.url()).origin, 'Idempotency-Key': 'acting-journey-00000000000000001' },
    data: { kind: 'earned', from: spell.from, to: spell.to, reason: 'Eye surgery of my mother', address: 'Rohtak' },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  const id = (await applied.json()).application.id;
  expect(await sanctionThroughChain(browser, applicant.page, id)).toBe('sanctioned');

  const { page } = applicant;
  await page.goto(`/leave/applications/${id}`);
  const acting = page.getByRole('region', { name: 'Acting charge' });
  await acting.getByLabel("Colleague's employee ID").fill('HR2001');
  await acting.getByRole('button', { name: 'Give charge' }).click();
  await expect(acting.locator('#acting-held')).toContainText('Rajesh Verma (HR2001) holds the charge of');
  await noSideways(page);
  await page.screenshot({ path: `${shots}/leave-acting-phone.png`, fullPage: true });
  await applicant.context.close();

  // The colleague sees the charge on every page and the post among their own.
  const colleague = await signIn(browser, 'HR2001', phone);
  await expect(colleague.page.locator('.acting-banner')).toContainText('You hold acting charge of');
  await expect(colleague.page.locator('.acting-banner')).toContainText('Mohan Lal');
  const me = await (await colleague.page.request.get('/api/v1/auth/me')).json();
  expect(me.posts.map((p: { id: string }) => p.id)).toContain('FIN-HQ-CRU');
  await colleague.context.close();
});

/// What the official may draw on in an account, as the server has it.
async function available(page: Page, kind: string) {
  const balances = await (await page.request.get('/api/v1/leave/balances')).json();
  return Number(balances.find((b: { kind: string }) => b.kind === kind).available);
}

test('changing the dates of sanctioned leave is a new request that replaces it once sanctioned', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001', phone);
  const origin = new URL(page.url()).origin;
  const before = await available(page, 'earned');
  const applied = await page.request.post('/api/v1/leave/applications', {
    headers: { origin, 'Idempotency-Key': 'modify-journey-000000000000000001' },
    data: { kind: 'earned', from: '2026-12-07', to: '2026-12-08', reason: 'Property registration', address: 'Karnal' },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  const old = (await applied.json()).application.id;
  expect(await sanctionThroughChain(browser, page, old)).toBe('sanctioned');
  expect(await available(page, 'earned')).toBe(before - 2);

  await page.goto(`/leave/applications/${old}`);
  await page.getByRole('link', { name: 'Change the dates' }).click();
  await expect(page.getByRole('heading', { name: 'Change leave dates' })).toBeVisible();
  await expect(page.locator('#modify-notice')).toContainText('Mon 7 Dec 2026 – Tue 8 Dec 2026');
  await expect(page.getByLabel('Reason')).toHaveValue('Property registration');
  await page.getByLabel('From', { exact: true }).fill('2026-12-08');
  await page.getByLabel('To', { exact: true }).fill('2026-12-10');
  // The new days overlap the old ones, which the what-if counts as given back.
  await expect(page.locator('#whatif-days')).toHaveText('3');
  await noSideways(page);
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
  const replacement = page.url().split('/').pop()!;
  expect(await sanctionThroughChain(browser, page, replacement)).toBe('sanctioned');

  await page.goto(`/leave/applications/${old}`);
  await expect(page.locator('.badge', { hasText: 'Cancelled' })).toBeVisible();
  expect(await available(page, 'earned')).toBe(before - 3);
  await context.close();
});
