import { Injectable } from '@nestjs/common';
import { OpsEnv } from '../config/ops.env';
import { credentialsMatch } from './credentials';
import type { LoginDto } from './login.dto';
import { OperatorSecret } from './operator-secret';
import { sessionCookieHeader, signSession } from './session-cookie';

/** Checks a login and issues the session cookie; a failed login waits, to slow guessing. */
@Injectable()
export class LoginService {
  constructor(
    private readonly env: OpsEnv,
    private readonly secret: OperatorSecret,
  ) {}

  /** The Set-Cookie header for a good login, undefined for a bad one. */
  async login(form: LoginDto, now = new Date()): Promise<string | undefined> {
    const expected = { username: this.env.OPS_USERNAME, password: this.env.OPS_PASSWORD };
    if (!credentialsMatch(form, expected)) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return undefined;
    }
    const expires = Math.floor(now.getTime() / 1000) + this.env.OPS_SESSION_SECONDS;
    return sessionCookieHeader(
      signSession({ username: form.username, expires }, this.secret.key),
      this.env.OPS_SESSION_SECONDS,
    );
  }
}
