import { chatMethods } from './methods/chat-methods.ts';
import { conversationsMethods } from './methods/conversations-methods.ts';
import type { MethodSpec } from './methods/method.ts';
import { usersMethods } from './methods/users-methods.ts';
import { viewsMethods } from './methods/views-methods.ts';

/** Every Web API method the sandbox serves. */
export const METHODS: Readonly<Record<string, MethodSpec>> = {
  ...usersMethods,
  ...conversationsMethods,
  ...chatMethods,
  ...viewsMethods,
};

/** Bot scopes a typical sla-bot install has (`chat:write.public` deliberately not). */
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
];
