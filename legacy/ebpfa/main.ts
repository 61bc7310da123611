import { runStandIn } from '../runtime/server';
import { ebpfaStandIn } from './standin';

await runStandIn(ebpfaStandIn());
