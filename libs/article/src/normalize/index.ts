export { normalizeArticle } from './normalize-article';
