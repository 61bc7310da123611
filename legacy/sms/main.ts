import { runStandIn } from '../runtime/server';
import { smsStandIn } from './standin';

await runStandIn(smsStandIn());
