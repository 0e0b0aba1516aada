import { Injectable } from '@nestjs/common';
import { isCalendarDay } from '@hearth/platform-calendar';
import { TransactionManager } from '@hearth/platform-database';
import { InputProblem } from '@hearth/platform-graphql';
import type { ChargeType, LetterLanguage, TransactionKind } from '../rent.entities';
import { CONTRACT_HOLDER_JOIN, currentMember, memberName, NO_HOLDER } from './addressing';
import { formatPeriod, statementLabels, transactionLabel } from './statement-labels';
import { RentStatement, StatementInvalid, type StatementFailure, type StatementLine } from './statement.model';
import { RentAccountNotFound } from '../accounts/accounts.model';

/** Ten years and a little: longer is a typing mistake, and a statement lists every transaction. */
export const MAX_STATEMENT_DAYS = 3660;
const DAY_MS = 86_400_000;

export interface StatementRequest {
  accountId: string;
  from: string;
  to: string;
  /** The contract-holder's preferred language when not given. */
  language?: LetterLanguage;
}

interface AccountRow {
  payment_reference: string;
  holder_name: string | null;
  holder_language: LetterLanguage | null;
  address: (string | null)[];
  opening_pence: string;
}

interface LineRow {
  id: string;
  kind: TransactionKind;
  charge_type: ChargeType | null;
  effective_on: string;
  period_start: string | null;
  period_end: string | null;
  description: string;
  amount_pence: string;
  running_pence: string;
}

/** The path of a statement's PDF (statement-pdf.controller.ts), for `RentStatement.pdfUrl`. */
export function statementPdfPath(request: Required<StatementRequest>): string {
  const query = new URLSearchParams({ from: request.from, to: request.to, language: request.language });
  return `/rent/accounts/${request.accountId}/statement.pdf?${query}`;
}

/**
 * A rent account's statement between two days, inclusive, by the day each transaction counts
 * from (effective_on): the opening balance is every transaction before `from`, the lines are in
 * ledger order with a running balance, and the closing balance is the last of them. Two queries,
 * both on the ledger's (account, effective_on) index. The dwelling and the contract-holder are
 * read from the register (ADR 9).
 */
@Injectable()
export class StatementService {
  constructor(private readonly transactions: TransactionManager) {}

  async statement(request: StatementRequest): Promise<RentStatement | StatementFailure> {
    const problems = checkPeriod(request.from, request.to);
    if (problems.length) return StatementInvalid.of(problems);
    const [account] = await this.transactions.query<AccountRow>(
      `select a.payment_reference, holder.holder_name, holder.holder_language,
              array[coalesce(d.name, d.address_line_1), case when d.name is not null then d.address_line_1 end, d.address_line_2, d.town, d.postcode] as address,
              (select coalesce(sum(t.amount_pence), 0) from hearth.rent_transaction t
               where t.tenant_id = a.tenant_id and t.account_id = a.id and t.effective_on < $2::date)::text as opening_pence
       from hearth.rent_account a
       join hearth.tenancy ty on ty.tenant_id = a.tenant_id and ty.id = a.tenancy_id
       join hearth.asset d on d.tenant_id = ty.tenant_id and d.id = ty.dwelling_id
       ${CONTRACT_HOLDER_JOIN}
       where a.id = $1`,
      [request.accountId, request.from],
    );
    if (!account) return RentAccountNotFound.of(request.accountId);
    const opening = Number(account.opening_pence);
    const rows = await this.transactions.query<LineRow>(
      `select t.id, t.kind, t.charge_type, t.effective_on::text, t.period_start::text, t.period_end::text, t.description, t.amount_pence::text,
              sum(t.amount_pence) over (order by t.effective_on, t.posted_at, t.id)::text as running_pence
       from hearth.rent_transaction t
       where t.account_id = $1 and t.effective_on between $2::date and $3::date
       order by t.effective_on, t.posted_at, t.id`,
      [request.accountId, request.from, request.to],
    );

    const language = request.language ?? account.holder_language ?? 'en';
    const member = await currentMember(this.transactions);
    const lines: StatementLine[] = rows.map((row) => ({
      transactionId: row.id,
      effectiveOn: row.effective_on,
      label: transactionLabel(row.kind, row.charge_type, language),
      description: row.description,
      period: row.period_start && row.period_end ? formatPeriod(row.period_start, row.period_end, language) : null,
      amountPence: Number(row.amount_pence),
      balancePence: opening + Number(row.running_pence),
    }));
    const total = (kinds: TransactionKind[]) => rows.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + Number(row.amount_pence), 0);
    return Object.assign(new RentStatement(), {
      accountId: request.accountId,
      paymentReference: account.payment_reference,
      language,
      from: request.from,
      to: request.to,
      holderName: account.holder_name ?? NO_HOLDER[language],
      address: account.address.filter((line): line is string => Boolean(line)),
      memberName: memberName(member, language),
      openingBalancePence: opening,
      closingBalancePence: lines.at(-1)?.balancePence ?? opening,
      chargesPence: total(['charge']),
      paymentsPence: -total(['payment']),
      otherPence: total(['refund', 'transfer_in', 'transfer_out', 'adjustment']),
      lines,
      labels: statementLabels(language, member.country === 'wales'),
      pdfUrl: statementPdfPath({ ...request, language }),
    });
  }
}

/** Both days real dates, in order, and at most MAX_STATEMENT_DAYS apart. */
function checkPeriod(from: string, to: string): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!isCalendarDay(from)) problems.push(InputProblem.of('from', `from must be a date written YYYY-MM-DD, not ${JSON.stringify(from)}`));
  if (!isCalendarDay(to)) problems.push(InputProblem.of('to', `to must be a date written YYYY-MM-DD, not ${JSON.stringify(to)}`));
  if (problems.length) return problems;
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days < 0) problems.push(InputProblem.of('to', `The period ends (${to}) before it starts (${from})`));
  else if (days >= MAX_STATEMENT_DAYS) problems.push(InputProblem.of('to', `A statement covers at most ${MAX_STATEMENT_DAYS} days; ask for a shorter period`));
  return problems;
}
