import type { Page } from 'playwright-core';

// Driving the recognition pages as a person does: moves by their buttons, confirm dialogs, reason dialogs.

/** The application page's state tag reads `state` (it refreshes after each move). */
export const stateIs = (page: Page, state: string) =>
  page.locator(`[data-testid="state-tag"][data-state="${state}"]`).first().waitFor({ timeout: 15_000 });

/** Clicks a move and confirms it in the dialog that asks first. */
export async function confirmMove(page: Page, move: string, okLabel: RegExp): Promise<void> {
  await page.getByTestId(`move-${move}`).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: okLabel }).click();
}

/** Clicks a move that takes a reason or an opinion, types it, and sends it. */
export async function moveWithReason(page: Page, move: string, reason: string): Promise<void> {
  await page.getByTestId(`move-${move}`).click();
  const dialog = page.getByTestId('move-dialog');
  await dialog.getByTestId('move-reason').fill(reason);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Autosave reports everything saved. */
export const saved = (page: Page) => page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 15_000 });

/** The input of an Ant Design number field by its test id (the id lands on the input or on its wrapper). */
export const numberField = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
