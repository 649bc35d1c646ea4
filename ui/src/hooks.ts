import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** The state of a request: loading, its value, or its error message. */
export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'ok'; readonly value: T } | { readonly state: 'error'; readonly message: string };

/**
 * Runs a request when its key changes, and keeps only the latest answer.
 * Note: a value is only returned for the key it was loaded for. Otherwise the first render after a change of
 * key would show the old answer under the new page's labels (page 2's stories headed "page 1").
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly loaded: Loaded<T> }>({ key, loaded: { state: 'loading' } });
  useEffect(() => {
    let live = true;
    setLoaded({ key, loaded: { state: 'loading' } });
    load().then(
      (value) => live && setLoaded({ key, loaded: { state: 'ok', value } }),
      (e: unknown) => live && setLoaded({ key, loaded: { state: 'error', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return loaded.key === key ? loaded.loaded : { state: 'loading' };
}

/**
 * The width in CSS pixels of the element the returned ref is put on, followed as it resizes (0 until measured).
 * Note: drawings sized to it keep one SVG unit per pixel, so their labels stay readable on a narrow phone.
 */
export function useWidth<T extends Element>(): [Ref<T>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(element);
    setWidth(Math.floor(element.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
