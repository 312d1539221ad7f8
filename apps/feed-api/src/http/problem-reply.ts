// The problem writer is @depeche/observability's sendProblem. feeds/feed.route.ts imports it from
// here: point it at @depeche/observability and delete this file.
export { sendProblem } from '@depeche/observability';
