/**
 * Settings for every depeche connection, given to the server at connect time. JIT off: every
 * statement here is short OLTP work; the planner's cost of a bounded scan with row filters (the
 * delivery claim) is far above jit_above_cost, and compiling it took 0.8 s for a statement that
 * runs in 50 ms.
 */
const SESSION_OPTIONS = '-c jit=off';

/**
 * The connection string and the `options` startup parameter to connect with. node-postgres lets
 * an `options` in the URL replace the one in its config whole, which would drop jit=off; so the
 * URL's own is taken out and appended after ours (the last `-c` of a setting wins: a URL that says
 * `-c jit=on` keeps it). A connection string that is not a URL is left as it is.
 */
export function withSessionOptions(connectionString: string): {
  connectionString: string;
  options: string;
} {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return { connectionString, options: SESSION_OPTIONS };
  }
  const own = url.searchParams.get('options');
  if (own === null) return { connectionString, options: SESSION_OPTIONS };
  url.searchParams.delete('options');
  return { connectionString: url.toString(), options: `${SESSION_OPTIONS} ${own}` };
}
