import { defineRoute } from '../kernel/route.js';
import { myTodo, todoResponse } from './todo.service.js';

export const todoRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/me/todo',
    summary: 'My to-do counts: the work waiting for me, by my role (records, reviews, work orders)',
    tag: 'Auth 认证',
    auth: 'user',
    response: todoResponse,
    handler: async ({ scope }) => ({ body: await myTodo(scope) }),
  }),
];
