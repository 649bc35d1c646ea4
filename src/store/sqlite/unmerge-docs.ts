import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { docOf } from '../../test-support/docs.js';

const LEAD = 'North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok on Tuesday, the Korean Central News Agency said. North Korea and Russia signed a military pact. "We will stand together," Kim Jong Un said. Germany condemned the pact.';
const VERSION = `${LEAD} German officials said Berlin would send envoys to Seoul. South Korea protested.`;

/**
 * Short articles for the undo-merge property test: entities merged within an article (`North Korea` and
 * `North Korean`, `Germany` and `German`), across articles, in months apart, with roles, quotes and events, and
 * two versions of one text (one story of two articles). Each has fewer than 15 entities, so that every entity
 * of an article is paired and no tie decides which.
 */
export function unmergeDocs(): WiregraphDoc[] {
  return [
    docOf('Kim meets Putin', LEAD, '2025-09-13'),
    docOf('Kim meets Putin, envoys', VERSION, '2025-09-14'),
    docOf('German minister visits', 'German Foreign Minister Annalena Baerbock visited Seoul. Germany and South Korea agreed to share intelligence. The German said Pyongyang must stop its missile tests.', '2025-10-02'),
    docOf('Russia warns', 'Russia warned South Korea on Friday. Moscow said Seoul would pay a price. Russian President Vladimir Putin accused the United States of provoking North Korea.', '2025-10-20'),
    docOf('North Korea fires missile', 'North Korea fired a ballistic missile, South Korea\'s military said. North Korean state media said Kim Jong Un watched the launch. The Korean Central News Agency called it a success.', null),
  ];
}
