import type { EventActor } from '../../article/layers.js';
import type { EventDraft } from './candidates.js';

/**
 * How confident an event must be, against the most confident of its sentence, to be kept. Note: chosen on PLV
 * `train` through the product path with the seed story's seven events required: since the typer reads the whole
 * sentence's words, 0.45 loses `advance` (at 0.27 against `unveil`'s 0.66 in its sentence); 0.4 keeps them all.
 */
export const SENTENCE_RATIO = 0.4;

/** One event per sentence, code, source and target. */
export function dedupe(drafts: readonly EventDraft[]): EventDraft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.sentence}|${d.cameo}|${d.source.map((a) => a.entity ?? a.code).join(',')}|${d.target.map((a) => a.entity ?? a.code).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Drops an event noun without a target, and one that only names what a verb of its sentence does (`launched an
 * attack on X`: the verb's event is the attack), that is one with the same PLOVER type and a source in common.
 * Note: on PLV `train` 7% of noun events were right against 46% of verb events.
 */
export function dropEchoes(drafts: readonly EventDraft[]): EventDraft[] {
  const key = (a: EventActor): string => a.entity ?? `${a.code}:${a.start}`;
  const echoes = (d: EventDraft): boolean => drafts.some((v) => v.rule !== 'noun' && v.sentence === d.sentence && v.plover === d.plover && v.source.some((a) => d.source.some((b) => key(a) === key(b))));
  return drafts.filter((d) => d.rule !== 'noun' || (d.target.length > 0 && !echoes(d)));
}

/**
 * Precision first: in each sentence, keeps the triggers whose best event is at least {@link SENTENCE_RATIO} as
 * confident as the most confident one of the sentence (or of the quote it reports from); all events of a kept
 * trigger stay: `Moscow and Pyongyang signed` is two events of one trigger.
 */
export function keepConfident(drafts: readonly EventDraft[]): EventDraft[] {
  // Note: what a statement reports is weighed apart from the statement (`Seoul warned that Russia is stepping up support`:
  // the warning does not crowd out the support it reports).
  const part = (d: EventDraft): string => `${d.sentence}|${d.quote ?? ''}`;
  const best = new Map<string, number>();
  const byTrigger = new Map<string, number>();
  for (const d of drafts) {
    best.set(part(d), Math.max(best.get(part(d)) ?? 0, d.confidence));
    const k = `${part(d)}|${d.trigger.start}`;
    byTrigger.set(k, Math.max(byTrigger.get(k) ?? 0, d.confidence));
  }
  return drafts.filter((d) => byTrigger.get(`${part(d)}|${d.trigger.start}`)! >= SENTENCE_RATIO * best.get(part(d))!);
}
