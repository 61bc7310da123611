import { Kind, type DocumentNode, type FieldDefinitionNode, type TypeNode } from 'graphql';
import type { Profile } from '../../adapters/domain';
import { profilesAllowed, readPolicy } from '../../subgraphs/runtime/policy/directives';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';

/**
 * Who may upload (issue 19 item 8): a user who holds, somewhere, a profile allowed on an operation that takes an
 * upload. A file no operation of his could use is only a cost (the audit's UT stored 40 files no page lets her send).
 * Read from the SDL, the one policy source: a Mutation field takes an upload when a field of its input is the id
 * `POST /uploads` answered (the SDL says so in its description); its `@allow` says who may run it.
 * `test/gateway/upload-holders.test.ts` keeps this in step with the declarations that claim attachments.
 */
const TAKES_AN_UPLOAD = /\bPOST \/uploads\b/;

export interface UploadingOperation { field: string; profiles: ReadonlySet<Profile> }

export function uploadingOperations(): UploadingOperation[] {
  return SUBGRAPH_NAMES.flatMap((name) => {
    const typeDefs = loadTypeDefs(name);
    const policy = readPolicy(typeDefs);
    return mutationFields(typeDefs)
      .filter((field) => field.arguments?.some((arg) => inputTakesUpload(typeDefs, namedType(arg.type))))
      .map((field) => ({ field: field.name.value, profiles: profilesAllowed(policy, 'Mutation', field.name.value) }));
  });
}

/** Every profile that may run at least one operation taking an upload. */
export function uploadingProfiles(): ReadonlySet<Profile> {
  return new Set(uploadingOperations().flatMap((op) => [...op.profiles]));
}

function mutationFields(typeDefs: DocumentNode): readonly FieldDefinitionNode[] {
  return typeDefs.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Mutation' ? d.fields ?? [] : []);
}

function inputTakesUpload(typeDefs: DocumentNode, typeName: string): boolean {
  return typeDefs.definitions.some((d) => (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION)
    && d.name.value === typeName && (d.fields ?? []).some((f) => TAKES_AN_UPLOAD.test(f.description?.value ?? '')));
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
