/**
 * Keyboard shortcuts in one registry, so that `?` can list every one of them and features can add
 * their own without knowing each other. Shortcuts do not fire while the analyst types in a field,
 * except those marked `inFields` (Escape).
 */
import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** KeyboardEvent.key, e.g. "j", "/", "?", "Escape"; with `mod` for Ctrl/Cmd combinations. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  /** Shown in the `?` list. */
  description: string;
  /** Groups the `?` list ("Reading", "Highlights"…). */
  group: string;
  inFields?: boolean;
  run: (event: KeyboardEvent) => void;
}

const registered = new Set<Shortcut>();
const listeners = new Set<() => void>();

export function listShortcuts(): Shortcut[] {
  return [...registered];
}

export function onShortcutsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Finds the shortcut a key press means, or null. Exported for tests. */
export function match(shortcuts: Iterable<Shortcut>, e: KeyboardEvent): Shortcut | null {
  const mod = e.ctrlKey || e.metaKey;
  for (const s of shortcuts) {
    if (!!s.mod !== mod) continue;
    if (s.mod && !!s.shift !== e.shiftKey) continue;
    if (s.key.toLowerCase() !== e.key.toLowerCase()) continue;
    if (isTyping(e.target) && !s.inFields) continue;
    return s;
  }
  return null;
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey) return;
  const s = match(registered, e);
  if (!s) return;
  e.preventDefault();
  s.run(e);
}

let installed = false;

/** Registers a shortcut while the calling component is mounted. `run` may change every render. */
export function useShortcut(shortcut: Shortcut, enabled = true): void {
  const latest = useRef(shortcut);
  useEffect(() => {
    latest.current = shortcut;
  });
  const { key, mod, shift, description, group, inFields } = shortcut;
  useEffect(() => {
    if (!enabled) return;
    if (!installed) {
      window.addEventListener('keydown', onKeyDown);
      installed = true;
    }
    const entry: Shortcut = {
      key,
      mod,
      shift,
      description,
      group,
      inFields,
      run: e => latest.current.run(e),
    };
    registered.add(entry);
    listeners.forEach(l => l());
    return () => {
      registered.delete(entry);
      listeners.forEach(l => l());
    };
  }, [key, mod, shift, description, group, inFields, enabled]);
}
