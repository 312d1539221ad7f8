/** The fresh store a rebuild writes into, as the ingest app's variables name it. */
export function targetEnv(into: string): Record<string, string> {
  if (/^postgres(ql)?:\/\//.test(into)) return { DATABASE_KIND: 'postgres', DATABASE_URL: into };
  if (into.startsWith('sqlite:')) return { DATABASE_KIND: 'sqlite', SQLITE_PATH: into.slice(7) };
  throw new Error(`--into must be sqlite:<path> or postgres://…, not ${into}`);
}
