import { runStandIn } from '../runtime/server';
import { paymentsStandIn } from './standin';

await runStandIn(paymentsStandIn());
