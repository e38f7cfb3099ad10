/**
 * Generated news files for the scale benchmark and the large-import e2e test (issue 14): small
 * plain-text articles of 2–4 KB, each reporting one meeting between two governments among a
 * few thousand real meetings of the generated world, so that a library of any size has
 * meetings to find and merge. Deterministic: the same count and seed give the same bytes. The
 * sentences are written for this generator; nothing is taken from third-party texts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prng } from '../../src-main/testing/prng';

const PLACES: [string, string, string][] = [
  ['Vietnam', 'Vietnamese', 'Hanoi'],
  ['Ghana', 'Ghanaian', 'Accra'],
  ['Senegal', 'Senegalese', 'Dakar'],
  ['Brazil', 'Brazilian', 'Brasília'],
  ['Chile', 'Chilean', 'Santiago'],
  ['Poland', 'Polish', 'Warsaw'],
  ['Portugal', 'Portuguese', 'Lisbon'],
  ['Kazakhstan', 'Kazakh', 'Astana'],
  ['Japan', 'Japanese', 'Tokyo'],
  ['India', 'Indian', 'New Delhi'],
  ['Kenya', 'Kenyan', 'Nairobi'],
  ['Mexico', 'Mexican', 'Mexico City'],
  ['Morocco', 'Moroccan', 'Rabat'],
  ['Norway', 'Norwegian', 'Oslo'],
  ['Thailand', 'Thai', 'Bangkok'],
  ['Peru', 'Peruvian', 'Lima'],
];
const ROLES = ['foreign ministers', 'trade ministers', 'defence ministers', 'energy ministers'];
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** Paragraphs with no meeting in them, to bring an article to a realistic length. */
const BACKGROUND = [
  'Officials on both sides described the relationship as steady, though several disputes over tariffs on farm produce remain open and are expected to take months to settle.',
  'Port operators have asked for clearer customs rules, saying that containers wait too long at the border while paperwork is checked by hand in two separate offices.',
  'A joint working group set up two years ago has met at the level of senior officials, but has so far published only a short list of priorities for rail and road links.',
  'Business groups welcomed the contacts and said they hoped for a simpler visa process for engineers, students and seasonal workers travelling between the two countries.',
  'Opposition lawmakers questioned the cost of the programme and asked the government to publish the full text of any agreement before it is put to a vote in parliament.',
  'Economists noted that exports of machinery and fertiliser have grown by about a fifth in the past year, while imports of fruit and textiles have changed little.',
  'Local newspapers reported that the visit had been planned for several weeks and that security around the government district would be tightened for the day.',
  'Environmental campaigners used the occasion to call for common limits on fishing in shared waters and for more money to protect the coastline from storms.',
];

export interface ScaleFile {
  name: string;
  text: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The `i`th file of a generated library of `count` files: reports of about count / 2.5 real
 * meetings in 2023, each report published a few days before or after its meeting.
 */
export function scaleFile(i: number, count: number, seed = 14): ScaleFile {
  const meetings = Math.max(1, Math.round(count / 2.5));
  const m = Math.floor(prng(seed * 1_000_003 + i)() * meetings);
  const rand = prng(seed * 7919 + m);
  const a = PLACES[Math.floor(rand() * PLACES.length)];
  let b = PLACES[Math.floor(rand() * PLACES.length)];
  if (b === a) b = PLACES[(PLACES.indexOf(a) + 1) % PLACES.length];
  const role = ROLES[Math.floor(rand() * ROLES.length)];
  const dayOfYear = Math.floor(rand() * 360);
  const meetingDay = new Date(Date.UTC(2023, 0, 1 + dayOfYear));
  const own = prng(seed * 31 + i);
  const offset = Math.floor(own() * 9) - 4;
  const published = new Date(meetingDay.getTime() + offset * 86_400_000);
  const held = offset >= 0;
  const when = `${MONTHS[meetingDay.getUTCMonth()]} ${meetingDay.getUTCDate()}`;
  const lead = held
    ? `The ${role} of ${a[0]} and ${b[0]} met in ${a[2]} on ${when}, ${2023}, to discuss trade and transport links, officials said.`
    : `The ${role} of ${a[0]} and ${b[0]} will meet in ${a[2]} on ${when}, ${2023}, to discuss trade and transport links, officials said.`;
  const paragraphs = [lead];
  const target = 2000 + Math.floor(own() * 2000);
  let length = lead.length;
  for (let k = 0; length < target; k++) {
    const p = BACKGROUND[(i + k * 3) % BACKGROUND.length];
    paragraphs.push(
      k === 0 ? `The ${b[1]} delegation was led by a deputy minister. ${p}` : `${p} (${i}.${k})`,
    );
    length += p.length + 8;
  }
  const iso = `${published.getUTCFullYear()}-${pad(published.getUTCMonth() + 1)}-${pad(published.getUTCDate())}`;
  const title = `${a[1]} and ${b[1]} ${role} ${held ? 'meet' : 'to meet'} in ${a[2]} (${i})`;
  return {
    name: `news-${pad(i, 6)}.txt`,
    text: `date ${iso}\nTitle: ${title}\n\n${paragraphs.join('\n\n')}\n`,
  };
}

/** Writes `count` generated files into `dir` (created), `batch` writes at a time. */
export async function writeScaleCorpus(dir: string, count: number, seed = 14): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  const batch = 200;
  for (let i = 0; i < count; i += batch) {
    const files = Array.from({ length: Math.min(batch, count - i) }, (_, k) =>
      scaleFile(i + k, count, seed),
    );
    await Promise.all(files.map(f => writeFile(join(dir, f.name), f.text)));
    for (const f of files) bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}
