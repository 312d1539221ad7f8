export * from './wire-story';
export { parseNewsmlG2 } from './newsml-g2.wire';
export { parseNitf } from './nitf.wire';
