/** A dated CAMEO code: the code applies from `from` to `to` (ISO dates; null for open). */
export interface DatedCode {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** A country in the knowledge base. */
export interface KbCountry {
  readonly iso3: string;
  readonly name: string;
  readonly qid: string | null;
  readonly names: readonly string[];
  readonly demonyms: readonly string[];
  readonly capital: { readonly name: string; readonly qid: string | null } | null;
}

/** A person (office holder or named actor) in the knowledge base. */
export interface KbPerson {
  readonly name: string;
  readonly qid: string | null;
  readonly country: string | null;
  readonly names: readonly string[];
  readonly codes: readonly DatedCode[];
}

/** An organisation (international body, agency, armed group) in the knowledge base. */
export interface KbOrg {
  readonly name: string;
  readonly qid: string | null;
  readonly country: string | null;
  readonly cameo: string | null;
  readonly names: readonly string[];
  readonly kind: 'igo' | 'agency' | 'group' | 'institution';
}

/** A city in the knowledge base. */
export interface KbCity {
  readonly name: string;
  readonly qid: string | null;
  readonly iso3: string;
  readonly capital: boolean;
}

/** The knowledge base as `scripts/build-kb.ts` builds it (stored as `data/kb.bin`, see kb-file.ts). */
export interface KbFile {
  readonly format: string;
  readonly generatedBy: string;
  readonly countries: readonly KbCountry[];
  readonly people: readonly KbPerson[];
  readonly orgs: readonly KbOrg[];
  readonly cities: readonly KbCity[];
  /** Lower-cased phrases per CoNLL type, for the recogniser's gazetteer features. */
  readonly gazetteer: Readonly<Record<string, readonly string[]>>;
}
