import { runStandIn } from '../runtime/server';
import { crmStandIn } from './standin';

await runStandIn(crmStandIn());
