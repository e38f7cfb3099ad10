import { expect, type Locator, type Page } from '@playwright/test';

/** The sync chip, the team dialog and the conflict badges, by role and accessible name. */
export class TeamPage {
  readonly chip: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.chip = page.getByRole('banner').getByRole('button', {
      name: /^(Team…|Synced|Syncing|Offline|Sync stopped)/,
    });
    this.dialog = page.getByRole('dialog');
  }

  /** Joins through the dialog, as an analyst with the details `readout team setup` printed. */
  async join(details: { serverUrl: string; teamId: string; username: string; password: string }) {
    await this.chip.click();
    const form = this.dialog.getByRole('form', { name: 'Join a team' });
    await form.getByLabel('Server').fill(details.serverUrl);
    await form.getByLabel('Team').fill(details.teamId);
    await form.getByLabel('User name').fill(details.username);
    await form.getByLabel('Password').fill(details.password);
    await form.getByRole('button', { name: 'Join' }).click();
    await expect(
      this.dialog.getByRole('heading', { name: `Team ${details.teamId}` }),
    ).toBeVisible();
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Waits until the chip says the desk is synced with nothing pending. */
  async synced(): Promise<void> {
    await expect(this.chip).toHaveText(/^Synced( · \d+ conflicts?)?$/);
  }
}
