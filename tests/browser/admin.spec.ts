// Administration, as an administrator uses it on a tablet: a new office in the Finance
// department with a section and a post and the post's leave officers, the office renamed, a bad code refused beside its field,
// an employee's roles changed (and changed back), a holiday added (and removed again, so the
// journey can run twice). Someone who is not an administrator sees no way in, and is told so at
// the address itself.
import { test, expect, Page } from '@playwright/test';
import { shots, signIn, nav } from './support';

const tablet = { viewport: { width: 820, height: 1180 } };

/// A suffix that keeps this run's codes apart from earlier runs' (letters and digits only).
const run = Date.now().toString(36).toUpperCase().slice(-5);

async function saved(page: Page, text = 'Saved.') {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('an administrator sets up an office, its section and post, roles and a holiday', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR9001', tablet);
  await nav(page).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit log of administrative changes' })).toHaveAttribute('href', '/people/audit');

  // The department's offices.
  await page.getByRole('table', { name: 'Departments' }).getByRole('link', { name: 'FIN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offices of Finance' })).toBeVisible();

  // A bad code is refused beside its field and in the summary, before anything is sent.
  const code = page.getByRole('textbox', { name: 'Office code' });
  const office = `FIN-T${run}`;
  const name = `Finance, Test Office ${run}`;
  await code.fill('F');
  await page.getByLabel('Name (English)', { exact: true }).fill(name);
  await page.getByLabel('Name (Hindi)', { exact: true }).fill(`वित्त, परीक्षण कार्यालय ${run}`);
  await page.getByRole('button', { name: 'Add office' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the errors below' })).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toBeFocused();
  await expect(page.locator('#add-office-code-error')).toContainText('Office code must be 2 to 24 characters');
  await page.screenshot({ path: `${shots}/admin-bad-code.png`, fullPage: true });

  // The good code adds the office, a headquarters unless a district is chosen.
  await code.fill(office.toLowerCase());
  await page.getByRole('button', { name: 'Add office' }).click();
  await saved(page, 'Added.');
  const offices = page.getByRole('table', { name: 'Offices of Finance' });
  const row = offices.getByRole('row').filter({ has: page.getByRole('link', { name: office, exact: true }) });
  await expect(row).toContainText(name);
  await expect(row).toContainText('Headquarters');

  // Renamed inline.
  const renamed = `Finance, Renamed Office ${run}`;
  await page.getByRole('button', { name: `Rename ${name}` }).click();
  await page.getByLabel('New name (English)', { exact: true }).fill(renamed);
  await page.getByLabel('New name (Hindi)', { exact: true }).fill(`वित्त, नया नाम ${run}`);
  await page.getByRole('button', { name: 'Save the new name' }).click();
  await saved(page);
  await expect(row).toContainText(renamed);
  await expect(page.getByLabel('New name (English)', { exact: true })).toHaveCount(0);

  // Its sections and posts.
  await offices.getByRole('link', { name: office, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Office ${office}` })).toBeVisible();
  await page.getByLabel('Section code').fill('budget');
  await page.getByLabel('Name (English)', { exact: true }).fill('Budget Branch');
  await page.getByLabel('Name (Hindi)', { exact: true }).fill('बजट शाखा');
  await page.getByRole('button', { name: 'Add section' }).click();
  await saved(page, 'Added.');
  const section = `${office}-BUDGET`;
  await expect(page.getByRole('table', { name: 'Sections' }).getByRole('rowheader', { name: section })).toBeVisible();

  const post = `${office}-SO`;
  await page.getByLabel('Post ID').fill(post);
  await page.getByLabel('Section', { exact: true }).selectOption(section);
  await page.getByLabel('Title (English)', { exact: true }).fill('Section Officer (Budget)');
  await page.getByLabel('Title (Hindi)', { exact: true }).fill('अनुभाग अधिकारी (बजट)');
  await page.getByRole('button', { name: 'Add post' }).click();
  await saved(page, 'Added.');
  const postRow = page.getByRole('table', { name: 'Posts' }).getByRole('row').filter({ hasText: post });
  await expect(postRow).toContainText('Vacant');
  await expect(postRow).toContainText('Section Officer (Budget)');
  await page.screenshot({ path: `${shots}/admin-office.png`, fullPage: true });

  // Its e-Leave officers, without which its holder could not apply for leave. A post cannot be
  // its own officer: refused beside the field before anything is sent.
  await postRow.getByRole('button', { name: `Leave officers of post ${post}` }).click();
  await expect(page.getByText('No leave officers are set for this post yet')).toBeVisible();
  const reporting = page.getByLabel("Reporting officer's post", { exact: true });
  await expect(reporting).toBeFocused();
  await reporting.fill(post);
  await page.getByLabel("Controlling officer's post", { exact: true }).fill('FIN-HQ-DS');
  await page.getByLabel('Establishment post', { exact: true }).fill('FIN-HQ-SECY');
  await page.getByRole('button', { name: 'Save the leave officers' }).click();
  await expect(reporting).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#officers-${post}-reporting-error`)).toContainText('cannot be its own leave officer');
  await reporting.fill('fin-hq-so');
  await page.getByRole('button', { name: 'Save the leave officers' }).click();
  await saved(page);
  await expect(reporting).toHaveCount(0);
  // Opened again, the form shows what was saved.
  await postRow.getByRole('button', { name: `Leave officers of post ${post}` }).click();
  await expect(reporting).toHaveValue('FIN-HQ-SO');
  await expect(page.getByLabel("Controlling officer's post", { exact: true })).toHaveValue('FIN-HQ-DS');
  await expect(page.getByLabel('Establishment post', { exact: true })).toHaveValue('FIN-HQ-SECY');
  await expect(page.getByLabel("Alternate reporting officer's post (optional)", { exact: true })).toHaveValue('');
  await expect(page.getByText('No leave officers are set for this post yet')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(reporting).toHaveCount(0);

  // Abolishing asks first; keeping it changes nothing.
  await postRow.getByRole('button', { name: `Abolish post ${post}` }).click();
  await expect(page.getByText(`Abolish post ${post}? It will receive no more files`)).toBeVisible();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(postRow).toBeVisible();

  // An employee's roles: Diarist given, then taken back.
  await page.goto('/admin');
  await page.getByLabel('Employee ID').fill('HR2004');
  await page.getByRole('button', { name: 'Show their roles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles of HR2004' })).toBeVisible();
  const roles = page.getByRole('group', { name: 'Roles' });
  const diarist = roles.getByRole('checkbox', { name: /^Diarist/ });
  await expect(roles.getByRole('checkbox', { name: /^Employee/ })).toBeChecked();
  await expect(diarist).not.toBeChecked();
  await diarist.check();
  await page.getByRole('button', { name: 'Save the roles' }).click();
  await saved(page);
  await expect(diarist).toBeChecked();
  // Nobody may be left without a role: refused beside the roles before sending.
  await roles.getByRole('checkbox', { name: /^Employee/ }).uncheck();
  await diarist.uncheck();
  await page.getByRole('button', { name: 'Save the roles' }).click();
  await expect(page.locator('#roles-roles-error')).toHaveText('An employee needs at least one role');
  await roles.getByRole('checkbox', { name: /^Employee/ }).check();
  await page.getByRole('button', { name: 'Save the roles' }).click();
  await saved(page);
  await expect(diarist).not.toBeChecked();

  // A holiday next year, added and saved, then removed again.
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Holidays' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Holidays' })).toBeVisible();
  const year = new Date().getFullYear() + 1;
  await page.getByLabel('Year', { exact: true }).fill(String(year));
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const holidays = page.getByRole('table', { name: `Holidays of HR in ${year}` });
  await expect(holidays).toBeVisible();
  const before = await holidays.locator('tbody tr').count();
  await page.getByRole('button', { name: 'Add a holiday' }).click();
  const n = before + 1;
  await page.getByLabel(`Date, row ${n}`, { exact: true }).fill(`${year}-11-09`);
  await page.getByLabel(`Name (English), row ${n}`, { exact: true }).fill('Haryana Test Day');
  await page.getByLabel(`Name (Hindi), row ${n}`, { exact: true }).fill('हरियाणा परीक्षण दिवस');
  await page.getByLabel(`Kind, row ${n}`, { exact: true }).selectOption('restricted');
  await page.getByRole('button', { name: 'Save the holidays' }).click();
  await saved(page);
  await expect(page.getByText(/Version \d+\. Recorded by HR9001/)).toBeVisible();
  const dates = holidays.locator('input[type="date"]');
  await expect(dates).toHaveCount(n);
  const at = (await dates.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).indexOf(`${year}-11-09`);
  expect(at).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: `${shots}/admin-holidays.png`, fullPage: true });
  await page.getByRole('button', { name: `Remove — Date, row ${at + 1}`, exact: true }).click();
  await page.getByRole('button', { name: 'Save the holidays' }).click();
  await saved(page);
  await expect(dates).toHaveCount(before);

  // Every change is in the audit log, with who made it and the record before and after.
  await page.goto('/people/audit');
  const log = page.getByRole('table').first();
  for (const action of ['Office created', 'Office renamed', 'Section created', 'Post created', 'Leave officers set', 'Roles changed', 'Holidays set']) {
    await expect(log.getByRole('row').filter({ hasText: action }).first()).toBeVisible();
  }
  await expect(log.getByRole('row').filter({ hasText: 'Office renamed' }).first()).toContainText(renamed);
  await page.screenshot({ path: `${shots}/admin-audit.png`, fullPage: true });
  await page.goto('/admin/holidays');

  // The same pages in Hindi.
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'अवकाश-दिवस' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'प्रशासन' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await context.close();
});

test('someone who is not an administrator has no way in', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'HR2001');
  await expect(nav(page).getByRole('link', { name: 'Library' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Only administrators may manage the organisation.');
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('/admin/offices/FIN-HQ');
  await expect(page.getByRole('alert')).toContainText('Only administrators may manage the organisation.');
  await context.close();
});
