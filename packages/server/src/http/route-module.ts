import type { FastifyInstance } from 'fastify';
import type { Context } from '../context';

/** What every file under http/routes exports: it registers its routes on the app. */
export type RouteModule = (app: FastifyInstance, ctx: Context) => void | Promise<void>;
