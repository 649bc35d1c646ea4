import type { Dateline } from '../../article/meta.js';
import type { Candidate } from './candidate.js';
import { NO_LINKS } from './candidate.js';
import type { KnowledgeBase } from './kb.js';
import { normaliseName } from '../../text/normalise.js';
import { refineName } from './refine-types.js';

/**
 * The dateline's place is a place (`SEOUL` is the city, never the state), its region is the place or
 * country it is in (`Ukraine` in `KYIV, Ukraine —`, `Wisconsin`), and its credits are the agencies that
 * carried the story (`BSS`, `AFP`).
 */
export function recogniseDateline(text: string, dateline: Dateline | null, kb: KnowledgeBase): Candidate[] {
  if (!dateline) return [];
  const out: Candidate[] = [];
  const head = text.slice(dateline.start, dateline.end);
  const placeAt = head.indexOf(dateline.place.split(' ')[0]!);
  if (placeAt >= 0) {
    const start = dateline.start + placeAt;
    const placeText = text.slice(start, start + dateline.place.length);
    const city = kb.cityByName.get(normaliseName(dateline.place));
    out.push({
      start, end: start + placeText.length, text: placeText, kind: 'name', type: 'LOC',
      key: city ? `city:${city.qid ?? normaliseName(city.name)}` : `place:${normaliseName(dateline.place)}`,
      canonical: city?.name ?? null,
      links: city ? { wikidata: city.qid, country: city.iso3, cameo: null } : NO_LINKS,
      rule: 'dateline-place',
    });
  }
  if (dateline.region !== null) {
    const at = head.indexOf(dateline.region, placeAt >= 0 ? placeAt + dateline.place.length : 0);
    // Note: typed like any place name the recogniser finds, so a country is its state (GPE) and a region a LOC.
    if (at >= 0) out.push(refineName(text, { start: dateline.start + at, end: dateline.start + at + dateline.region.length, type: 'LOC' }, ',', kb, null));
  }
  for (const credit of dateline.credits) {
    const at = head.indexOf(credit);
    if (at < 0) continue;
    const start = dateline.start + at;
    const org = kb.orgByName.get(normaliseName(credit));
    out.push({
      start, end: start + credit.length, text: credit, kind: 'name', type: 'ORG',
      key: org ? `org:${org.qid ?? normaliseName(org.name)}` : `org:${normaliseName(credit)}`,
      canonical: org?.name ?? null,
      links: org ? { wikidata: org.qid, country: org.country, cameo: org.cameo } : NO_LINKS,
      rule: 'dateline-credit',
    });
  }
  return out;
}
