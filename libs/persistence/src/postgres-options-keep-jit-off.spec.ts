import { withSessionOptions } from './postgres-options';

describe('the session options of a PostgreSQL connection', () => {
  it('are jit=off for a plain URL, which is left as it is', () => {
    const url = 'postgres://depeche@127.0.0.1:5432/depeche?sslmode=disable';
    expect(withSessionOptions(url)).toEqual({ connectionString: url, options: '-c jit=off' });
  });

  it("keep jit=off beside the URL's own options, which come last and so win", () => {
    const url =
      'postgres://depeche@db:5432/depeche?options=-c%20search_path%3Dsyndication&application_name=x';
    expect(withSessionOptions(url)).toEqual({
      connectionString: 'postgres://depeche@db:5432/depeche?application_name=x',
      options: '-c jit=off -c search_path=syndication',
    });
  });
});
