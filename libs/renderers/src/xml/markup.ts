/**
 * XHTML/HTML text produced by the markup builder (see markup/markup.builder.ts) and by nothing else:
 * the brand keeps hand-written strings out of the one place markup is embedded unescaped.
 */
export type Markup = string & { readonly __brand: 'Markup' };
