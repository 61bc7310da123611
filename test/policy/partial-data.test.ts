import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, valueAt, type Capability, type Matrix } from '../support/conformance';
import { graphql } from '../support/stack';

/**
 * Partial data a frontend can rely on (issue 14 item 5), on the running stack: each capability asks a field some
 * profile may not see together with fields he may, as a page would. The cell judges the narrow field (data, null, or
 * FORBIDDEN on its path); `survivor` is a field of the record around it, which must be there for everyone
 * (test/policy/nullability-walk.test.ts checks the same on the whole schema, statically).
 */
interface PartialCapability extends Capability { survivor: (string | number)[] }

const CAPABILITIES: PartialCapability[] = [
  { id: 'MOB-01', what: 'a line with its contract', query: '{ mobileLines(first: 100) { nodes { number status contract { number type } } } }',
    path: ['mobileLines', 'nodes', 0, 'contract'], survivor: ['mobileLines', 'nodes', 0, 'number'] },
  { id: 'MOB-01', what: 'a line with its ICCID', query: '{ mobileLines(first: 100) { nodes { number status iccid } } }',
    path: ['mobileLines', 'nodes', 0, 'iccid'], survivor: ['mobileLines', 'nodes', 0, 'status'] },
  { id: 'MOB-13', what: 'a line with its plan family (CM8 ROA only)', query: '{ mobileLines(first: 100) { nodes { number tariffPlan planFamily } } }',
    path: ['mobileLines', 'nodes', 0, 'planFamily'], survivor: ['mobileLines', 'nodes', 0, 'tariffPlan'] },
  { id: 'CON-10', what: 'a line with its available traffic', query: '{ mobileLines(first: 100) { nodes { number kind availableTraffic { dataGbLeft } } } }',
    path: ['mobileLines', 'nodes', 'postpaid', 'availableTraffic'], survivor: ['mobileLines', 'nodes', 0, 'number'] },
  { id: 'MOB-13', what: 'the RIF legend beside the viewer', query: '{ viewer { username } rifProfiles { code } }',
    path: ['rifProfiles'], survivor: ['viewer', 'username'] },
  { id: 'BIL-02', what: 'invoices beside the lines', query: '{ mobileLines(first: 5) { totalCount } invoices(kind: MOBILE) { nodes { number } } }',
    path: ['invoices', 'nodes'], survivor: ['mobileLines', 'totalCount'] },
];

//                                                                             contract iccid family traffic rif  invoices
const MATRIX: Matrix = {
  // The RL reads the RIF legend since the customer area's 'RIF Azienda' (MOB-06).
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D, D, F, D, D, D] },
  'giada.mantesi': { profile: 'UT, own line', cells: [D, F, F, D, F, F] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [D, D, D, D, D, D] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [E, D, F, E, F, F] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);

describe('the record around a field the viewer may not see survives', () => {
  describe.each(Object.entries(MATRIX))('%s', (username) => {
    it.each(CAPABILITIES)('$id $what', async ({ query, survivor }) => {
      const { body } = await graphql(matrix.stack(), query, {}, matrix.token(username));
      expect(valueAt(body.data, survivor), JSON.stringify(body.errors)).not.toBeNull();
      expect(valueAt(body.data, survivor)).toBeDefined();
    });
  });
});

