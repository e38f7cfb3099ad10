/**
 * What a typed or pasted line of tags adds to a tag list. Kept apart from the component so the
 * rules (commas split, one spelling a tag, no duplicates) are tested without a DOM.
 */
import { cleanTag } from '../../db/highlights';

/** Characters that end one tag and start the next when pasted or typed ("Iran, Russia"). */
const SEPARATORS = /[,;\n\r\t]+/;

/** The tags in a typed or pasted string, cleaned, in order; empty when nothing usable is left. */
export function splitTags(raw: string): string[] {
  return raw
    .split(SEPARATORS)
    .map(cleanTag)
    .filter((t): t is string => t !== null);
}

/**
 * The list after adding the tags in `raw`. A tag already on the list is not added twice, whatever
 * its case; a tag already in use elsewhere (`vocabulary`: every tag of highlights and articles)
 * keeps the spelling it has there, so "IRAN" typed on an article joins the highlights' "iran".
 * Returns the same array when nothing new was added.
 */
export function addTags(
  current: readonly string[],
  raw: string,
  vocabulary: readonly string[],
): readonly string[] {
  const known = new Map<string, string>();
  for (const t of vocabulary) if (!known.has(t.toLowerCase())) known.set(t.toLowerCase(), t);
  const taken = new Set(current.map(t => t.toLowerCase()));
  const added: string[] = [];
  for (const tag of splitTags(raw)) {
    const key = tag.toLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    added.push(known.get(key) ?? tag);
  }
  return added.length === 0 ? current : [...current, ...added];
}
