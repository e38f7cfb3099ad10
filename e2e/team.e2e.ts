/**
 * Two analysts, two desks (two previews with their own profiles, two browser contexts), one team
 * on a CouchDB-compatible server in the test process: work made on one desk reaches the other
 * live; an edit both make to the same note while one is offline shows as a conflict on both
 * desks until one of them decides it. The fixture checks that each page only ever spoke to its
 * own preview: the team server is reached by main, not by the page.
 */
import { resolve } from 'node:path';
import { expect as soloExpect, test as solo } from './fixtures';
import { DeskPage } from './pages/desk';
import { LibraryPage } from './pages/library';
import { TeamPage } from './pages/team';
import { expect, test, type TeamDesk, type TeamWorld } from './team-fixtures';

const MOSCOW = /^The defense ministers/;
const QUOTE = 'defense ministers and intelligence chiefs';

async function joinBoth(world: TeamWorld): Promise<void> {
  for (const desk of [world.ana, world.ben]) {
    await new TeamPage(desk.page).join({
      serverUrl: desk.link.url,
      teamId: world.team.teamId,
      username: desk.name,
      password: desk.password,
    });
  }
}

/** Ana highlights a passage; it arrives on Ben's desk. */
async function shareAHighlight(world: TeamWorld): Promise<[DeskPage, DeskPage]> {
  const ana = new DeskPage(world.ana.page);
  const ben = new DeskPage(world.ben.page);
  await ana.open(MOSCOW);
  await ben.open(MOSCOW);
  await ana.highlight(QUOTE, 'Participant');
  await expect(ben.panelHighlights).toHaveCount(1, { timeout: 20_000 });
  await expect(ben.item(QUOTE)).toContainText('Participant');
  return [ana, ben];
}

async function writeNote(desk: DeskPage, text: string): Promise<void> {
  const select = desk.item(QUOTE).getByRole('button', { name: /^Participant “/ });
  if ((await select.getAttribute('aria-pressed')) !== 'true') await select.click();
  await desk.writeNote(desk.noteField, text);
}

function badge(desk: TeamDesk) {
  return desk.page
    .getByRole('list', { name: 'Highlights in this article' })
    .getByRole('button', { name: 'Conflict on Note: decide' });
}

test.describe('team desks', () => {
  test.setTimeout(120_000);

  test('a highlight made on one desk appears on the other', async ({ world }) => {
    await joinBoth(world);
    const [, ben] = await shareAHighlight(world);
    await new TeamPage(world.ana.page).synced();
    await new TeamPage(world.ben.page).synced();
    await expect(ben.marksOf(QUOTE)).not.toHaveCount(0);
  });

  test('an article imported on one desk appears in the other desk’s library and opens', async ({
    world,
  }) => {
    await joinBoth(world);
    // A file with a header line, as most are: its id hashes the whole file, not only the text.
    await new LibraryPage(world.ana.page).importFiles([
      {
        name: 'lisbon-talks.txt',
        buffer: Buffer.from(
          'Envoys resume fisheries talks in Lisbon\n\nLISBON – The two envoys met on Friday ' +
            'and agreed to meet again within a month.\n',
        ),
      },
    ]);
    const benLibrary = new LibraryPage(world.ben.page);
    await expect(benLibrary.article(/^Envoys resume fisheries talks/)).toBeVisible({
      timeout: 30_000,
    });
    await benLibrary.article(/^Envoys resume fisheries talks/).click();
    await expect(benLibrary.readerText).toContainText('agreed to meet again within a month');
    await new TeamPage(world.ana.page).synced();
    await new TeamPage(world.ben.page).synced();
  });

  test('a note both analysts changed shows a conflict on both desks until one decides', async ({
    world,
  }) => {
    await joinBoth(world);
    const [ana, ben] = await shareAHighlight(world);
    const anaTeam = new TeamPage(world.ana.page);

    world.ana.link.cut();
    await writeNote(ana, 'Ask the embassy which day they met.');
    await expect(anaTeam.chip).toHaveText(/^Offline/, { timeout: 20_000 });
    await writeNote(ben, 'They met on the Tuesday, per the ministry.');
    await new TeamPage(world.ben.page).synced();
    world.ana.link.restore();

    await expect(badge(world.ana)).toBeVisible({ timeout: 30_000 });
    await expect(badge(world.ben)).toBeVisible({ timeout: 30_000 });
    await expect(anaTeam.chip).toHaveText(/· 1 conflict$/);

    await badge(world.ben).click();
    const entry = world.ben.page.getByRole('group', { name: 'Needs your decision' });
    await expect(entry).toContainText('Ask the embassy which day they met.');
    await expect(entry).toContainText('ana');
    await expect(entry).toContainText('They met on the Tuesday, per the ministry.');
    if (process.env.READOUT_SCREENSHOTS) {
      await world.ben.page.setViewportSize({ width: 1600, height: 900 });
      await world.ben.page.mouse.move(0, 0);
      await world.ben.page.screenshot({
        path: resolve(__dirname, 'screenshots', 'team-conflict.png'),
      });
    }
    await entry.getByRole('button', { name: /^Keep theirs/ }).click();

    await expect(badge(world.ben)).toHaveCount(0);
    await expect(badge(world.ana)).toHaveCount(0, { timeout: 30_000 });
    for (const desk of [ana, ben]) {
      await expect(desk.item(QUOTE)).toContainText('Ask the embassy which day they met.');
    }
    await anaTeam.synced();
    await expect(anaTeam.chip).toHaveText('Synced');
  });
});

solo('without a team the page sends no sync request at all', async ({ app }) => {
  solo.setTimeout(60_000);
  const sent: string[] = [];
  app.page.on('request', request => {
    if (/\/api\/(sync|team):/.test(request.url())) sent.push(new URL(request.url()).pathname);
  });
  await app.page.reload();
  await soloExpect(app.page.getByRole('button', { name: 'Team…' })).toBeVisible();
  await new DeskPage(app.page).open(MOSCOW);
  await new DeskPage(app.page).highlight(QUOTE, 'Participant');
  soloExpect(sent.filter(path => path !== '/api/team:status')).toEqual([]);
});
