import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { largestBlock } from './html-body.js';
import { articleFromHtml } from './html.js';

const sentence = (i: number): string => `Sentence ${i} of the report says the river rose by two metres overnight and cut the town off from the main road.`;

const richPage = `<!doctype html><html lang="en"><head><title>Floods cut off river town | Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<div class="share-bar"><a href="/fb">Share on Facebook</a> <a href="/tw">Share on X</a> <a href="/mail">Email</a></div>
<div class="story-wrapper social-share-enabled"><article>
  <h1>Floods cut off river town</h1>
  <p>${sentence(1)}<br>${sentence(2)}<br><br>${sentence(3)}</p>
  <figure><img src="/a.jpg" alt=""><figcaption>Residents wade through the flooded market square on Monday.</figcaption></figure>
  <p>${sentence(10)} ${sentence(11)} ${sentence(12)}</p>
  <h2>What residents said</h2>
  <blockquote><p>We have never seen the water come up this fast, not in forty years of living by the river.</p></blockquote>
  <p>${sentence(6)} ${sentence(7)} ${sentence(8)}</p>
  <p>Officials listed what was needed most, and said that help from the capital had been promised for the end of the week:</p>
  <ul><li>drinking water for four thousand people</li><li>boats to reach the outlying farms</li><li>generators for the clinic</li></ul>
  <p>${sentence(4)} ${sentence(5)}</p>
  <div class="share-tools"><a href="/fb">Share on Facebook</a> <a href="/tw">Share on X</a></div>
</article></div></body></html>`;

describe('the HTML reader', () => {
  it('keeps the article whole: <br>-split paragraphs, a subhead, a block quote and a list, without the caption or the share bar', () => {
    const a = articleFromHtml(richPage, 'rich.html');
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs[0]).toBe('Floods cut off river town');
    expect(paragraphs).toContain(sentence(1));
    expect(paragraphs).toContain(sentence(2));
    expect(paragraphs).toContain(sentence(3));
    expect(paragraphs).toContain('What residents said');
    expect(paragraphs).toContain('We have never seen the water come up this fast, not in forty years of living by the river.');
    expect(paragraphs).toContain('boats to reach the outlying farms');
    expect(a.text).toContain(sentence(5));
    expect(a.text).not.toContain('Residents wade');
    expect(a.text).not.toContain('Share on');
    expect(a.meta.outlet).toBe('Example News');
  });

  it('says which path read the page in a note over the body', () => {
    const a = articleFromHtml(richPage, 'rich.html');
    expect(a.notes).toHaveLength(1);
    const note = a.notes[0]!;
    expect(note).toMatchObject({ source: 'read', rule: 'html-readability' });
    expect(a.text.slice(note.start, note.end).startsWith(sentence(1))).toBe(true);
    expect(note.end).toBe(a.text.length);
  });

  it('reads the JSON-LD articleBody of a page whose markup holds no article (a script-rendered shell)', () => {
    const body = [sentence(1), sentence(2), sentence(3)].join('\n');
    const page = `<html><head><title>Shell</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'River town cut off', articleBody: body, author: { name: 'Ana Ruiz' } })}</script></head><body><div id="app"></div><script>render()</script></body></html>`;
    const a = articleFromHtml(page, 'shell.html');
    expect(a.notes[0]?.rule).toBe('html-json-ld');
    expect(a.text).toBe(`River town cut off\n\n${sentence(1)}\n\n${sentence(2)}\n\n${sentence(3)}`);
    expect(a.meta.authors).toEqual(['Ana Ruiz']);
  });

  it('finds the largest block of paragraphs, leaving out the link-dense ones', () => {
    const { document } = parseHTML(`<html><body><div id="menu"><p><a href="/a">A long list of links to other sections of the site</a></p></div>
      <div id="story"><p>${sentence(1)}</p><p>${sentence(2)}</p></div><div id="teaser"><p>${sentence(9)}</p></div></body></html>`);
    const reading = largestBlock(document);
    expect(reading?.path).toBe('html-largest-block');
    expect(reading?.paragraphs).toEqual([sentence(1), sentence(2)]);
  });

  it('refuses a page with nothing to read, and a short error page, with WG_NO_ARTICLE', () => {
    expect(() => articleFromHtml('<html><body><nav><a href="/">Home</a></nav><div id="app"></div></body></html>', 'empty.html')).toThrow(expect.objectContaining({ code: 'WG_NO_ARTICLE' }));
    expect(() => articleFromHtml('<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry.</p></body></html>', '404.html')).toThrow(expect.objectContaining({ code: 'WG_NO_ARTICLE' }));
  });

  it('reads a short page that is no error page rather than refusing it', () => {
    const a = articleFromHtml('<html><head><title>Notice</title></head><body><p>The library is closed on Monday.</p></body></html>', 'short.html');
    expect(a.text).toContain('The library is closed on Monday.');
  });
});
