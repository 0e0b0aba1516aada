import type { ChargeType, LetterLanguage, TransactionKind } from '../rent.entities';

/** A statement's words in one language: the GraphQL `labels` field, and the PDF's. */
export interface StatementLabels {
  title: string;
  period: string;
  holder: string;
  address: string;
  paymentReference: string;
  date: string;
  description: string;
  amount: string;
  balance: string;
  openingBalance: string;
  closingBalance: string;
  totalCharged: string;
  totalPaid: string;
  otherMovements: string;
  inArrears: string;
  inCredit: string;
  produced: string;
  page: string;
}

/** The words the Renting Homes (Wales) Act 2016 uses for a Welsh member's tenants, and everyone else's. */
const HOLDER = { wales: { en: 'Contract-holder', cy: 'Deiliad contract' }, elsewhere: { en: 'Tenant', cy: 'Tenant' } };

const LABELS: Record<LetterLanguage, Omit<StatementLabels, 'holder'>> = {
  en: {
    title: 'Rent account statement',
    period: 'Period',
    address: 'Address',
    paymentReference: 'Payment reference',
    date: 'Date',
    description: 'Description',
    amount: 'Amount',
    balance: 'Balance',
    openingBalance: 'Opening balance',
    closingBalance: 'Closing balance',
    totalCharged: 'Total charged',
    totalPaid: 'Total paid',
    otherMovements: 'Other movements',
    inArrears: 'in arrears',
    inCredit: 'in credit',
    produced: 'Produced on',
    page: 'Page',
  },
  cy: {
    title: 'Datganiad cyfrif rhent',
    period: 'Cyfnod',
    address: 'Cyfeiriad',
    paymentReference: 'Cyfeirnod talu',
    date: 'Dyddiad',
    description: 'Disgrifiad',
    amount: 'Swm',
    balance: 'Balans',
    openingBalance: 'Balans agoriadol',
    closingBalance: 'Balans terfynol',
    totalCharged: 'Cyfanswm a godwyd',
    totalPaid: 'Cyfanswm a dalwyd',
    otherMovements: 'Symudiadau eraill',
    inArrears: 'mewn ôl-ddyled',
    inCredit: 'mewn credyd',
    produced: 'Cynhyrchwyd ar',
    page: 'Tudalen',
  },
};

export function statementLabels(language: LetterLanguage, welshMember: boolean): StatementLabels {
  return { ...LABELS[language], holder: HOLDER[welshMember ? 'wales' : 'elsewhere'][language] };
}

const KINDS: Record<LetterLanguage, Record<Exclude<TransactionKind, 'charge'> | ChargeType, string>> = {
  en: {
    rent: 'Rent', service_charge: 'Service charge', other: 'Other charge', payment: 'Payment', refund: 'Refund',
    transfer_in: 'Transfer in', transfer_out: 'Transfer out', adjustment: 'Adjustment',
  },
  cy: {
    rent: 'Rhent', service_charge: 'Tâl gwasanaeth', other: 'Tâl arall', payment: 'Taliad', refund: 'Ad-daliad',
    transfer_in: 'Trosglwyddiad i mewn', transfer_out: 'Trosglwyddiad allan', adjustment: 'Addasiad',
  },
};

/** What a transaction is, in the statement's language: a charge by its charge type. */
export function transactionLabel(kind: TransactionKind, chargeType: ChargeType | null, language: LetterLanguage): string {
  return KINDS[language][kind === 'charge' ? (chargeType ?? 'other') : kind];
}

const DAY_FORMATS: Record<LetterLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A `YYYY-MM-DD` day as a person reads it: "6 April 2026", "6 Ebrill 2026". */
export function formatDay(day: string, language: LetterLanguage): string {
  return DAY_FORMATS[language].format(new Date(`${day}T00:00:00Z`));
}

/** A `YYYY-MM-DD` day as a statement's table gives it, the same in both languages: "06/04/2026". */
export function formatShortDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** "6 April 2026 to 5 May 2026", "6 Ebrill 2026 i 5 Mai 2026". */
export function formatPeriod(from: string, to: string, language: LetterLanguage): string {
  return `${formatDay(from, language)} ${language === 'cy' ? 'i' : 'to'} ${formatDay(to, language)}`;
}
