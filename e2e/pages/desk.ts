import { expect, type Locator, type Page } from '@playwright/test';

/** The reader with highlights, the side panel and the All highlights view, by role and name. */
export class DeskPage {
  readonly text: Locator;
  readonly marks: Locator;
  readonly panel: Locator;
  readonly panelHighlights: Locator;
  readonly orphans: Locator;
  readonly toolbar: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByTestId('article-text');
    this.marks = this.text.getByTestId('highlight');
    this.panel = page.getByRole('complementary', { name: 'Notes and highlights' });
    this.panelHighlights = this.panel
      .getByRole('list', { name: 'Highlights in this article' })
      .getByRole('listitem');
    this.orphans = this.panel
      .getByRole('list', { name: 'Highlights not found in the current text' })
      .getByRole('listitem');
    this.toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
  }

  async open(title: RegExp): Promise<void> {
    await this.page
      .getByRole('list', { name: 'Articles' })
      .getByRole('button', { name: title })
      .click();
    await expect(this.page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(
      title,
    );
  }

  /** Selects `quote` in the article text with the mouse, as an analyst would (press, drag, release). */
  async select(quote: string): Promise<void> {
    const box = await this.text.evaluate((root, q) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let all = '';
      const nodes: { node: Text; at: number }[] = [];
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        nodes.push({ node: n, at: all.length });
        all += n.data;
      }
      const start = all.indexOf(q);
      if (start < 0) throw new Error(`"${q}" is not in the article`);
      const point = (offset: number) => {
        const hit = nodes.findLast(x => x.at <= offset)!;
        return { node: hit.node, offset: offset - hit.at };
      };
      const rectOf = (offset: number) => {
        const p = point(offset);
        const r = document.createRange();
        r.setStart(p.node, p.offset);
        r.setEnd(p.node, p.offset + 1);
        const rect = r.getClientRects()[0];
        return { x: rect.x, y: rect.y + rect.height / 2, w: rect.width };
      };
      // Mouse events only reach what is on screen: bring the quote into view before measuring.
      point(start).node.parentElement?.scrollIntoView({ block: 'center' });
      const first = rectOf(start);
      const last = rectOf(start + q.length - 1);
      return { x1: first.x + 1, y1: first.y, x2: last.x + last.w - 1, y2: last.y };
    }, quote);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 3 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 3 });
    await this.page.mouse.up();
    await expect(this.toolbar).toBeVisible();
    expect(await this.page.evaluate(() => document.getSelection()?.toString())).toBe(quote);
  }

  /** Selects `quote` and highlights it with the toolbar button of `meaning`. */
  async highlight(quote: string, meaning: string): Promise<void> {
    const before = await this.panelHighlights.count();
    await this.select(quote);
    await this.toolbar.getByRole('button', { name: `Highlight as ${meaning}` }).click();
    await expect(this.panelHighlights).toHaveCount(before + 1);
  }

  /** The side panel entry of a highlight, by its quote. */
  item(quote: string | RegExp): Locator {
    return this.panelHighlights.filter({ hasText: quote });
  }

  /** The marks drawn for one highlight's passage (a highlight may be split into several runs). */
  marksOf(text: string): Locator {
    return this.marks.filter({ hasText: text });
  }

  get noteField(): Locator {
    return this.panel.getByRole('textbox', { name: 'Highlight note' });
  }

  async writeNote(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    await field.blur();
    await expect(field.locator('xpath=..').getByText('Saved', { exact: true })).toBeVisible();
  }

  async showAllHighlights(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'All highlights' })
      .click();
    await expect(
      this.page.getByRole('heading', { name: 'All highlights', level: 1 }),
    ).toBeVisible();
  }
}
