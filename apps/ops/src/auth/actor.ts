import type { OperatorRequest } from './operator.guard';

/** How the audit log names an operator acting from the dashboard. */
export function actorOf(req: OperatorRequest): string {
  return `operator:${req.operator ?? 'unknown'}`;
}
