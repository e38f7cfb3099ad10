// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRoot } from '../../testing-dom';
import { TagsInput } from './TagsInput';

const dom = reactRoot();

/** Renders the field with stored tags that do not change until the test says so, as a live query. */
function renderTags(tags: string[], suggestions: string[] = []): string[][] {
  const sent: string[][] = [];
  act(() =>
    dom.root.render(
      <TagsInput
        label="Article tags"
        tags={tags}
        suggestions={suggestions}
        onChange={t => sent.push(t)}
      />,
    ),
  );
  return sent;
}

function field(): HTMLInputElement {
  return dom.container.querySelector('input')!;
}

function type(text: string) {
  const input = field();
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(key: string) {
  act(() => {
    field().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function paste(text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
  act(() => {
    field().dispatchEvent(event);
  });
}

describe('TagsInput', () => {
  it('keeps both tags typed quickly, before the stored list comes back', () => {
    const sent = renderTags([]);
    type('syria');
    press('Enter');
    type('refugees');
    press('Enter');
    expect(sent.at(-1)).toEqual(['syria', 'refugees']);
    expect([...dom.container.querySelectorAll('.tag span')].map(s => s.textContent)).toEqual([
      '#syria',
      '#refugees',
    ]);
  });

  it('makes two tags of a pasted "Iran, Russia" and leaves the field empty', () => {
    const sent = renderTags(['sanctions']);
    paste('Iran, Russia');
    expect(sent).toEqual([['sanctions', 'Iran', 'Russia']]);
    expect(field().value).toBe('');
  });

  it('completes from the one list of tags in use, taking its spelling', () => {
    const sent = renderTags(['iran'], ['iran', 'Kabul', 'moscow']);
    const options = [...dom.container.querySelectorAll('datalist option')].map(o =>
      o.getAttribute('value'),
    );
    expect(options).toEqual(['Kabul', 'moscow']);
    type('KABUL');
    press('Enter');
    expect(sent).toEqual([['iran', 'Kabul']]);
  });

  it('follows the stored list once it changes', () => {
    const sent = renderTags([]);
    type('syria');
    press('Enter');
    renderTags(['syria', 'iraq']);
    press('Backspace');
    expect(sent.at(-1)).toEqual(['syria']);
  });
});
