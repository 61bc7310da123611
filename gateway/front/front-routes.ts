import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrontendSettings } from '../config/frontend-settings';
import { corsFront } from './cors';
import { ideFront, ideOffFront } from './ide/serve-ide';

type Front = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * What the gateway answers for browsers before GraphQL: CORS first (its headers go on every answer to an allowed
 * origin, and it answers preflights), then the IDE (or, when off, a page saying so).
 */
export function frontRoutes(settings: FrontendSettings): Front {
  const cors = corsFront(settings.corsOrigins);
  const ide = settings.graphiql ? ideFront({ endpoint: '/graphql', loginUrl: settings.demoLoginUrl ?? null }) : ideOffFront();
  return (req, res) => cors(req, res) || ide(req, res);
}
