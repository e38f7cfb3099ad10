/** Offers text as a file download (Blob + `<a download>`), in the browser and in Electron alike. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started reading the blob by the time this runs; free it later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "2025-02-01", for file names. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A file-name-safe slug of a title. */
export function slug(title: string): string {
  const s = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return s || 'article';
}
