import type { CreatedRequest } from '../../../adapters/domain';
import type { GraphError } from '../../../adapters/errors';
import type { Identity } from '../identity';
import type { SignedTerms } from './confirmation';
import type { SubgraphContext } from '../server';
import type { TargetKind } from './targets';

/**
 * A dispositive operation, as data: everything that differs from one operation to another. The engine (engine.ts)
 * runs every declaration in the same order; adding an operation is a declaration, an SDL field and its tests.
 *
 * `Input` is the operation's input without the idempotency key (the engine owns the key), in canonical form: the
 * fingerprint that tells a retry from a reused key is computed on it, so two spellings of one request must validate
 * to the same value (e.g. a number without spaces).
 */
export interface DispositiveDeclaration<Input, Target> {
  /** The Mutation field. Its @allow decides who may run it, on the profiles the viewer holds on the target record. */
  field: string;
  /** Seed 002 §10 "Appendice 1" rows it builds (schema/appendix-1.yaml), empty for an Area Clienti-only operation. */
  appendixRows: readonly number[];
  /** spec/capabilities.md ids it serves (e.g. MOB-03), empty for a CM8-only operation. */
  capabilities: readonly string[];
  /** The "Descrizione Pratica" CRM records. */
  pratica: string;
  /** Whether CRM also creates an ordine: the Appendix row's "Ordine" column. */
  ordine: boolean;
  target: TargetKind<Target>;
  /**
   * For an operation on many records at once: the input field that holds the list (`lines`). Each item is validated
   * and run as its own operation, and answers its own outcome or refusal (engine.ts `runDispositiveList`).
   */
  listField?: string;
  /**
   * For a list operation: input fields beside the list that hold for every item (a threshold's value, the reference of
   * the summary the request confirms). Each item is validated with them merged in; an error names them at `input.<field>`.
   */
  sharedFields?: readonly string[];
  /** The input checked and normalised, or BAD_USER_INPUT naming `at(field)` (the path the client sent). Reads nothing. */
  validate(raw: Record<string, unknown>, at: (field: string) => string): Input;
  /** The id of the record the operation changes, from the validated input. */
  targetId(input: Input): string;
  /**
   * The seed's business rules on the target as it is now: a message in our words when the operation may not go
   * ahead (the client gets LEGACY_REJECTED with it, and nothing is written), or a GraphError when the input does not
   * fit this record (BAD_USER_INPUT, e.g. an ICCID that is not one of the line's SIMs, an enablement the line's plan
   * does not have: `at(field)` is the path the client sent); null when it may go ahead.
   */
  refusal?(target: Target, input: Input, at: (field: string) => string, viewer: Identity): string | GraphError | null;
  /**
   * Uploads the pratica needs (ids from the gateway's POST /uploads), by input field: CRM claims them in the pratica's
   * own transaction, for the viewer who uploaded them, once, and only of `types`; a refused one is BAD_USER_INPUT at
   * `at(field)` and nothing is written.
   */
  attachments?(input: Input): readonly AttachmentUse[];
  /**
   * The fact the operation records, when it may be recorded once whatever the idempotency keys (a payment's id: one
   * credit per charge). The key tells a retry from a new request of one client; two requests for the same fact under
   * two keys (two tabs, two devices) can both pass `refusal` while neither has written yet. CRM keeps this business
   * key unique per pratica description in the pratica's transaction (`chiaveNaturale`): the second is answered the
   * pratica the first created, and the engine then runs `applyElsewhere` for it, which is idempotent under that
   * pratica. It must determine the request (the same fact asked otherwise is LEGACY_REJECTED).
   */
  oncePer?(target: Target, input: Input): string;
  /**
   * The summary module the user must have downloaded before confirming, on the rows whose page says so ("Il download
   * dei documenti è obbligatorio per confermare la richiesta": schema/appendix-1.yaml `summary`). With it, the mutation
   * takes `confirmationRef` (beside the list, for a list operation) and the engine refuses it unless the reference,
   * from `changeSummary`, confirms this record with the terms it has now (confirmation.ts).
   */
  summary?: SummaryTerms<Input, Target>;
  /** What CRM needs to apply the change in the pratica's own transaction (legacy/crm/effects.ts). */
  crm?(target: Target, input: Input): { reason?: string; parameters?: Record<string, string> };
  /**
   * The change in another system of record (e.g. eBill), made after the pratica exists. It must be idempotent under
   * the pratica's id: a client retry replays the pratica and calls it again, which completes a change a crash cut
   * short and repeats nothing.
   */
  applyElsewhere?(change: { created: CreatedRequest; target: Target; input: Input }, context: SubgraphContext): Promise<void>;
}

/** What a change's summary module says, and what its confirmation binds. */
export interface SummaryTerms<Input, Target> {
  /**
   * The terms the user confirms for one record: the change and the state of the record it is asked on (e.g. the
   * threshold type the line has now, an option's price). A record whose terms differ when the mutation runs needs a
   * new summary. Without it, the terms are the request itself (the validated input).
   */
  terms?(target: Target, input: Input): SignedTerms;
  /**
   * What the module prints for one record when the terms are not what the user reads (they are a digest, say): the
   * lines in the user's words (an address, a masked IBAN). Without it, the terms.
   */
  module?(target: Target, input: Input): [name: string, value: string][];
  /** A rule on the records of a list together, for the summary (e.g. the lines share one threshold type): null when it holds. */
  together?(terms: readonly SignedTerms[], at: (field: string) => string): GraphError | null;
}

/** An uploaded document an operation uses: the input field that names it, its id, the content types it may be. */
export interface AttachmentUse { field: string; id: string; types: readonly string[] }

/** Any declaration, for code that handles them all alike (the engine's callers, the coverage of the Appendix). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDeclaration = DispositiveDeclaration<any, any>;
