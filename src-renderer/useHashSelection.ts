import { useCallback, useEffect, useState } from 'react';

/** The selected article lives in the URL fragment (#article=ID), so a reload keeps it. */
export function useHashSelection(): [string | null, (id: string | null) => void] {
  const read = () => /(?:^#|&)article=([0-9a-f]{16})/.exec(window.location.hash)?.[1] ?? null;
  const [id, setId] = useState<string | null>(read);
  useEffect(() => {
    const onHash = () => setId(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = useCallback((next: string | null) => {
    history.replaceState(null, '', next ? `#article=${next}` : window.location.pathname);
    setId(next);
  }, []);
  return [id, select];
}
