import type { Quote, QuoteSource, TextSpan, Timex, Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { contentEnd } from './content.js';
import { ADDRESSEE_CUES, CUE_PREPOSITIONS, NOT_SPEAKER_LABELS, PARTICIPLE_CUES } from './locale/en.js';
import { subjectBefore, type Subject } from './noun-phrase.js';
import { mentionBefore, mentionIn } from './speaker.js';
import { cueVerbs, type SentenceView } from './words.js';

const addresseeCues = new Set<string>(ADDRESSEE_CUES);
const cuePrepositions = new Set<string>(CUE_PREPOSITIONS);
const notSpeakerLabels = new Set<string>(NOT_SPEAKER_LABELS);
const participleCues = new Set<string>(PARTICIPLE_CUES);

/**
 * Quotes: attributions found around cue verbs in each sentence. The subject before a cue is the speaker
 * (resolved to an entity through the entity layer, `he` and `who` included); the content runs forward to its
 * clause end, or is the quotation that precedes a trailing cue; `, X said` after content and `according to X`
 * are the channels it was relayed through; a headline `...: state media` is an attribution too.
 */
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'sentences', 'quotations', 'entities', 'timexes'],
  assigns: ['quotes'],
  run(article) {
    const { text, meta } = article;
    const tokens = article.layers.tokens ?? [];
    const sentences = article.layers.sentences ?? [];
    const quotations = (article.layers.quotations ?? []).filter((q) => q.closed);
    const entities = article.layers.entities ?? [];
    const timexes = article.layers.timexes ?? [];
    const quotes: Omit<Quote, 'id'>[] = [];
    const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
    const inQuotation = (offset: number): boolean => quotations.some((q) => offset > q.start && offset < q.end);
    const dateAfter = (offset: number, limit: number): string | null => timexes.find((t: Timex) => t.type === 'DATE' && t.start >= offset && t.start <= limit)?.value ?? null;
    const sentencesOf = (a: Span, b: Span): number[] => sentences.flatMap((s, i) => (s.end > Math.min(a.start, b.start) && s.start < Math.max(a.end, b.end) ? [i] : []));

    const bySentence: Token[][] = sentences.map(() => []);
    for (const t of tokens) bySentence[t.sentence]?.push(t);
    const views: SentenceView[] = bySentence.map((own, index) => ({ text, index, tokens: own, words: own.map((t) => text.slice(t.start, t.end).toLowerCase()) }));
    const speakerOf = (subject: Subject, sentenceStart: number): Pick<Quote, 'speaker' | 'speakerText' | 'speakerSpan'> => {
      const subjectSpan = span(subject.start, subject.end);
      const found = subject.relative ? mentionBefore(entities, subject.start, sentenceStart) : mentionIn(entities, subject);
      if (!found) return { speaker: null, speakerText: subjectSpan.text, speakerSpan: subjectSpan };
      return { speaker: found.entity.id, speakerText: found.entity.name, speakerSpan: subject.relative ? subjectSpan : span(found.mention.start, found.mention.end) };
    };
    const channel = (start: number, end: number): QuoteSource => {
      const found = mentionIn(entities, { start, end });
      return { ...span(start, end), entity: found?.entity.id ?? null };
    };

    /**
     * `According to X, content.` and `Content, according to X.` when no other attribution in the sentence
     * took the phrase as its channel: X is the speaker.
     */
    const accordingTo = (view: SentenceView, floor: number, consumed: ReadonlySet<number>): Omit<Quote, 'id'>[] => {
      const out: Omit<Quote, 'id'>[] = [];
      const n = view.tokens.length;
      const last = /^[.!?]$/u.test(view.words[n - 1] ?? '') ? n - 2 : n - 1;
      for (let a = floor; a + 2 <= last; a++) {
        if (view.words[a] !== 'according' || view.words[a + 1] !== 'to' || consumed.has(a)) continue;
        const cue = span(view.tokens[a]!.start, view.tokens[a + 1]!.end);
        if (a === floor) {
          const comma = view.words.indexOf(',', a + 2);
          if (comma < 0 || comma >= last) continue;
          const source = { start: view.tokens[a + 2]!.start, end: view.tokens[comma - 1]!.end, relative: false };
          const content = span(view.tokens[comma + 1]!.start, view.tokens[last]!.end);
          out.push({ kind: 'indirect', ...speakerOf(source, view.tokens[0]!.start), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'according-to-first' });
        } else if (view.words[a - 1] === ',' && a - 2 >= floor) {
          const source = { start: view.tokens[a + 2]!.start, end: view.tokens[last]!.end, relative: false };
          const content = span(view.tokens[floor]!.start, view.tokens[a - 2]!.end);
          out.push({ kind: 'indirect', ...speakerOf(source, view.tokens[0]!.start), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'according-to-last' });
        }
      }
      return out;
    };

    /**
     * `..., saying the talks had failed`: the participle's clause is attributed to the speaker of the
     * sentence's earlier attribution, or else to the person or organisation that opens the sentence.
     */
    const participles = (view: SentenceView, floor: number): Omit<Quote, 'id'>[] => {
      const out: Omit<Quote, 'id'>[] = [];
      const n = view.tokens.length;
      const last = /^[.!?]$/u.test(view.words[n - 1] ?? '') ? n - 2 : n - 1;
      for (let k = floor + 2; k < last; k++) {
        if (!participleCues.has(view.words[k]!) || view.words[k - 1] !== ',') continue;
        const cue = span(view.tokens[k]!.start, view.tokens[k]!.end);
        if (quotes.some((q) => cue.start >= q.content.start && cue.end <= q.content.end)) continue;
        const earlier = [...quotes].reverse().find((q) => q.sentences.includes(view.index) && q.cue.start < cue.start);
        let from = k + 1;
        if (view.words[from] === 'that') from++;
        if (from > last) continue;
        const content = span(view.tokens[from]!.start, view.tokens[last]!.end);
        if (earlier) {
          out.push({ ...earlier, kind: 'indirect', cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'participle' });
          continue;
        }
        const opener = mentionIn(entities.filter((e) => e.type === 'PERSON' || e.type === 'ORG'), { start: view.tokens[floor]!.start, end: view.tokens[Math.max(floor, Math.min(k - 1, floor + 8))]!.end });
        if (!opener) continue;
        out.push({ kind: 'indirect', speaker: opener.entity.id, speakerText: opener.entity.name, speakerSpan: span(opener.mention.start, opener.mention.end), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'participle' });
      }
      return out;
    };

    for (const view of views) {
      const n = view.tokens.length;
      if (n === 0) continue;
      const dateline = meta.dateline;
      const floor = dateline ? Math.max(0, view.tokens.findIndex((t) => t.start >= dateline.end)) : 0;
      const consumed = new Set<number>();
      const inherited = new Map<number, Subject>();
      if (view.index === 0 && meta.headline && text.slice(view.tokens[0]!.start, view.tokens[n - 1]!.end) === meta.headline) {
        const colon = view.words.lastIndexOf(':');
        if (colon > 0 && n - colon - 1 >= 1 && n - colon - 1 <= 5) {
          const source = { start: view.tokens[colon + 1]!.start, end: view.tokens[n - 1]!.end, relative: false };
          const content = span(view.tokens[0]!.start, view.tokens[colon - 1]!.end);
          quotes.push({ kind: 'indirect', ...speakerOf(source, view.tokens[0]!.start), cue: span(view.tokens[colon]!.start, view.tokens[colon]!.end), content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'headline-colon' });
        }
        continue;
      }
      const colon = view.words.indexOf(':');
      if (colon >= floor + 1 && colon <= floor + 3 && colon + 1 < n && view.tokens.slice(floor, colon).every((t) => /^\p{Lu}/u.test(text.slice(t.start, t.end))) && !notSpeakerLabels.has(view.words[floor]!)) {
        // Note: "Pence: Gennifer Flowers won't be at the debate" and transcripts ("WALLACE: Let's start ...").
        const speakerSpan = { start: view.tokens[floor]!.start, end: view.tokens[colon - 1]!.end, relative: false };
        const last = /^[.!?]$/u.test(view.words[n - 1]!) ? n - 2 : n - 1;
        if (last > colon) {
          const content = span(view.tokens[colon + 1]!.start, view.tokens[last]!.end);
          quotes.push({ kind: 'direct', ...speakerOf(speakerSpan, view.tokens[0]!.start), cue: span(view.tokens[colon]!.start, view.tokens[colon]!.end), content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'name-colon' });
          continue;
        }
      }
      for (let k = floor; k < n; k++) {
        if ((view.words[k] === '―' || view.words[k] === '—') && k + 1 < n && /^\p{Lu}/u.test(text.slice(view.tokens[k + 1]!.start))) {
          // Note: "..." ― Sonya Herridge: a quotation signed with a dash and a name.
          const q = quotations.find((x) => x.end <= view.tokens[k]!.start && /^\s*$/u.test(text.slice(x.end, view.tokens[k]!.start)));
          let e = k + 1;
          while (e < n && /^\p{Lu}/u.test(text.slice(view.tokens[e]!.start)) && e - k <= 4) e++;
          if (q) {
            const content = span(q.start + 1, q.end - 1);
            quotes.push({ kind: 'direct', ...speakerOf({ start: view.tokens[k + 1]!.start, end: view.tokens[e - 1]!.end, relative: false }, view.tokens[0]!.start), cue: span(view.tokens[k]!.start, view.tokens[k]!.end), content, sources: [], addressee: null, date: null, sentences: sentencesOf(content, content), rule: 'quotation-dash-name' });
          }
          continue;
        }
        // Note: a cue is a lower-case verb ("the United States" holds no cue) outside quotations and outside
        // the content of an attribution already found in this sentence ("Analysts say they expect ...").
        if (consumed.has(k) || !cueVerbs.has(view.words[k]!) || !/^\p{Ll}/u.test(text[view.tokens[k]!.start]!) || inQuotation(view.tokens[k]!.start)) continue;
        let subject = inherited.get(k) ?? subjectBefore(view, k, floor);
        const justBefore = quotations.find((q) => q.end <= view.tokens[k]!.start && /^[\s,]*$/u.test(text.slice(q.end, view.tokens[k]!.start)));
        if (!subject && justBefore) {
          // Note: the inverted form: "..." said Caddell.
          let e = k + 1;
          while (e < n && !/^(?:,|\.|!|\?|;)$/u.test(view.words[e]!) && e - k <= 6) e++;
          if (e > k + 1) subject = { start: view.tokens[k + 1]!.start, end: view.tokens[e - 1]!.end, relative: false };
        }
        if (!subject) continue;
        const cue = span(view.tokens[k]!.start, view.tokens[k]!.end);
        let from = k + 1;
        let addressee: string | null = null;
        if (addresseeCues.has(view.words[k]!)) {
          let a = from;
          while (a < n && !/^(?:that|,|\.|:|to|of)$/u.test(view.words[a]!) && a - from < 6) a++;
          if (a > from) {
            addressee = mentionIn(entities, { start: view.tokens[from]!.start, end: view.tokens[a - 1]!.end })?.entity.id ?? null;
            from = a;
          }
        }
        if ((view.words[k] === 'called' || view.words[k] === 'calls') && (view.words[from] === 'for' || view.words[from] === 'on')) from++;
        if (view.words[from] === 'that' || view.words[from] === ':' || view.words[from] === ',') from++;
        const date = dateAfter(cue.end, cue.end + 12);
        // Note: "said in an interview, ..." - a phrase after the cue that opens with a preposition is skipped.
        if (cuePrepositions.has(view.words[from] ?? '')) {
          let p = from;
          while (p < n && view.words[p] !== ',' && !/^[.!?]$/u.test(view.words[p]!)) p++;
          from = view.words[p] === ',' ? p + 1 : p;
          if (view.words[from] === 'that') from++;
        }
        // Note: the quotation may close in this sentence, or end the one before ("...again." Trump said.).
        const sentenceStart = view.tokens[floor]?.start ?? view.tokens[0]!.start;
        const before = quotations.filter((q) => q.end <= subject.start && (q.end > sentenceStart || text.slice(q.end, sentenceStart).trim() === '') && !/[.!?]$/u.test(text.slice(q.end, subject.start).trim()));
        const preceding = before.at(-1);
        const rest = from >= n || /^[.!?]$/u.test(view.words[from]!) || (date !== null && from + 1 >= n - 1);
        // Note: a quotation that closed an earlier sentence is this cue's content only when nothing follows the cue.
        const adjacent = preceding !== undefined && preceding.end > sentenceStart && /^[\s,]*$/u.test(text.slice(preceding.end, Math.min(subject.start, cue.start)));
        if (preceding && (rest || adjacent)) {
          const content = span(preceding.start + 1, preceding.end - 1);
          quotes.push({ kind: 'direct', ...speakerOf(subject, view.tokens[0]!.start), cue, content, sources: [], addressee, date, sentences: sentencesOf(content, cue), rule: 'quotation-then-cue' });
          continue;
        }
        const subjectToken = view.tokens.findIndex((t) => t.start === subject.start);
        const afterDate = timexes.find((t) => t.start >= cue.end && t.start <= cue.end + 2)?.end ?? cue.end;
        const tailIsClause = /^\s*(?:,|$)/u.test(text.slice(afterDate, view.tokens[n - 1]!.end)) || /^\s*[.!?]\s*$/u.test(text.slice(afterDate, view.tokens[n - 1]!.end));
        if ((rest || tailIsClause) && !subject.relative && subjectToken > floor && view.words[subjectToken - 1] === ',') {
          // Note: "The deal is done, officials said." - the content is the clause before the comma.
          let first = floor;
          for (const q of quotes) if (q.sentences.includes(view.index)) first = Math.max(first, view.tokens.findIndex((t) => t.start >= q.content.end));
          if (first >= 0 && first < subjectToken - 1) {
            let contentSpan = span(view.tokens[first]!.start, view.tokens[subjectToken - 2]!.end);
            const whole = quotations.find((q) => q.start === contentSpan.start && q.end >= contentSpan.end - 1 && q.end <= contentSpan.end + 1);
            if (whole) contentSpan = span(whole.start + 1, whole.end - 1);
            quotes.push({ kind: whole ? 'direct' : 'indirect', ...speakerOf(subject, view.tokens[0]!.start), cue, content: contentSpan, sources: [], addressee, date, sentences: sentencesOf(contentSpan, cue), rule: 'clause-then-cue' });
            continue;
          }
        }
        if (from >= n) continue;
        const ce = contentEnd(view, from, quotations);
        if (ce.end <= from) continue;
        let contentSpan = span(view.tokens[from]!.start, view.tokens[ce.end - 1]!.end);
        const whole = quotations.find((q) => q.start === contentSpan.start && q.end === contentSpan.end);
        if (whole) contentSpan = span(whole.start + 1, whole.end - 1);
        const kind = whole ? 'direct' : quotations.some((q) => q.start >= contentSpan.start && q.end <= contentSpan.end) ? 'mixed' : 'indirect';
        const sources: QuoteSource[] = [];
        let quoteDate = date;
        if (ce.next?.kind === 'trailing-cue') {
          const c = ce.next.at;
          consumed.add(c);
          const relay = subjectBefore(view, c, ce.end + 1);
          if (relay) sources.push(channel(relay.start, relay.end));
          quoteDate = dateAfter(view.tokens[c]!.end, view.tokens[c]!.end + 12) ?? quoteDate;
        } else if (ce.next?.kind === 'according-to') {
          consumed.add(ce.next.at);
          const a = ce.next.at + 2;
          const last = /^[.!?]$/u.test(view.words[n - 1]!) ? n - 2 : n - 1;
          if (a <= last) sources.push(channel(view.tokens[a]!.start, view.tokens[last]!.end));
        } else if (ce.next?.kind === 'coordinated-cue') {
          inherited.set(ce.next.at, subject);
        }
        for (let c = from; c < ce.end; c++) consumed.add(c);
        quotes.push({ kind, ...speakerOf(subject, view.tokens[0]!.start), cue, content: contentSpan, sources, addressee, date: quoteDate, sentences: sentencesOf(contentSpan, cue), rule: `cue-${kind}` });
      }
      quotes.push(...accordingTo(view, floor, consumed));
      quotes.push(...participles(view, floor));
    }
    return { layers: { quotes: quotes.sort((a, b) => a.cue.start - b.cue.start).map((q, i) => ({ id: `Q${i + 1}`, ...q })) } };
  },
};
