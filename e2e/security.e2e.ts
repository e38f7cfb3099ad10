/**
 * The renderer's Content-Security-Policy as the browser enforces it, not only as it is written
 * (src-main/csp.test.ts checks the text): injected inline scripts and inline event handlers do
 * not run, and the page cannot load from or connect to any other origin. (Playwright's own
 * `evaluate` runs with DevTools' exemption from CSP, so the probes below inject code the way an
 * attacker's text would, as DOM, instead of calling eval from the test.)
 */
import { expect, test } from './fixtures';

test.describe('content security policy', () => {
  test('injected inline scripts and inline event handlers do not run', async ({ app }) => {
    const outcome = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.handlerRan = true');
      document.body.append(button);
      button.click();
      button.remove();
      await new Promise(done => setTimeout(done, 50));
      const w = window as { inlineRan?: boolean; handlerRan?: boolean };
      return { inline: w.inlineRan ?? false, handler: w.handlerRan ?? false };
    });
    expect(outcome).toEqual({ inline: false, handler: false });
  });

  test('the page cannot fetch from or load images from another origin', async ({ app }) => {
    const answered: string[] = [];
    app.page.on('response', response => {
      if (!response.url().startsWith('http://127.0.0.1:')) answered.push(response.url());
    });
    const outcome = await app.page.evaluate(async () => {
      const fetched = await fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      );
      const image = await new Promise<string>(done => {
        const img = new Image();
        img.onload = () => done('loaded');
        img.onerror = () => done('refused');
        img.src = 'https://example.com/pixel.png';
      });
      return { fetched, image };
    });
    expect(outcome).toEqual({ fetched: 'refused', image: 'refused' });
    expect(answered).toEqual([]);
    // Chromium reports the image it then blocks as a request; the page got no answer (above),
    // so this one attempt is not counted against the fixture's offline check.
    app.requestedHosts.delete('example.com');
  });
});
