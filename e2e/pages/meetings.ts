import { expect, type Locator, type Page } from '@playwright/test';

/** The meetings view, found by role and accessible name. */
export class MeetingsPage {
  readonly list: Locator;
  readonly items: Locator;
  readonly card: Locator;
  readonly sources: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: /^Meetings/ });
    this.items = this.list.getByRole('button');
    this.card = page.getByTestId('meeting-card');
    this.sources = this.card.getByRole('region', { name: /^Sources/ });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Meetings' })
      .click();
  }

  /** Opens the first meeting matching `text` and its Export briefing dialog. */
  async openExport(text: RegExp): Promise<Locator> {
    await this.open();
    await this.item(text).first().click();
    await this.card.getByRole('button', { name: 'Export briefing…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export briefing' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /**
   * How many meetings the list holds, from its heading ("Meetings 6"): the list is virtualised,
   * so the rows in the DOM are only those in view.
   */
  async total(): Promise<number> {
    const text = await this.page.getByRole('heading', { name: /^Meetings \d+$/ }).textContent();
    return Number(/\d+/.exec(text ?? '')?.[0] ?? NaN);
  }

  item(text: RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  /** One field of the open card ("Date", "Level"…): its value, badge, sources and controls. */
  field(name: string): Locator {
    return this.card.getByRole('group', { name, exact: true });
  }

  /** The card's pane, which scrolls on its own. */
  get cardPane(): Locator {
    return this.page.getByRole('main').filter({ has: this.card });
  }

  /** The open card's title. */
  get title(): Locator {
    return this.card.getByRole('heading', { level: 2 });
  }

  /** Opens the card's merge picker and returns its select. */
  async openMergePicker(): Promise<Locator> {
    await this.card.getByRole('button', { name: 'Merge with…' }).click();
    return this.card.getByRole('combobox', { name: 'Meeting to merge into this one' });
  }

  /** Edits one field of the open card: fills the named inputs and saves. */
  async editField(field: string, label: string, inputs: Record<string, string>): Promise<void> {
    const row = this.field(field);
    await row.getByRole('button', { name: `Edit ${label}` }).click();
    for (const [name, value] of Object.entries(inputs))
      await row.getByRole('textbox', { name, exact: true }).fill(value);
    await row.getByRole('button', { name: `Save ${label}` }).click();
  }

  async filter(label: 'Status' | 'Country' | 'Show' | 'Order', option: string): Promise<void> {
    await this.page
      .getByRole('search', { name: 'Filter meetings' })
      .getByLabel(label)
      .selectOption({ label: option });
  }

  /**
   * Opens the view and waits until the first extraction of the library has been stored, so a
   * test that compares two backups does not catch the meetings table half-way.
   */
  async settled(): Promise<void> {
    await this.open();
    await expect(this.items.first()).toBeVisible();
    await expect(this.page.locator('.sync-status')).toHaveText('');
  }
}
