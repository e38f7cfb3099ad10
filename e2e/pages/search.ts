import type { Locator, Page } from '@playwright/test';

/** The search box in the top bar and its results. */
export class SearchBox {
  readonly input: Locator;
  readonly results: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    const region = page.getByRole('search');
    this.input = region.getByRole('combobox', { name: 'Search' });
    this.results = region.getByRole('listbox', { name: 'Search results' });
    this.options = this.results.getByRole('option');
  }

  /** Focuses the box with `/`, as an analyst would, and types the query. */
  async search(query: string): Promise<void> {
    await this.page.locator('body').press('/');
    await this.input.fill(query);
  }
}
