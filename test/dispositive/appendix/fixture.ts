import type { TestStack } from '../../support/stack';

/** A mutation's input without the idempotency key. */
export type Input = Record<string, unknown>;

/**
 * What a mutation acts on: the field of its outcome that holds the changed record and how to read its id there, the
 * id the input sent, and the same input naming a record that does not exist (a foreign record must answer alike).
 */
export interface Target {
  /** The outcome's field and the selection that reads the record's id (`line { number }`). */
  field: string;
  selection: string;
  idOf(record: any): string;
  idSent(input: Input): string;
  unknown(input: Input): Input;
}

export const LINE: Target = {
  field: 'line',
  selection: 'number',
  idOf: (line) => line.number,
  idSent: (input) => (input.number ?? (input.lines as { number: string }[])[0].number) as string,
  unknown: (input) => (input.lines
    ? { ...input, lines: (input.lines as Input[]).map((line) => ({ ...line, number: '3999999999' })) }
    : { ...input, number: '3999999999' }),
};

/** A fixed line (issue 21): the outcome names it `fixedLine`. */
export const FIXED_LINE: Target = {
  ...LINE,
  field: 'fixedLine',
  unknown: (input) => (input.lines
    ? { ...input, lines: (input.lines as Input[]).map((line) => ({ ...line, number: '0999999999' })) }
    : { ...input, number: '0999999999' }),
};

export const CONTRACT: Target = {
  field: 'contract',
  selection: 'number',
  idOf: (contract) => contract.number,
  idSent: (input) => input.contractNumber as string,
  unknown: (input) => ({ ...input, contractNumber: '888000000000' }),
};

/**
 * How a row's mutation is called: its input type, whether it takes a list of lines, what it acts on (the outcome
 * names it), and its input without the key, or how to make it when it needs uploads (made once per row and reused,
 * so that "the same input" is the same).
 */
export interface Call {
  mutation: string;
  inputType: string;
  list: boolean;
  target: Target;
  input: Input | ((token: string, stack: TestStack) => Promise<Input>);
}

/** One Appendix row's fixture: who runs it, with what, and the two ways of getting it wrong. */
export interface Fixture {
  /** The user who may run it on the target (a CM8 ROA, an EU on his own line, …). */
  user: string;
  run: Call;
  /** The same key with another operation or input. */
  reuse: Call;
  /** An input refused before anything is read, and the field it names. */
  bad: { input: Input; field: string };
  /**
   * A user of another Ente who may run the mutation on his own records (default: massimiliano.roa, a ROA); null where
   * no record is foreign to anyone (another customer's invoice, BIL-06): the unknown record is checked alone.
   */
  foreignUser?: string | null;
  /**
   * Who sees the row's pratica in the requests and orders histories (default: `user`). An employee (EU) has no
   * histories: his requests are monitored by the ROA of his contract (seed 002 §9.1.2, "monitorabile dal ROA").
   */
  historyUser?: string;
}

export const lines = (...numbers: string[]) => ({ lines: numbers.map((number) => ({ number })) });

/** A mutation's call shape, to be given each fixture's input. */
export const call = (mutation: string, inputType: string, shape: { list?: boolean; target?: Target } = {}) =>
  (input: Call['input']): Call => ({ mutation, inputType, list: shape.list ?? false, target: shape.target ?? LINE, input });
