export { sanitizeBody } from './sanitize-body';
export { bodyToPlainText } from './body-plain-text';
