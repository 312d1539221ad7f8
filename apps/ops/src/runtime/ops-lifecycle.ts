import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OpsConsumer } from '../stream/ops-consumer';
import { OpsRuntime } from './ops-runtime';
import { PipelineGauges } from './pipeline-gauges';

/**
 * Starts the parts in order (Nest runs providers' hooks concurrently): the schema before the
 * consumer that writes to it; stops them in reverse.
 */
@Injectable()
export class OpsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runtime: OpsRuntime,
    private readonly consumer: OpsConsumer,
    private readonly gauges: PipelineGauges,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
    this.gauges.start();
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.gauges.stop();
    await this.runtime.stop();
  }
}
