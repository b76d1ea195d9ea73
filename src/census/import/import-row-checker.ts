import { mapHeader, rowCells, templateKeyOfPath, type HeaderMapping } from '../spreadsheet/template.js';
import { rowToRecordInput } from '../spreadsheet/row-codec.js';
import type { SheetRow } from '../spreadsheet/sheet-row.js';
import { validateRecord, type RecordValidationResult } from '../record-validation.rules.js';
import { completenessTier } from '../completeness.rules.js';
import type { CodeListName, RecordInput } from '../../domain/record.types.js';
import type { CodeListValues } from '../code-list.rules.js';
import type { ErrorDetail } from '../../kernel/app-error.js';
import type { ValidRow, Revalidated } from './import-batch.service.js';
import { fieldLimitErrors } from './import-field-limits.js';

/** What checking one row found: the row to store (when it has no error), its errors and its warnings. */
export type CheckedRow = ({ valid: ValidRow } | { errors: ErrorDetail[] }) & { warnings: ErrorDetail[] };

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

  /** The header, as the file writes it, of the column a problem's field belongs to (null: none). */
  columnOf(path: string): string | null {
    const key = templateKeyOfPath(path);
    return (key && this.mapping?.labels?.get(key)) ?? null;
  }

  /**
   * Checks one data row and reports every problem of it at once: cells that cannot be read, the
   * record rules, duplicates within the file; warnings (open-list values, era overruns …) apart.
   */
  check(row: SheetRow): CheckedRow {
    const { cells, errors } = rowCells(this.mapping!, row.cells);
    const all = [...row.cellErrors, ...errors];
    const parsed = rowToRecordInput(cells, { institutionId: this.institutionId });
    if ('errors' in parsed) all.push(...parsed.errors);
    // Text past the API's limits is refused before any further (costly) check of it.
    const tooLong = fieldLimitErrors(parsed.input);
    if (tooLong.length) return { errors: [...all, ...tooLong], warnings: [] };
    const result = this.validate(parsed.input);
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
    if (all.length) return { errors: all, warnings: result.warnings };
    return {
      valid: {
        rowNumber: row.rowNumber,
        input: result.normalised,
        keys: result.keys,
        date: result.derivedDate,
        tier: completenessTier(result.normalised),
        present: parsed.present,
        typeGiven: parsed.typeGiven,
      },
      warnings: result.warnings,
    };
  }

  /**
   * Checks a record merged from a row and the stored record it updates (a file without some
   * columns leaves those fields as stored): the merged whole must still pass the rules.
   */
  revalidate(input: RecordInput, previous: RecordInput): Revalidated {
    const result = validateRecord(input, {
      codeLists: this.codeLists,
      intent: 'save',
      today: this.today,
      previous,
      ...this.margin(),
    });
    return { ...result, tier: completenessTier(result.normalised) };
  }

  private validate(input: RecordInput): RecordValidationResult {
    return validateRecord(input, {
      codeLists: this.codeLists,
      intent: 'save',
      today: this.today,
      ...this.margin(),
    });
  }

  /** The configured era-year margin, when one is set (the rules' default otherwise). */
  private margin(): { eraYearMargin?: number } {
    return this.settings.eraYearMargin === undefined ? {} : { eraYearMargin: this.settings.eraYearMargin };
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
