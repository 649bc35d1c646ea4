/**
 * The edits outlets make to a wire story, for the syndication development set (eval/syndication.ts): each
 * takes the story's parts and a seeded random source and returns the parts changed.
 */

/** A seeded random source (mulberry32): the same seed gives the same set. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** An article being built: headline, lines above the body, dateline, body paragraphs, lines at the end. */
export interface Parts {
  readonly headline: string;
  readonly top: readonly string[];
  /** `PLACE (AFP) -` or `PLACE -`, opening the first paragraph; empty for none. */
  readonly dateline: string;
  readonly paragraphs: readonly string[];
  readonly bottom: readonly string[];
}

/** The article text: headline, top lines, the body with its dateline, bottom lines, blank lines between. */
export function render(p: Parts, separator = '\n\n'): string {
  const body = p.paragraphs.map((para, i) => (i === 0 && p.dateline ? `${p.dateline} ${para}` : para));
  return [p.headline, ...p.top, ...body, ...p.bottom].filter((s) => s.length > 0).join(separator);
}

/** Introduces a spelling slip in about one word in `every`: two letters swapped or one dropped. */
export function typos(text: string, rng: Random, every: number): string {
  return text.replace(/\b[a-z]{5,}\b/g, (word) => {
    if (!rng.chance(1 / every)) return word;
    const i = rng.int(1, word.length - 3);
    return rng.chance(0.5) ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
  });
}

/** Straight quotes made curly or curly ones straight. */
export function quoteMarks(text: string, rng: Random): string {
  if (rng.chance(0.5)) return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  let open = true;
  return text.replace(/"/g, () => ((open = !open) ? '”' : '“')).replace(/'/g, '’');
}

/** Spacing changes: doubled spaces, trailing spaces, Windows line ends, or single line breaks between paragraphs. */
export function spacing(text: string, rng: Random): string {
  const kind = rng.int(0, 3);
  if (kind === 0) return text.replace(/\. /g, () => (rng.chance(0.3) ? '.  ' : '. '));
  if (kind === 1) return text.replace(/\n\n/g, ' \n\n');
  if (kind === 2) return text.replace(/\n/g, '\r\n');
  return text.replace(/\n\n/g, '\n');
}

/** Lines outlets add at the end of a wire story. */
export function boilerplate(outlet: string, otherHeadline: string, rng: Random): string[] {
  const lines = [`Copyright ${rng.int(2004, 2025)} ${outlet}. All rights reserved.`, `Read more: ${otherHeadline}`, 'Follow us on Twitter and Facebook for the latest news.', `This material may not be published, broadcast, rewritten or redistributed.`];
  return rng.shuffle(lines).slice(0, rng.int(1, 2));
}

/** A headline an outlet writes over a story. */
export function newHeadline(headline: string, firstSentence: string, rng: Random): string {
  const words = firstSentence.split(/\s+/).slice(0, rng.int(6, 10)).join(' ').replace(/[,.;:]$/, '');
  return rng.pick([`${headline}: report`, `WATCH: ${headline}`, words, `${headline} (updated)`, `Latest: ${words}`]);
}

/** A paragraph an outlet adds: local context, with words of its own. */
export function localParagraph(outlet: string, name: string, rng: Random): string {
  return rng.pick([
    `${outlet} has contacted ${name} for further comment and will update this report.`,
    `Readers in the region told ${outlet} they were following the developments closely.`,
    `${name} was not immediately available for comment when ${outlet} called on ${rng.pick(['Monday', 'Tuesday', 'Friday'])}.`,
    `Our correspondent adds that local reaction to the news has so far been muted.`,
  ]);
}
