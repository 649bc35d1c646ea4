import type { Page, Quote } from '../contract/index.js';
import type { QuoteRow } from '../store/graph.js';
import type { ArticleStore } from '../store/store.js';

/**
 * A page of stored quotes with the channels each was relayed through (`according to the state-run Korean Central
 * News Agency`, `state media said`), outermost last, read from the quotes of each article on the page.
 * Note: the store keeps the channels in its quotes table but its quote rows do not carry them yet; reading them
 * from the page's articles (one read per distinct article) keeps the SQL as it is until the row does.
 */
export function withChannels(store: ArticleStore, page: Page<QuoteRow>): Page<Quote> {
  const byArticle = new Map<string, Map<string, string[]>>();
  const channelsOf = (q: QuoteRow): string[] => {
    let spans = byArticle.get(q.source.article);
    if (!spans) {
      spans = new Map((store.get(q.source.article)?.quotes ?? []).map((d) => [`${d.content.start}:${d.content.end}`, (d.sources ?? []).map((c) => c.text)]));
      byArticle.set(q.source.article, spans);
    }
    return spans.get(`${q.source.start}:${q.source.end}`) ?? [];
  };
  return { ...page, items: page.items.map((q) => ({ ...q, channels: channelsOf(q) })) };
}
