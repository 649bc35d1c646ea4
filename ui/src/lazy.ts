import { html } from 'htm/preact';
import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view whose module (and the libraries only it needs: Cytoscape for the network, d3-geo and the base map for
 * the map) is loaded when it is first shown, so that every other view's first content waits for none of them.
 * Note: Cytoscape alone was about two thirds of the one bundle, parsed and run before any view showed.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyView(props: P): VNode {
    const [view, setView] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (view) return;
      loading ??= load().then((v) => (loaded = v));
      loading.then((v) => setView(() => v), (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    }, []);
    if (failed) return html`<p class="error" role="alert">${failed}</p>`;
    return view ? html`<${view} ...${props} />` : html`<p class="muted">Loading…</p>`;
  };
}
