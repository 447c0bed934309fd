import { listTodo } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { listTodo as todo } from '../services/applications'

export const handler = endpoint(listTodo, (input, ctx) => todo(ctx.caller, input))
