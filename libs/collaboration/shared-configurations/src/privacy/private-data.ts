import type { PrivateDataFinding, PrivateDataKind, PrivateDataText as Text } from '@hearth/platform-kernel';
import { pointerKey } from '../content';

// The kinds, a finding and a text are the platform's (modules' probes report them too).
export type { PrivateDataFinding, PrivateDataKind, PrivateDataText as Text } from '@hearth/platform-kernel';

/** What each kind is, in a sentence. */
export const PRIVATE_DATA_WORDS: Record<PrivateDataKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  ni_number: 'a National Insurance number',
  postcode: 'a postcode',
  record_id: "a record's identifier",
  person_name: 'the name of a person on your register',
  payment_reference: "a rent account's payment reference",
  address: 'the address of an occupied home',
};

/**
 * Patterns of data about a person or a home, refused wherever they appear. Configuration is
 * about how a member works, not whom it works for, so none of these belongs in it even when it
 * is the member's own (a contact number or office postcode is the member's, and a copier would
 * have to change it: a placeholder serves them both).
 */
const PATTERNS: { kind: PrivateDataKind; pattern: RegExp }[] = [
  { kind: 'email', pattern: /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+/i },
  // Two prefix letters (never D, F, I, Q, U or V; O not second), six digits, a suffix A to D.
  { kind: 'ni_number', pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/i },
  // UK numbers: 0 and nine or ten more digits, or +44 and ten, with spaces or hyphens between.
  { kind: 'phone', pattern: /(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\b0)\d(?:[\s-]?\d){8,9}\b/ },
  // Written in capitals, as postcodes are; the register check finds any an occupied home has, however written.
  { kind: 'postcode', pattern: /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b/ },
  { kind: 'record_id', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
];

/** Letter placeholders (`{{name}}`) stand for data filled in per letter; they are not data. */
const PLACEHOLDER = /\{\{\s*[A-Za-z]+\s*\}\}/g;

/** Every text of a piece of content, keys and values, with its JSON pointer; placeholders taken out. */
export function textsOf(content: unknown, path = ''): Text[] {
  if (typeof content === 'string') return [{ path: path || '/', text: content.replace(PLACEHOLDER, ' ') }];
  if (Array.isArray(content)) return content.flatMap((item, i) => textsOf(item, `${path}/${i}`));
  if (content && typeof content === 'object') {
    return Object.entries(content).flatMap(([key, value]) => [
      { path: `${path}/${pointerKey(key)}`, text: key },
      ...textsOf(value, `${path}/${pointerKey(key)}`),
    ]);
  }
  return [];
}

/** The first text that holds data matching one of the patterns, or undefined. */
export function findPrivatePattern(texts: readonly Text[]): PrivateDataFinding | undefined {
  for (const { path, text } of texts) {
    for (const { kind, pattern } of PATTERNS) {
      const match = pattern.exec(text);
      if (match) return { path, kind, found: match[0] };
    }
  }
  return undefined;
}

/** The sentence that refuses a finding, naming the field and what was found there. */
export function describeFinding({ path, kind, found }: PrivateDataFinding): string {
  const field = path === 'title' || path === 'description';
  const refusal = `Nothing about people, tenancies or accounts may be published: ${field ? `the ${path}` : `the configuration at ${path}`} contains ${PRIVATE_DATA_WORDS[kind]} ("${found}").`;
  return field
    ? `${refusal} Take it out and publish again.`
    : `${refusal} Change it in your settings (in a letter, a placeholder such as {{name}} or {{paymentReference}} stands for it) and publish again.`;
}
