import { LivenessController } from '../liveness.controller';
import { ReadinessController } from './readiness.controller';

/**
 * `/health/live` and `/health/ready`. An app lists these as controllers, imports
 * `TerminusModule.forRoot()` and provides READINESS_CHECKS (`useExisting` its runtime).
 */
export const HEALTH_CONTROLLERS = [LivenessController, ReadinessController];
