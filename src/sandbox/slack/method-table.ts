import { chatMethods } from './methods/chat-methods.ts';
import { conversationsMethods } from './methods/conversations-methods.ts';
import { historyMethods } from './methods/history-method.ts';
import type { MethodSpec } from './methods/method.ts';
import { usersMethods } from './methods/users-methods.ts';
import { viewsMethods } from './methods/views-methods.ts';

/** Every Web API method the sandbox serves. */
export const METHODS: Readonly<Record<string, MethodSpec>> = {
  ...usersMethods,
  ...conversationsMethods,
  ...historyMethods,
  ...chatMethods,
  ...viewsMethods,
};

/**
 * Bot scopes a typical sla-bot install has (`chat:write.public` deliberately not). The `*:history`
 * scopes let it look for a message whose post timed out before posting it again.
 */
export const DEFAULT_SCOPES: readonly string[] = [
  'chat:write',
  'im:write',
  'users:read',
  'users:read.email',
  'commands',
  'channels:read',
  'groups:read',
  'im:read',
  'channels:join',
  'channels:history',
  'groups:history',
  'im:history',
];
