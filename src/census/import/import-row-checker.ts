import { mapHeader, rowCells, type HeaderMapping } from '../spreadsheet/template.js';
import { rowToRecordInput } from '../spreadsheet/row-codec.js';
import type { SheetRow } from '../spreadsheet/sheet-row.js';
import { validateRecord } from '../record-validation.rules.js';
import { completenessTier } from '../completeness.rules.js';
import type { CodeListName } from '../record.types.js';
import type { CodeListValues } from '../code-list.rules.js';
import type { ErrorDetail } from '../../http/app-error.js';
import type { ValidRow } from './import-batch.service.js';
import { fieldLimitErrors } from './import-field-limits.js';

/** Turns spreadsheet rows into valid records or the row's errors; remembers call numbers already seen in the file. */
export class ImportRowChecker {
  private mapping: HeaderMapping | undefined;
  private readonly seen = new Map<string, number>();
  private readonly seenPreciousNumbers = new Map<string, number>();

  constructor(
    private readonly institutionId: string,
    private readonly codeLists: ReadonlyMap<CodeListName, CodeListValues>,
    private readonly today = new Date(),
    private readonly settings: { eraYearMargin?: number | undefined } = {},
  ) {}

  /** Reads the header row; returns its errors (unknown, missing or duplicate columns). */
  header(row: SheetRow): ErrorDetail[] {
    const result = mapHeader(row.cells);
    if ('errors' in result) return result.errors;
    this.mapping = result.mapping;
    return [];
  }

  /** Checks one data row. */
  check(row: SheetRow): { valid: ValidRow } | { errors: ErrorDetail[] } {
    const { cells, errors } = rowCells(this.mapping!, row.cells);
    const all = [...row.cellErrors, ...errors];
    const parsed = rowToRecordInput(cells, { institutionId: this.institutionId });
    if ('errors' in parsed) return { errors: [...all, ...parsed.errors] };
    // Text past the API's limits is refused before any further (costly) check of it.
    const tooLong = fieldLimitErrors(parsed.input);
    if (tooLong.length) return { errors: [...all, ...tooLong] };
    const result = validateRecord(parsed.input, {
      codeLists: this.codeLists,
      intent: 'save',
      today: this.today,
      ...(this.settings.eraYearMargin === undefined ? {} : { eraYearMargin: this.settings.eraYearMargin }),
    });
    all.push(...result.errors);
    const callNumber = result.normalised.callNumber;
    const earlier = this.seen.get(callNumber);
    if (callNumber && earlier !== undefined) {
      all.push({
        path: 'callNumber',
        value: callNumber,
        rule: 'duplicate_in_file',
        messageZh: `索书号 ${callNumber} 在文件第 ${earlier} 行已出现`,
        messageEn: `Call number ${callNumber} already appears in row ${earlier} of the file`,
      });
    } else if (callNumber) {
      this.seen.set(callNumber, row.rowNumber);
    }
    all.push(...this.duplicatePreciousNumber(result.normalised.preciousListNumber, row.rowNumber));
    if (all.length) return { errors: all };
    return {
      valid: {
        rowNumber: row.rowNumber,
        input: result.normalised,
        date: result.derivedDate,
        tier: completenessTier(result.normalised),
      },
    };
  }

  /** A precious-list (名录) number names one item, so two rows of one file cannot both carry it. */
  private duplicatePreciousNumber(number: string | null | undefined, rowNumber: number): ErrorDetail[] {
    if (!number) return [];
    const earlier = this.seenPreciousNumbers.get(number);
    if (earlier === undefined) {
      this.seenPreciousNumbers.set(number, rowNumber);
      return [];
    }
    return [
      {
        path: 'preciousListNumber',
        value: number,
        rule: 'duplicate_in_file',
        messageZh: `名录号 ${number} 在文件第 ${earlier} 行已出现`,
        messageEn: `Precious-list number ${number} already appears in row ${earlier} of the file`,
      },
    ];
  }
}
