/** No valid session: a page answers with the login form, an action or API with 401. */
export class LoginRequired extends Error {
  constructor() {
    super('login required');
  }
}

/** A request from another origin: refused whatever its cookie (defence in depth beside SameSite). */
export class ForeignOrigin extends Error {
  constructor() {
    super('cross-origin request refused');
  }
}
