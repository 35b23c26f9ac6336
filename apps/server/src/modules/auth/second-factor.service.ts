/**
 * Second factor (TOTP, RFC 6238) and password changes. The TOTP secret is stored SM4-encrypted;
 * recovery codes only as keyed hashes, each usable once. Codes are checked against the injectable
 * clock, so tests can compute them for any instant.
 */
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { authRepo, type SessionRow } from './auth.repo.ts';
import { LOCK_MINUTES, MAX_FAILED_ATTEMPTS, type AuthService } from './auth.service.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';

export class SecondFactorService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  private epoch() {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  async changePassword(actor: Actor, session: SessionRow, current: string, next: string) {
    const user = (await authRepo.userById(this.db.db, session.user_id))!;
    if (!(await verifyPassword(user.password_hash, current))) {
      await this.audit.record(this.db.db, actor, {
        action: 'auth.password.change',
        result: 'failed',
        objectType: 'user',
        objectId: user.id,
      });
      throw AppError.badRequest('The current password is wrong', [{ path: '/body/currentPassword', message: 'wrong password' }]);
    }
    const problems = passwordProblems(next, user.username);
    if (current === next) problems.push('must differ from the current password');
    if (problems.length)
      throw AppError.badRequest(
        `The new password needs: ${problems.join('; ')}`,
        problems.map((message) => ({ path: '/body/newPassword', message })),
      );
    const now = this.clock.now();
    await this.db.db.transaction().execute(async (tx) => {
      await authRepo.updateUser(tx, user.id, {
        password_hash: await hashPassword(next),
        must_change_password: false,
        password_changed_at: now,
      });
      // Other sessions of this user end: whoever knew the old password is out.
      await authRepo.endUserSessions(tx, user.id, now, 'password changed', session.id);
      await this.audit.record(tx, actor, { action: 'auth.password.change', objectType: 'user', objectId: user.id });
    });
    this.auth.sessionCache.clear();
    return this.auth.advance(session, session.stage === 'active');
  }

  async enroll(actor: Actor, session: SessionRow) {
    const user = (await authRepo.userById(this.db.db, session.user_id))!;
    if (user.totp_enabled) throw AppError.conflict('The second factor is already set up');
    const secret = generateSecret();
    await authRepo.updateUser(this.db.db, user.id, { totp_secret_enc: this.crypto.encrypt(secret) });
    await this.audit.record(this.db.db, actor, { action: 'auth.totp.enroll', objectType: 'user', objectId: user.id });
    const otpauthUrl = generateURI({ issuer: 'Wangge 网格', label: user.username, secret });
    return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
  }

  async confirm(actor: Actor, session: SessionRow, code: string) {
    const user = (await authRepo.userById(this.db.db, session.user_id))!;
    if (user.totp_enabled) throw AppError.conflict('The second factor is already set up');
    if (!user.totp_secret_enc) throw AppError.conflict('Start the enrolment first');
    const secret = this.crypto.decrypt(user.totp_secret_enc);
    const result = await verify({ secret, token: code, epoch: this.epoch(), epochTolerance: 30 });
    if (!result.valid)
      throw AppError.badRequest('The code does not match; check the time on your phone', [
        { path: '/body/code', message: 'wrong code' },
      ]);
    const codes = Array.from({ length: 10 }, () =>
      randomBytes(6)
        .toString('hex')
        .toUpperCase()
        .replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3'),
    );
    await this.db.db.transaction().execute(async (tx) => {
      await authRepo.updateUser(tx, user.id, {
        totp_enabled: true,
        recovery_codes: JSON.stringify(codes.map((c) => this.crypto.blindIndex(c))),
      });
      await this.audit.record(tx, actor, { action: 'auth.totp.confirm', objectType: 'user', objectId: user.id });
    });
    await this.auth.advance(session, true);
    return { recoveryCodes: codes };
  }

  /** The TOTP step of signing in: a current code or one unused recovery code. */
  async verifyLogin(actor: Actor, session: SessionRow, input: { code?: string; recoveryCode?: string }) {
    if (session.stage !== 'totpRequired') throw AppError.conflict('No second factor is expected now');
    const user = (await authRepo.userById(this.db.db, session.user_id))!;
    const now = this.clock.now();
    let ok = false;
    let used: string | undefined;
    if (input.code && user.totp_secret_enc) {
      ok = (
        await verify({
          secret: this.crypto.decrypt(user.totp_secret_enc),
          token: input.code,
          epoch: this.epoch(),
          epochTolerance: 30,
        })
      ).valid;
    } else if (input.recoveryCode) {
      used = this.crypto.blindIndex(input.recoveryCode.trim().toUpperCase());
      ok = user.recovery_codes.includes(used);
    }
    if (!ok) {
      const attempts = user.failed_attempts + 1;
      const lock = attempts >= MAX_FAILED_ATTEMPTS;
      await authRepo.updateUser(this.db.db, user.id, {
        failed_attempts: lock ? 0 : attempts,
        locked_until: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
      });
      if (lock) {
        await authRepo.endUserSessions(this.db.db, user.id, now, 'locked');
        this.auth.sessionCache.clear();
      }
      await this.audit.record(this.db.db, actor, {
        action: 'auth.totp.verify',
        result: 'failed',
        objectType: 'user',
        objectId: user.id,
      });
      throw AppError.badRequest('The code does not match', [
        { path: input.code ? '/body/code' : '/body/recoveryCode', message: 'wrong code' },
      ]);
    }
    await this.db.db.transaction().execute(async (tx) => {
      await authRepo.updateUser(tx, user.id, {
        failed_attempts: 0,
        ...(used ? { recovery_codes: JSON.stringify(user.recovery_codes.filter((c) => c !== used)) } : {}),
      });
      await this.audit.record(tx, actor, {
        action: 'auth.totp.verify',
        objectType: 'user',
        objectId: user.id,
        detail: used ? { recoveryCode: true } : undefined,
      });
    });
    return this.auth.advance(session, true);
  }
}
