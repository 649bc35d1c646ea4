/**
 * The typer's labels: the PLOVER root types of the PLV sentences it is trained on, and NONE for a predicate
 * that is no event. PLV uses PLOVER's older YIELD for what the current manual splits into CONCEDE and RETREAT.
 */
export const PLOVER_LABELS = [
  'NONE',
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'COOPERATE',
  'AID',
  'YIELD',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

/** One of {@link PLOVER_LABELS}. */
export type PloverLabel = (typeof PLOVER_LABELS)[number];

/** The label that says a predicate is not an event. */
export const NONE: PloverLabel = 'NONE';

/** The event types, without NONE. */
export const PLOVER_TYPES: readonly PloverLabel[] = PLOVER_LABELS.filter((l) => l !== NONE);

/** True when a string is one of the typer's labels. */
export function isPloverLabel(s: string): s is PloverLabel {
  return (PLOVER_LABELS as readonly string[]).includes(s);
}

/**
 * The label a PLOVER type of the CAMEO table or the current manual counts as: CONCEDE and RETREAT as YIELD.
 * @returns the label, or null for a name the typer has no label for
 */
export function labelOfType(type: string): PloverLabel | null {
  const upper = type.toUpperCase();
  if (upper === 'CONCEDE' || upper === 'RETREAT') return 'YIELD';
  return isPloverLabel(upper) ? upper : null;
}

/**
 * The PLOVER type an event gets for a label: YIELD becomes the current manual's CONCEDE or RETREAT, as the
 * CAMEO table says for the event's code (RETREAT is material: withdrawing, releasing), CONCEDE otherwise.
 * @param tableType - the CAMEO table's PLOVER type for the event's code, if any
 */
export function typeOfLabel(label: PloverLabel, tableType: string | null): string | null {
  if (label === NONE) return null;
  if (label === 'YIELD') return tableType === 'RETREAT' ? 'RETREAT' : 'CONCEDE';
  return label;
}
