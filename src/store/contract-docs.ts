import type { WiregraphDoc } from '../output/wiregraph1.js';
import { docOf } from '../test-support/docs.js';

/**
 * Articles for the store contract: one wire story, a cut copy of it, a rolling version of it, and a different
 * story on the same topic that shares a quotation with it. Written for the tests (nothing from ../shared).
 */
const PARAGRAPHS = [
  'ROTTERDAM (AFP) - Dock workers at the port of Rotterdam walked out on Monday over a plan to automate three container terminals, halting the loading of ships at Europe\'s busiest harbour.',
  'The strike, called by the FNV union after talks broke down late on Sunday, is the first full stoppage at the port in more than a decade, according to the port authority.',
  '"We were told the cranes would help us, and now they are meant to replace us," said Jan de Vries, a crane operator who has worked at the Maasvlakte terminal for 22 years.',
  'Terminal operators say the new equipment is needed to keep up with larger vessels and that no permanent staff will be dismissed before 2028.',
  'About 40 ships were waiting outside the harbour by the afternoon, and shipping lines warned customers of delays of up to a week for cargo bound for Germany and Switzerland.',
  'The Dutch economy ministry urged both sides to return to the table, saying a long stoppage would hurt exporters already struggling with high energy prices.',
  'Union leaders said the walkout would last at least 48 hours and could be extended to the ports of Amsterdam and Vlissingen if no agreement was reached by Wednesday.',
  'Rotterdam handled more than 13 million containers last year, and its operators have invested heavily in automated cranes and driverless vehicles since 2015.',
];

const LATER = [
  'Talks between the union and the terminal operators resumed on Tuesday evening under a government mediator, but ended without an agreement after six hours.',
  'A spokeswoman for the port authority said the queue of ships waiting to enter the harbour had grown to more than 70, some of them diverted to Antwerp and Hamburg.',
  'Farm groups said perishable goods stuck in refrigerated containers were starting to spoil, and asked the government to order an emergency unloading of food cargo.',
  'The mediator, a former labour minister, said she would put a written proposal to both sides on Wednesday morning and expected an answer within a day.',
  'Shares in two listed terminal operators fell by more than four percent in Amsterdam trading as investors weighed the cost of a longer dispute.',
  'Workers at the port of Vlissingen held a meeting on Tuesday night and voted to join the strike from Thursday if the proposal fails.',
];

/** A different story on the same topic, sharing one quotation with the first. */
const OTHER = [
  'HAMBURG (Reuters) - Port workers in Hamburg are watching the Rotterdam dispute closely as their own employers test remote-controlled cranes at the Altenwerder terminal.',
  '"We were told the cranes would help us, and now they are meant to replace us," said Jan de Vries, a crane operator who has worked at the Maasvlakte terminal for 22 years.',
  'The ver.di union, which represents most of Hamburg\'s dock workers, said it had no plans to strike but wanted written guarantees on jobs before any further automation.',
  'Economists at the Kiel Institute estimate that automated terminals need about a third fewer workers per container, though they also handle ships faster at night.',
  'Hamburg\'s container traffic has fallen behind Rotterdam and Antwerp over the past decade, and the city has sold a stake in its largest terminal operator to a shipping line.',
  'Union officials in Bremerhaven said they would send observers to Rotterdam this week to learn how the Dutch negotiations unfold.',
];

/** The story, its copies and versions, with the meta of the outlet that carried each. */
export interface StoryDocs {
  readonly original: WiregraphDoc;
  /** The first five paragraphs under another headline. */
  readonly cut: WiregraphDoc;
  /** A new lead, the rest kept, six paragraphs added. */
  readonly version: WiregraphDoc;
  /** Another story on the same topic, sharing one quotation. */
  readonly different: WiregraphDoc;
}

/** Sets the outlet, URL and published time of a document (its text, and so its id, unchanged). */
export function publishedBy(doc: WiregraphDoc, outlet: string | null, url: string | null, published: string | null = doc.meta.published): WiregraphDoc {
  return { ...doc, meta: { ...doc.meta, outlet, url, published } };
}

/** A headline, body and published time. */
export interface StoryText {
  readonly headline: string;
  readonly body: string;
  readonly published: string;
}

/** The texts of {@link storyDocs}, for tests that ingest them through the CLI. */
export function storyTexts(): Record<keyof StoryDocs, StoryText> {
  const body = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');
  const lead = 'ROTTERDAM (AFP) - Striking dock workers kept Rotterdam\'s container terminals shut for a second day on Tuesday, as a government mediator tried to end the dispute over automation at Europe\'s busiest port.';
  return {
    original: { headline: 'Rotterdam dock workers strike over automation', body: body(PARAGRAPHS), published: '2025-03-03T08:00' },
    cut: { headline: 'Port strike halts Rotterdam', body: body(PARAGRAPHS.slice(0, 5)), published: '2025-03-03T09:30' },
    version: { headline: 'UPDATE 1-Rotterdam port strike enters second day', body: body([lead, ...PARAGRAPHS.slice(1), ...LATER]), published: '2025-03-04T18:00' },
    different: { headline: 'Automation divides Europe\'s port workers', body: body(OTHER), published: '2025-03-04T10:00' },
  };
}

/** Makes the documents (through the pipeline, a second or two). */
export function storyDocs(): StoryDocs {
  const t = storyTexts();
  const doc = (s: StoryText): WiregraphDoc => docOf(s.headline, s.body, s.published);
  return {
    original: publishedBy(doc(t.original), 'AFP', 'https://afp.example/rotterdam-strike'),
    cut: publishedBy(doc(t.cut), 'Daily Star', 'https://star.example/world/port-strike'),
    version: publishedBy(doc(t.version), 'AFP', 'https://afp.example/rotterdam-strike-update'),
    different: publishedBy(doc(t.different), 'Reuters', 'https://reuters.example/hamburg-ports'),
  };
}
