/**
 * `npm run bench`: runs every benchmark suite and prints its figures. Suites register in
 * `suites` below; each returns figures with a baseline measured in the same run.
 */
import { benchBriefing } from './briefing-bench';
import { benchImport } from './import-bench';
import { benchMeetings } from './meetings-bench';
import { formatFigure, type BenchFigure } from './report';

type Suite = { name: string; run: () => Promise<BenchFigure[]> };

const suites: Suite[] = [
  { name: 'meetings', run: benchMeetings },
  { name: 'briefing', run: benchBriefing },
  { name: 'import', run: benchImport },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    console.log(`\n## ${suite.name}`);
    for (const figure of await suite.run()) console.log(formatFigure(figure));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
