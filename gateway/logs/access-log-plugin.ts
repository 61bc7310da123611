import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../server/context';
import { noteAnswer } from './access-line';

/**
 * What only Apollo's request pipeline knows, for the access line: the user, and whether the answer carries data
 * (a 200 with errors is partial, or a failure). The operation's name is in the request scope (operation-name-plugin).
 */
export function accessLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const body = response.body;
          const withData = body.kind === 'single' ? body.singleResult.data != null : true;
          noteAnswer({ userId: (contextValue as Partial<GatewayContext>).identity?.userId, withData });
        },
      };
    },
  };
}
