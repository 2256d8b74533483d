import { Locator, Page } from 'playwright-core';

/**
 * Picks `text` in the Ant Design select labelled `label` (within `scope`, default the page) and
 * waits until the field shows it. Under load the option list can still be loading, or moving as
 * the dropdown animates in or closes, when the click lands: the field then stays empty, or the
 * option is gone before the click. So each try is bounded, the choice is checked on the field
 * itself, and a failed try starts again (four tries at most).
 */
export async function chooseOption(page: Page, label: string, text: string, scope: Page | Locator = page): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  const formItem = select.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]');
  // The select shows what was chosen as its text (a typed search is the input's value, not text).
  const shown = formItem.locator('.ant-select', { hasText: text }).first();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await select.click();
      if (await select.isEditable()) await select.fill(text);
      await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click({ timeout: 5_000 });
      await shown.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      // No Escape to reset: in a drawer or modal it would close the form. Clicking the select again
      // toggles its dropdown, so of two tries in a row one finds it open.
      if (attempt >= 4) throw error;
    }
  }
}
