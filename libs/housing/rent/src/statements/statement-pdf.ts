import PDFDocument from 'pdfkit';
import { ukDay } from '@hearth/platform-calendar';
import { formatPounds } from './pounds';
import { formatDay, formatPeriod, formatShortDay } from './statement-labels';
import type { RentStatement } from './statement.model';

/**
 * DejaVu Sans, embedded (subset) in every statement: the PDF standard fonts have no ŵ or ŷ, which
 * Welsh names, addresses and words need.
 */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

const MARGIN = 50;
const ROW = 16;
/** Date, description, amount and balance columns: x and width, on an A4 page (595 points wide). */
const COLUMNS = { date: [MARGIN, 60], description: [115, 270], amount: [390, 75], balance: [470, 75] } as const;

/** A balance in words a resident reads: "£120.00 in arrears", "£5.00 in credit". */
function balanceText(pence: number, statement: RentStatement): string {
  if (pence === 0) return formatPounds(0);
  return `${formatPounds(Math.abs(pence))} ${pence > 0 ? statement.labels.inArrears : statement.labels.inCredit}`;
}

/** The statement as an A4 PDF, in its language, with the table's heading repeated on each page. */
export function renderStatementPdf(statement: RentStatement, producedAt = new Date()): Promise<Buffer> {
  const { labels, language } = statement;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${labels.title} ${statement.paymentReference}`, Author: statement.memberName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT);

  const bottom = doc.page.height - MARGIN - ROW;
  const row = (cells: { date?: string; description: string; amount?: string; balance: string }) => {
    if (doc.y > bottom) {
      doc.addPage();
      heading();
    }
    const y = doc.y;
    doc.fontSize(9);
    doc.text(cells.date ?? '', COLUMNS.date[0], y, { width: COLUMNS.date[1], lineBreak: false });
    doc.text(cells.description, COLUMNS.description[0], y, { width: COLUMNS.description[1], lineBreak: false, ellipsis: true });
    doc.text(cells.amount ?? '', COLUMNS.amount[0], y, { width: COLUMNS.amount[1], align: 'right', lineBreak: false });
    doc.text(cells.balance, COLUMNS.balance[0], y, { width: COLUMNS.balance[1], align: 'right', lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + ROW;
  };
  const heading = () => {
    const y = doc.y;
    doc.fontSize(9).fillColor('#555555');
    doc.text(labels.date, COLUMNS.date[0], y, { width: COLUMNS.date[1], lineBreak: false });
    doc.text(labels.description, COLUMNS.description[0], y, { width: COLUMNS.description[1], lineBreak: false });
    doc.text(labels.amount, COLUMNS.amount[0], y, { width: COLUMNS.amount[1], align: 'right', lineBreak: false });
    doc.text(labels.balance, COLUMNS.balance[0], y, { width: COLUMNS.balance[1], align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.moveTo(MARGIN, y + ROW - 3).lineTo(doc.page.width - MARGIN, y + ROW - 3).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = y + ROW;
  };

  doc.fontSize(14).text(statement.memberName);
  doc.fontSize(18).text(labels.title).moveDown(0.5);
  doc.fontSize(10);
  doc.text(`${labels.holder}: ${statement.holderName}`);
  doc.text(`${labels.address}: ${statement.address.join(', ')}`);
  doc.text(`${labels.paymentReference}: ${statement.paymentReference}`);
  doc.text(`${labels.period}: ${formatPeriod(statement.from, statement.to, language)}`);
  doc.text(`${labels.produced}: ${formatDay(ukDay(producedAt), language)}`).moveDown(1);

  heading();
  row({ date: formatShortDay(statement.from), description: labels.openingBalance, balance: formatPounds(statement.openingBalancePence) });
  for (const line of statement.lines) {
    row({
      date: formatShortDay(line.effectiveOn),
      description: line.period ? `${line.label}, ${line.period}` : line.label,
      amount: formatPounds(line.amountPence),
      balance: formatPounds(line.balancePence),
    });
  }
  row({ date: formatShortDay(statement.to), description: labels.closingBalance, balance: formatPounds(statement.closingBalancePence) });

  doc.moveDown(1).fontSize(10);
  doc.text(`${labels.totalCharged}: ${formatPounds(statement.chargesPence)}`, MARGIN);
  doc.text(`${labels.totalPaid}: ${formatPounds(statement.paymentsPence)}`);
  if (statement.otherPence) doc.text(`${labels.otherMovements}: ${formatPounds(statement.otherPence)}`);
  doc.text(`${labels.closingBalance}: ${balanceText(statement.closingBalancePence, statement)}`);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Inside the bottom margin, which would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(`${labels.page} ${i + 1} / ${pages.count}`, MARGIN, doc.page.height - MARGIN / 2, { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
