import { runStandIn } from '../runtime/server';
import { ebillStandIn } from './standin';

await runStandIn(ebillStandIn());
