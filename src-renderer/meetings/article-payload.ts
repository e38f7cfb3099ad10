/**
 * The article as the contract's Article schema knows it, for the extraction channels: the stored
 * record carries fields of the store's own (import time, tags…) that the channel's strict schema
 * would refuse, and that main has no use for.
 */
import type { Article } from '../../src-main/contract/article';

export function articleForExtraction(a: Article): Article {
  return {
    id: a.id,
    source: a.source,
    file: a.file,
    title: a.title,
    publisher: a.publisher,
    published: a.published,
    dateline: a.dateline,
    text: a.text,
    paragraphs: a.paragraphs,
    wordCount: a.wordCount,
  };
}
