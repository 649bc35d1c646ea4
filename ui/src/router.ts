import { useEffect, useState } from 'preact/hooks';

/** A parsed location hash: `#/entity/12?tab=quotes` -> path `['entity', '12']`, params. */
export interface Route {
  readonly path: readonly string[];
  readonly params: URLSearchParams;
}

function parse(): Route {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/u, '').split('?', 2);
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

/** The current hash route, updated on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = (): void => setRoute(parse());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** A link target inside the app. */
export function href(path: ReadonlyArray<string | number>, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)]));
  return `#/${path.map((p) => encodeURIComponent(String(p))).join('/')}${query.size > 0 ? `?${query}` : ''}`;
}

/** The link to a fact's source: the article, scrolled to the sentence, with the span highlighted. */
export function sourceHref(source: { article: string; sentence: number; start: number; end: number }): string {
  return href(['article', source.article], { sentence: source.sentence, start: source.start, end: source.end });
}
