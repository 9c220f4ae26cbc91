import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { conflict, notFound } from '@advisor/simulator-kit';
import type * as inputs from './inputs';
import { normalizeFein } from './inputs';
import { emptyState, type Employer, type EmployerRecord, type Filing, type FilingError, type FilingRecord, type TaxAuthorityState, type TaxCard } from './model';

type In<T extends z.ZodType> = z.output<T>;

/**
 * The tax authority's rules over its own in-memory state; `onChange` runs after every change
 * (it persists the state when a DATA_FILE is set).
 */
export class TaxAuthorityStore {
  private readonly employers = new Map<string, EmployerRecord>();
  private readonly taxCards = new Map<string, TaxCard>();
  private readonly filings = new Map<string, FilingRecord>();

  constructor(
    state: TaxAuthorityState = emptyState(),
    private readonly onChange: (store: TaxAuthorityStore) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const e of state.employers) this.employers.set(e.fein, e);
    for (const c of state.taxCards) this.taxCards.set(cardKey(c.fein, c.externalRef, c.year), c);
    for (const f of state.filings) this.filings.set(f.id, f);
  }

  toState(): TaxAuthorityState {
    return { version: 1, employers: [...this.employers.values()], taxCards: [...this.taxCards.values()], filings: [...this.filings.values()] };
  }

  createEmployer(input: In<typeof inputs.employerInput>): { employer: Employer; apiKey: string } {
    if (this.employers.has(input.fein)) throw conflict('EMPLOYER_EXISTS', `Employer ${input.fein} is already registered.`);
    const apiKey = `ta_${randomBytes(24).toString('base64url')}`;
    const record: EmployerRecord = { ...input, createdAt: this.now().toISOString(), apiKeySha256: sha256(apiKey), rejectFilings: null };
    this.employers.set(record.fein, record);
    this.changed();
    return { employer: publicEmployer(record), apiKey };
  }

  employer(fein: string): Employer {
    return publicEmployer(this.employerRecord(fein));
  }

  authenticates(fein: string, apiKey: string): boolean {
    const record = this.employers.get(normalizeFein(fein) ?? '');
    if (!record) return false;
    return timingSafeEqual(Buffer.from(sha256(apiKey), 'hex'), Buffer.from(record.apiKeySha256, 'hex'));
  }

  snapshot(fein: string) {
    const employer = this.employer(fein);
    return { employer, rejectFilings: this.employerRecord(fein).rejectFilings, taxCards: this.taxCardsOf(employer.fein), filings: this.filingsOf(employer.fein) };
  }

  /** SPEC P6: the authority issues (or re-issues) an employee's card for a year; 'created' false on re-issue. */
  issueTaxCard(fein: string, input: In<typeof inputs.taxCardInput>): { card: TaxCard; created: boolean } {
    const employer = this.employerRecord(fein);
    const year = input.year ?? this.now().getUTCFullYear();
    const key = cardKey(employer.fein, input.externalRef, year);
    const previous = this.taxCards.get(key);
    const card: TaxCard = { id: previous?.id ?? randomUUID(), fein: employer.fein, ...input, year, issuedAt: this.now().toISOString() };
    this.taxCards.set(key, card);
    this.changed();
    return { card: { ...card }, created: !previous };
  }

  taxCardsOf(fein: string, year?: number): TaxCard[] {
    const { fein: canonical } = this.employerRecord(fein);
    return [...this.taxCards.values()]
      .filter((c) => c.fein === canonical && (year === undefined || c.year === year))
      .sort((a, b) => a.year - b.year || a.externalRef.localeCompare(b.externalRef))
      .map((c) => ({ ...c }));
  }

  rejectNextFilings(fein: string, rule: In<typeof inputs.rejectFilingsInput> | null): EmployerRecord['rejectFilings'] {
    const employer = this.employerRecord(fein);
    employer.rejectFilings = rule && { reason: rule.reason, remaining: rule.times ?? null };
    this.changed();
    return employer.rejectFilings && { ...employer.rejectFilings };
  }

  /**
   * SPEC P7: an employer tax filing, ACCEPTED or REJECTED with errors. Idempotent by
   * (fein, period, idempotency key): the same request again gets the same filing
   * (`replayed` true); the same key with another body is refused.
   */
  file(fein: string, input: In<typeof inputs.filingInput>, idempotencyKey: string | undefined): { filing: Filing; replayed: boolean } {
    const employer = this.employerRecord(fein);
    const requestSha256 = sha256(JSON.stringify(input));
    if (idempotencyKey) {
      const earlier = [...this.filings.values()].find((f) => f.fein === employer.fein && f.period === input.period && f.idempotencyKey === idempotencyKey);
      if (earlier && earlier.requestSha256 !== requestSha256) {
        throw conflict('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for a different filing of this period.');
      }
      if (earlier) return { filing: publicFiling(earlier), replayed: true };
    }
    const errors = this.check(employer, input);
    const record: FilingRecord = {
      id: randomUUID(),
      fein: employer.fein,
      ...input,
      status: errors.length ? 'REJECTED' : 'ACCEPTED',
      errors,
      receivedAt: this.now().toISOString(),
      idempotencyKey: idempotencyKey ?? null,
      requestSha256,
    };
    this.filings.set(record.id, record);
    this.changed();
    return { filing: publicFiling(record), replayed: false };
  }

  filingsOf(fein: string, period?: string): Filing[] {
    const { fein: canonical } = this.employerRecord(fein);
    return [...this.filings.values()]
      .filter((f) => f.fein === canonical && (period === undefined || f.period === period))
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .map(publicFiling);
  }

  private check(employer: EmployerRecord, input: In<typeof inputs.filingInput>): FilingError[] {
    const errors: FilingError[] = [];
    const sum = (pick: (l: (typeof input.lines)[number]) => number) => input.lines.reduce((total, l) => total + pick(l), 0);
    if (sum((l) => l.grossPayCents) !== input.grossPayCents) {
      errors.push({ code: 'TOTALS_MISMATCH', message: `Gross pay ${input.grossPayCents} is not the sum of the lines (${sum((l) => l.grossPayCents)}).` });
    }
    if (sum((l) => l.taxWithheldCents) !== input.taxWithheldCents) {
      errors.push({ code: 'TOTALS_MISMATCH', message: `Tax withheld ${input.taxWithheldCents} is not the sum of the lines (${sum((l) => l.taxWithheldCents)}).` });
    }
    const year = Number(input.period.slice(0, 4));
    const seen = new Set<string>();
    for (const line of input.lines) {
      if (seen.has(line.externalRef)) errors.push({ code: 'DUPLICATE_LINE', message: `Employee ${line.externalRef} appears more than once.` });
      seen.add(line.externalRef);
      if (!this.taxCards.has(cardKey(employer.fein, line.externalRef, year))) {
        errors.push({ code: 'NO_TAX_CARD', message: `Employee ${line.externalRef} has no tax card for ${year}.` });
      }
      if (line.taxWithheldCents > line.grossPayCents) {
        errors.push({ code: 'WITHHOLDING_EXCEEDS_PAY', message: `Employee ${line.externalRef}: tax withheld exceeds gross pay.` });
      }
    }
    const rule = employer.rejectFilings;
    if (rule) {
      errors.push({ code: 'REJECTED_BY_AUTHORITY', message: rule.reason });
      if (rule.remaining !== null) employer.rejectFilings = rule.remaining > 1 ? { ...rule, remaining: rule.remaining - 1 } : null;
    }
    return errors;
  }

  private employerRecord(fein: string): EmployerRecord {
    const record = this.employers.get(normalizeFein(fein) ?? '');
    if (!record) throw notFound('UNKNOWN_EMPLOYER', `No employer ${fein}.`);
    return record;
  }

  private changed(): void {
    this.onChange(this);
  }
}

const cardKey = (fein: string, externalRef: string, year: number) => `${fein}|${year}|${externalRef}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const publicEmployer = ({ apiKeySha256: _key, rejectFilings: _rule, ...employer }: EmployerRecord): Employer => employer;
const publicFiling = ({ requestSha256: _hash, ...filing }: FilingRecord): Filing => ({ ...filing, lines: filing.lines.map((l) => ({ ...l })), errors: filing.errors.map((e) => ({ ...e })) });
