import { describe, expect, it } from 'vitest';
import { capMarkupDepth, MAX_MARKUP_DEPTH, measureDom } from './html-depth.js';
import { domToParagraphs, type DomNode } from './html-text.js';
import { linkedom } from './lazy-modules.js';
import { readSource } from './read.js';

const SENTENCE = 'The minister said on Monday that the talks in Geneva would resume next week after a pause. ';

function readHtml(html: string) {
  const started = performance.now();
  const [item] = readSource({ name: 'page.html', bytes: Buffer.from(html), contentType: null, url: null }, { kind: 'html', date: null });
  return { item: item!, ms: performance.now() - started };
}

const rules = (item: ReturnType<typeof readHtml>['item']): string[] => (item.ok ? item.article.notes.map((n) => n.rule) : []);

describe('markup depth cap', () => {
  it('drops tags nested past the cap and keeps their text', () => {
    const html = `${'<div>'.repeat(5)}<span>deep</span> text${'</div>'.repeat(5)}<p>after</p>`;
    const capped = capMarkupDepth(html, 3);
    expect(capped.dropped).toBe(6);
    const { document } = linkedom().parseHTML(`<html><body>${capped.html}</body></html>`);
    // Note: the body, the three divs kept and a `<br>` leaf.
    expect(measureDom(document.body as unknown as DomNode).depth).toBe(5);
    expect(domToParagraphs(document.body as unknown as DomNode).join('|')).toBe('deep text|after');
  });

  it('leaves markup within the cap as it is, sibling paragraphs and stray end tags included', () => {
    const html = '<p>one<p>two</b></i><div><p>three</p></div><!-- <div><div><div> --><script>if (a<b) {}</script>';
    expect(capMarkupDepth(html, 3)).toEqual({ html, dropped: 0 });
  });
});

describe('hostile pages are read in a few seconds', () => {
  it('reads 100,000-level nesting, flattened, without Readability', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}${SENTENCE.repeat(5)}${'</div>'.repeat(100_000)}</body></html>`;
    const { item, ms } = readHtml(html);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.article.text).toContain('talks in Geneva');
    expect(rules(item)).toEqual(expect.arrayContaining(['html-depth-cut', 'html-readability-skipped']));
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it('measures a page with a doctype from its root element (the fuzzer found Readability run on a 1,000-deep page)', () => {
    const html = `<!doctype html><html><body>${'<div>'.repeat(300)}<p>${SENTENCE.repeat(4)}</p>${'</div>'.repeat(300)}</body></html>`;
    const { item } = readHtml(html);
    expect(rules(item)).toContain('html-readability-skipped');
  });

  it('reads 200,000 sibling paragraphs without Readability', () => {
    const html = `<html><body>${Array.from({ length: 200_000 }, (_, i) => `<p>Paragraph ${i} of the page.</p>`).join('')}</body></html>`;
    const { item, ms } = readHtml(html);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.article.text.split('\n\n').length).toBeGreaterThanOrEqual(200_000);
    expect(rules(item)).toContain('html-readability-skipped');
    expect(rules(item)).not.toContain('html-depth-cut');
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('reads an 8 MB paragraph', () => {
    const html = `<html><body><article><p>${SENTENCE.repeat(Math.ceil(8e6 / SENTENCE.length))}</p></article></body></html>`;
    const { item, ms } = readHtml(html);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.article.text.length).toBeGreaterThan(7.9e6);
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  it('walks markup deeper than the cap without a stack overflow', () => {
    const { document } = linkedom().parseHTML(`<html><body>${'<span>'.repeat(MAX_MARKUP_DEPTH * 5)}x${'</span>'.repeat(MAX_MARKUP_DEPTH * 5)}</body></html>`);
    expect(domToParagraphs(document.body as unknown as DomNode)).toEqual(['x']);
    expect(measureDom(document.body as unknown as DomNode).depth).toBe(MAX_MARKUP_DEPTH * 5 + 1);
  });
});

describe('hostile text', () => {
  it('reads a 10 MB single line without a stack overflow in paragraph splitting', () => {
    const line = 'Officials said >\u200b}{ the talks would go on. '.repeat(220_000);
    const [item] = readSource({ name: 'long.txt', bytes: Buffer.from(line), contentType: null, url: null }, { kind: 'text', date: null });
    expect(item?.ok ? 'ok' : item?.error.message).toBe('ok');
  }, 60_000);
});
