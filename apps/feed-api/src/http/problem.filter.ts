// The problem filter is @depeche/observability's ProblemFilter, installed in every app by
// createHttpApp. feeds/feed.route.ts (the plain Fastify feed route) imports the error mapping
// from here: point it at @depeche/observability and delete this file.
export { toProblem } from '@depeche/observability';
