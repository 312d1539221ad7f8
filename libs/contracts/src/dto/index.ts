// class-transformer's @Type reads design-time types: the polyfill must load before any DTO.
import 'reflect-metadata';

export * from './article-author.dto';
export * from './article-event.dto';
export * from './article-image.dto';
export * from './article-location.dto';
export * from './article-rights.dto';
export * from './article-subject.dto';
export * from './article.dto';
