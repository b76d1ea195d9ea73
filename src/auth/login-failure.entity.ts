import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One failed login, kept for throttling (shared by every instance of the service). */
export const LoginFailureSchema = defineEntity({
  name: 'LoginFailure',
  tableName: 'login_failure',
  indexes: [{ properties: ['email', 'at'] }, { properties: ['ip', 'at'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    email: p.string().length(254),
    ip: p.string().length(64),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type LoginFailure = InferEntity<typeof LoginFailureSchema>;
