import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';

/**
 * Issue 10 item 10 for part B (seed 002 §5, §7.2-§7.3.2, §8; spec/profiles.md §3): the inventory, the IMEI request,
 * the price list, the exports and the histories, both ways, for the demo users. REF_EBILL sees the inventory and the
 * exports like the ROA, not the histories; TRAFFIC_MANAGER has none of them; the employee (EU) gets only the price
 * list, of his own line's contract. Area Clienti profiles have no CM8 page.
 */
const CAPABILITIES: Capability[] = [
  { id: 'MOB-07', what: 'aggregate inventory', query: '{ mobileInventory { contractNumber aggregates { lines { count tariffPlan status } } } }',
    path: ['mobileInventory', 'aggregates', 'lines'] },
  { id: 'MOB-08', what: 'detailed lines with the IMEI asked for', query: '{ mobileInventory { lines(first: 5) { nodes { number status imei } } } }',
    path: ['mobileInventory', 'lines', 'nodes', 0, 'imei'] },
  { id: 'MOB-08', what: 'STS per line', query: '{ mobileInventory { lineServices { nodes { lineNumber description monthlyFee } } } }',
    path: ['mobileInventory', 'lineServices', 'nodes'] },
  { id: 'MOB-08', what: 'TIM TUO postpaid with employee data', query: '{ mobileInventory { timTuoPostpaid { nodes { lineNumber employeeCode employeeLastName } } } }',
    path: ['mobileInventory', 'timTuoPostpaid', 'nodes'] },
  { id: 'MOB-08', what: 'devices and SAC', query: '{ mobileInventory { devices { nodes { nmuCode } } contractServices { nodes { description } } } }',
    path: ['mobileInventory', 'contractServices', 'nodes'] },
  { id: 'seed 002 §7.2.3', what: 'price list of 888010088938 (postpaid)', query: '{ priceList(contractNumber: "888010088938") { fileName url } }', path: ['priceList', 'url'] },
  { id: 'seed 002 §7.2.3', what: 'price list of 888012234558 (prepaid)', query: '{ priceList(contractNumber: "888012234558") { fileName url } }', path: ['priceList', 'url'] },
  { id: 'MOB-09', what: 'my exports (none yet)', query: '{ myExports { id kind status requestedOn } }', path: ['myExports'] },
  { id: 'TRK-05', what: 'orders history with shipment tracking', query: '{ ordersHistory { id createdOn channel status shipmentStatus shipmentTracking { phase reachedOn } } }',
    path: ['ordersHistory'] },
  { id: 'TRK-04', what: 'requests history with the ticket details', query: '{ requestsHistory { id type details { name value } } }', path: ['requestsHistory'] },
];

const NONE = [F, F, F, F, F, F, F, F, F, F];
/**
 * Expected outcome per user, in the order of CAPABILITIES. 'empty': allowed, nothing of his (the prepaid contract
 * has no STS and no TIM TUO postpaid line; the second Ente has only lines; a price list of a contract not his; no
 * export requested yet; Ente KRISHNA's history is on its prepaid contract, the one pasquale.eu is ROA of).
 */
const MATRIX: Matrix = {
  //                                                                  agg  imei sts  tuo  dev  pl1  pl2  exp  ord  req
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [D, D, D, D, D, D, E, E, E, E] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [D, D, D, D, D, D, E, E, F, F] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: NONE },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [D, D, E, E, D, D, D, E, D, D] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [F, F, F, F, F, E, D, F, F, F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [D, D, E, E, E, E, E, E, E, E] },
  'vincenzo.rl': { profile: 'RL (Mandatario) of Ente KRISHNA', cells: NONE },
  'ginevra.vallisneri': { profile: 'RL (A)', cells: NONE },
  'luca.ferri': { profile: 'AF (A)', cells: NONE },
  'giada.mantesi': { profile: 'UT, own line', cells: NONE },
};

conformanceMatrix(CAPABILITIES, MATRIX);
