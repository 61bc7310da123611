import { z } from 'zod';
import { variable } from './define';

/**
 * Redis, for what the gateway's replicas share (gateway/replica-state/shared-state.ts; README "Replicas and Redis").
 * Declared here rather than in the gateway's module so that the next process that shares state reads the same one.
 */
export const REDIS_VARIABLES = {
  REDIS_URL: variable(z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }).optional(), {
    meaning: 'Redis shared by the gateway\'s replicas and workers: the mutation limit, APQ, grants changes (unset: each process keeps its own, the embedded default)',
    shownDefault: 'unset',
    secret: true,
  }),
};
