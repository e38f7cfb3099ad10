import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedFrame } from './trust';

const FILE_APP = 'file:///opt/Readout/resources/app/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('isAppUrl', () => {
  it('accepts the app file with a hash route or a query', () => {
    expect(isAppUrl(`${FILE_APP}#/article/abc`, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}?x=1`, FILE_APP)).toBe(true);
  });

  it('refuses any other file, even one beside the app page', () => {
    expect(isAppUrl('file:///opt/Readout/resources/app/out/renderer/evil.html', FILE_APP)).toBe(
      false,
    );
    expect(isAppUrl('file:///home/analyst/Downloads/article.html', FILE_APP)).toBe(false);
    expect(
      isAppUrl('file:///opt/Readout/resources/app/out/renderer/index.html/../x.html', FILE_APP),
    ).toBe(false);
  });

  it('accepts any page of the dev server origin and nothing else over http', () => {
    expect(isAppUrl('http://localhost:5173/#/reader', DEV_APP)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV_APP)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', DEV_APP)).toBe(false);
  });

  it('refuses a web page when the app is a file, and a file when the app is served', () => {
    expect(isAppUrl('http://localhost:5173/', FILE_APP)).toBe(false);
    expect(isAppUrl(FILE_APP, DEV_APP)).toBe(false);
  });

  it('refuses garbage, empty and missing URLs', () => {
    expect(isAppUrl('not a url', FILE_APP)).toBe(false);
    expect(isAppUrl('', FILE_APP)).toBe(false);
    expect(isAppUrl(undefined, FILE_APP)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', FILE_APP)).toBe(false);
    expect(isAppUrl(FILE_APP, 'garbage')).toBe(false);
  });
});

describe('isTrustedFrame', () => {
  const mainFrame = { url: `${FILE_APP}#/`, parent: null };

  it('trusts the main frame showing the app page', () => {
    expect(isTrustedFrame(mainFrame, mainFrame, FILE_APP)).toBe(true);
  });

  it('refuses a subframe, even one showing the app page', () => {
    const sub = { url: FILE_APP, parent: mainFrame };
    expect(isTrustedFrame(sub, sub, FILE_APP)).toBe(false);
  });

  it('refuses a different frame object that looks like the main frame', () => {
    const lookalike = { url: mainFrame.url, parent: null };
    expect(isTrustedFrame(lookalike, mainFrame, FILE_APP)).toBe(false);
  });

  it('refuses the main frame once it has navigated away from the app', () => {
    const away = { url: 'https://evil.example/', parent: null };
    expect(isTrustedFrame(away, away, FILE_APP)).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedFrame(null, mainFrame, FILE_APP)).toBe(false);
    expect(isTrustedFrame(undefined, undefined, FILE_APP)).toBe(false);
  });
});
