// class-transformer's @Type reads design-time types: the polyfill must load before any DTO.
import 'reflect-metadata';

export * from './partner-data';
export * from './entitlement.dto';
export * from './partner.dto';
export * from './key.dto';
export * from './channel.dto';
export * from './validate-admin-input';
