/** One CAMEO code's PLOVER equivalent: event type, and mode and context where the table gives them. */
export interface PloverEntry {
  readonly event: string;
  readonly mode: string | null;
  readonly context: string | null;
}

/**
 * Reads the CAMEO-to-PLOVER table (`030: AGREE,  , diplomatic # comment`).
 * @returns CAMEO code -> PLOVER entry
 */
export function parseCameoToPlover(text: string): Record<string, PloverEntry> {
  const out: Record<string, PloverEntry> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/u, '').trim();
    const m = /^(\d{2,4}):\s*([A-Z_]+)\s*(?:,\s*([^,]*?)\s*)?(?:,\s*(.*?)\s*)?$/u.exec(line);
    if (!m) continue;
    out[m[1]!] = { event: m[2]!, mode: m[3] || null, context: m[4] || null };
  }
  return out;
}

/** The PLOVER event type of a CAMEO code: its own entry, else its parent's (`0871` -> `087` -> `08`); null for codes PLOVER leaves out (01, 02). */
export function ploverOf(table: Readonly<Record<string, PloverEntry>>, code: string): string | null {
  for (let c = code.replace(/[^0-9]/gu, ''); c.length >= 2; c = c.slice(0, -1)) {
    const entry = table[c];
    if (entry) return entry.event;
  }
  return null;
}
