import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { changesIn } from '../../gateway/limits/changes-in-operation';

/** What MUTATIONS_PER_MINUTE counts (issue 19 item 8): every change a request asks for, however it is spelled. */
const count = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return changesIn(operation, document);
};

describe('the changes of a request', () => {
  it('are its mutation fields, each alias one, through inline fragments and fragment spreads; __typename and queries are none', () => {
    expect(count('mutation { a: writeToUs { id } b: writeToUs { id } __typename }')).toBe(2);
    expect(count('mutation { ... on Mutation { a: blockSim { id } } ...Two } fragment Two on Mutation { b: blockSim { id } c: unblockSim { id } }')).toBe(3);
    expect(count('mutation { skipped: blockSim @skip(if: true) { id } }')).toBe(1);
    expect(count('{ a: viewer { id } b: viewer { id } }')).toBe(0);
  });
});
