import type { WiregraphDoc } from '../output/wiregraph1.js';
import { docOf } from '../test-support/docs.js';
import { publishedBy } from './contract-docs.js';

/**
 * Stories for the related-coverage cases of the store contract, written for the tests: two agencies' own
 * accounts of one event (the same people, place and day, in different words), and a story about one of the
 * same people on another event months later.
 */
export interface RelatedDocs {
  /** AP's account of a defence pact signed in Jakarta. */
  readonly pact: WiregraphDoc;
  /** Reuters' account of the same signing, written apart. */
  readonly pactElsewhere: WiregraphDoc;
  /** AFP on Prabowo Subianto opening a rice estate in Papua, four months later. */
  readonly later: WiregraphDoc;
}

const PACT = [
  'JAKARTA, Indonesia (AP) - Indonesian President Prabowo Subianto and Australian Prime Minister Anthony Albanese signed a defence cooperation treaty in Jakarta on Tuesday, May 13, 2025, binding the two neighbours to consult each other on security threats.',
  'The agreement, negotiated over two years, lets Australian and Indonesian troops train on each other\'s soil and sets up a yearly meeting of their defence ministers.',
  '"This is a historic day for our two nations," Albanese told reporters at the Merdeka Palace after the ceremony.',
  'Prabowo, a former special forces commander who took office in October, said the treaty was not aimed at any third country.',
].join('\n\n');

const PACT_ELSEWHERE = [
  'JAKARTA (Reuters) - Australia and Indonesia sealed a new security pact on Tuesday as Anthony Albanese travelled to Jakarta for talks with Prabowo Subianto, the Australian leader\'s first visit since his re-election.',
  'Under the deal, which officials in Canberra described as the most significant since 1995, the armed forces of both countries will hold joint exercises and share intelligence on maritime threats.',
  'Prabowo greeted Albanese with a military guard of honour at the Merdeka Palace before the two leaders held closed-door talks lasting nearly two hours.',
  'Analysts said Jakarta, which has long avoided formal alliances, was keen to show the pact did not tilt it away from its non-aligned tradition.',
].join('\n\n');

const LATER = [
  'MERAUKE, Indonesia (AFP) - Indonesian President Prabowo Subianto on Saturday opened the first fields of a vast rice and sugar estate in the Papuan district of Merauke, a project that rights groups say has cleared forests claimed by indigenous clans.',
  'The government plans to turn more than two million hectares of land into farms to make the country self-sufficient in food by 2028.',
  '"We must never again depend on other nations to feed our people," Prabowo told farmers and soldiers gathered at the site.',
  'Indigenous leaders from the Malind tribe staged a protest in the town, saying they had not agreed to give up their ancestral land.',
].join('\n\n');

/** Makes the documents (through the pipeline, a second or two). */
export function relatedDocs(): RelatedDocs {
  return {
    pact: publishedBy(docOf('Indonesia and Australia sign defence treaty', PACT, '2025-05-13T06:00'), 'AP', 'https://ap.example/jakarta-pact'),
    pactElsewhere: publishedBy(docOf('Albanese and Prabowo seal security pact in Jakarta', PACT_ELSEWHERE, '2025-05-13T09:15'), 'Reuters', 'https://reuters.example/pact'),
    later: publishedBy(docOf('Prabowo opens Papua food estate', LATER, '2025-09-20T04:00'), 'AFP', 'https://afp.example/merauke'),
  };
}
