import { Locator, Page } from 'playwright-core';

/**
 * Picks `text` in the Ant Design select labelled `label` (within `scope`, default the page) and
 * waits until the field shows it. Under load the option list can still be loading, or moving as
 * the dropdown animates in, when the click lands: the field then stays empty and the form is sent
 * without it. So the choice is checked on the field itself and made again (three tries at most)
 * rather than trusted.
 */
export async function chooseOption(page: Page, label: string, text: string, scope: Page | Locator = page): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  const formItem = select.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]');
  // The select shows what was chosen as its text (a typed search is the input's value, not text).
  const shown = formItem.locator('.ant-select', { hasText: text }).first();
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (await select.isEditable()) await select.fill(text);
    await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
    try {
      await shown.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
