import type { Page } from 'playwright-core';

// Driving the maturity questionnaire as a person does: through the navigator, one radio per item.

export const requirements = (page: Page) => page.getByTestId('items').getByTestId('requirement');

/** Opens a sub-domain from the navigator and waits until its items are on the right. */
export async function openSubDomain(page: Page, code: string): Promise<void> {
  await page.getByTestId(`nav-sub-${code}`).click();
  await page.locator(`[data-testid="items"][data-subdomain="${code}"]`).waitFor();
}

/** Chooses an answer ("全部满足" …) for one item on screen. */
export const answer = (page: Page, index: number, label: string) =>
  requirements(page)
    .nth(index)
    .locator('label.ant-radio-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();

/** Walks every sub-domain of the navigator and answers each item it asks with `label`. */
export async function answerEverything(page: Page, label: string): Promise<number> {
  const codes = await page
    .locator('[data-testid^="nav-sub-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('nav-sub-'.length)));
  let answered = 0;
  for (const code of codes) {
    await openSubDomain(page, code);
    const count = await requirements(page).count();
    for (let i = 0; i < count; i++) await answer(page, i, label);
    answered += count;
  }
  return answered;
}

/** Waits until autosave reports everything saved. */
export const saved = (page: Page) => page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
