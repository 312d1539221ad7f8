import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'depeche:public';

/** Marks the few routes that need no operator: the login page, health and metrics. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
