import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationTemplates, smtpNotifier } from '../../../src/adapters/smtp/index.js';
import { PassrotateError } from '../../../src/errors.js';
import type { LocaleId, PasswordNotification, PasswordNotificationKind } from '../../../src/index.js';
import { adminSetPassword, changeOwnPassword } from '../../../src/index.js';
import { parseMail } from '../../support/mail-message.js';
import { type PostfixInstance, postfixBinary, startPostfix } from '../../support/postfix.js';
import { ALICE, ALICE_PASSWORD, fixture } from '../../support/rotation-fixture.js';

const LOCALES: readonly LocaleId[] = ['en', 'de', 'fr', 'nl', 'es'];
const AT = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-15T09:30:00Z');
const RESET_URL = 'https://mail.example.org/reset#token=Zq8v-reset-token-0123456789';
const SECRET = 'Garnet-Falcon-41';

/** One notification of every kind for `account`. */
function everyKind(account: string): readonly PasswordNotification[] {
  const base = { account, at: AT, actor: 'self' };
  return [
    { ...base, kind: 'password_changed' },
    { ...base, kind: 'password_set_by_admin', actor: 'admin@example.org' },
    { ...base, kind: 'password_expired', actor: 'system' },
    { ...base, kind: 'password_expiring', actor: 'system', expiresAt: LATER },
    { ...base, kind: 'password_reset_requested', url: RESET_URL, expiresAt: LATER },
    { ...base, kind: 'app_password_created', label: 'Phone (K-9 Mail)' },
  ];
}

/** Hand-written subjects, so a wrong-locale or swapped template fails here. */
const SUBJECTS: Record<LocaleId, Record<PasswordNotificationKind, string>> = {
  en: {
    password_changed: 'Your password was changed',
    password_set_by_admin: 'Your password was reset by an administrator',
    password_expired: 'Your password has expired',
    password_expiring: 'Your password expires soon',
    password_reset_requested: 'Reset your password',
    app_password_created: 'A new app password was created',
  },
  de: {
    password_changed: 'Ihr Passwort wurde geändert',
    password_set_by_admin: 'Ihr Passwort wurde von einem Administrator zurückgesetzt',
    password_expired: 'Ihr Passwort ist abgelaufen',
    password_expiring: 'Ihr Passwort läuft bald ab',
    password_reset_requested: 'Passwort zurücksetzen',
    app_password_created: 'Ein neues App-Passwort wurde erstellt',
  },
  fr: {
    password_changed: 'Votre mot de passe a été modifié',
    password_set_by_admin: 'Votre mot de passe a été réinitialisé par un administrateur',
    password_expired: 'Votre mot de passe a expiré',
    password_expiring: 'Votre mot de passe expire bientôt',
    password_reset_requested: 'Réinitialisez votre mot de passe',
    app_password_created: "Un nouveau mot de passe d'application a été créé",
  },
  nl: {
    password_changed: 'Uw wachtwoord is gewijzigd',
    password_set_by_admin: 'Uw wachtwoord is opnieuw ingesteld door een beheerder',
    password_expired: 'Uw wachtwoord is verlopen',
    password_expiring: 'Uw wachtwoord verloopt binnenkort',
    password_reset_requested: 'Stel uw wachtwoord opnieuw in',
    app_password_created: 'Er is een nieuw app-wachtwoord aangemaakt',
  },
  es: {
    password_changed: 'Su contraseña ha sido cambiada',
    password_set_by_admin: 'Un administrador ha restablecido su contraseña',
    password_expired: 'Su contraseña ha caducado',
    password_expiring: 'Su contraseña caduca pronto',
    password_reset_requested: 'Restablezca su contraseña',
    app_password_created: 'Se ha creado una nueva contraseña de aplicación',
  },
};

/** A word of each locale's greeting, to tell the body's language apart. */
const GREETING: Record<LocaleId, string> = {
  en: 'Hello,',
  de: 'Guten Tag,',
  fr: 'Bonjour,',
  nl: 'Hallo,',
  es: 'Hola:',
};

const mailboxOf = (locale: LocaleId): string => `owner-${locale}@example.org`;

describe.skipIf(postfixBinary === undefined)(
  'smtpNotifier through a real Postfix',
  { timeout: 60_000 },
  () => {
    let postfix: PostfixInstance;
    beforeAll(async () => {
      postfix = await startPostfix({
        mailboxes: [
          ...LOCALES.map(mailboxOf),
          'helpdesk@example.org',
          'recovery@example.org',
          'eve@example.org',
          'mallory@example.org',
          ALICE,
        ],
      });
    });
    afterAll(async () => {
      await postfix?.stop();
    });

    it('delivers every kind in each of the five locales with sane headers and no secret but the reset link', async () => {
      const locales = new Map(LOCALES.map((locale) => [mailboxOf(locale), locale]));
      const notifier = smtpNotifier({
        smtp: { host: '127.0.0.1', port: postfix.smtpPort, secure: false, ignoreTLS: true },
        from: 'Example Mail <no-reply@example.org>',
        localeOf: (account) => locales.get(account) ?? 'en',
      });
      try {
        for (const locale of LOCALES) {
          for (const notification of everyKind(mailboxOf(locale))) await notifier.notify(notification);
        }
      } finally {
        notifier.close();
      }
      for (const locale of LOCALES) {
        const account = mailboxOf(locale);
        const mails = (await postfix.waitForMessages(account, 6)).map(parseMail);
        const bySubject = new Map(mails.map((mail) => [mail.header('subject'), mail]));
        for (const notification of everyKind(account)) {
          const mail = bySubject.get(SUBJECTS[locale][notification.kind]);
          expect(mail, `${locale} ${notification.kind}: ${[...bySubject.keys()].join(' | ')}`).toBeDefined();
          if (!mail) continue;
          expect(mail.header('from')).toBe('Example Mail <no-reply@example.org>');
          expect(mail.header('to')).toBe(account);
          expect(mail.header('content-language')).toBe(locale);
          expect(mail.header('auto-submitted')).toBe('auto-generated');
          expect(mail.header('message-id')).toMatch(/^<[^\s<>]+@[^\s<>]+>$/);
          expect(mail.header('date')).toMatch(/\d{4}/);
          expect(mail.header('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
          expect(mail.headers.has('bcc')).toBe(false);
          expect(mail.headers.get('delivered-to')).toEqual([account]);
          expect(mail.text.startsWith(GREETING[locale])).toBe(true);
          expect(mail.text).toContain(account);
          expect(mail.text).not.toContain(SECRET);
          expect(mail.text.includes(RESET_URL)).toBe(notification.kind === 'password_reset_requested');
        }
        const expiring = bySubject.get(SUBJECTS[locale].password_expiring);
        // The expiry date is written in the mail's language (15 March 2026 → "15" and the year at least).
        expect(expiring?.text).toMatch(/15.*2026|2026.*15/);
        expect(bySubject.get(SUBJECTS[locale].app_password_created)?.text).toContain('Phone (K-9 Mail)');
        expect(bySubject.get(SUBJECTS[locale].password_set_by_admin)?.text).toContain('admin@example.org');
      }
    });

    it('sends to recipientOf(account) through an injected nodemailer transport', async () => {
      const nodemailer = await import('nodemailer');
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: postfix.smtpPort,
        secure: false,
        ignoreTLS: true,
      });
      const notifier = smtpNotifier({
        transport,
        from: { name: 'Mail service', address: 'no-reply@example.org' },
        locale: 'de',
        recipientOf: () => 'helpdesk@example.org',
      });
      await notifier.notify({
        kind: 'password_changed',
        account: 'nobody@example.net',
        at: AT,
        actor: 'self',
      });
      transport.close();
      const [raw] = await postfix.waitForMessages('helpdesk@example.org', 1);
      const mail = parseMail(raw ?? '');
      expect(mail.header('subject')).toBe('Ihr Passwort wurde geändert');
      expect(mail.text).toContain('nobody@example.net');
    });

    it("sends a reset link to the notification's recipient in its locale, and refuses a crafted recipient", async () => {
      const notifier = smtpNotifier({
        smtp: { host: '127.0.0.1', port: postfix.smtpPort, secure: false, ignoreTLS: true },
        from: 'no-reply@example.org',
        locale: 'en',
      });
      const reset = {
        kind: 'password_reset_requested',
        account: 'nobody@example.net',
        at: AT,
        actor: 'self',
        url: 'https://mail.example.org/reset/0123',
        expiresAt: AT,
      } as const;
      for (const recipient of [
        'recovery@example.org\r\nBcc: eve@example.org',
        'recovery@example.org, eve@example.org',
      ]) {
        await expect(notifier.notify({ ...reset, recipient })).rejects.toMatchObject({
          code: 'invalid_recipient',
        });
      }
      await notifier.notify({ ...reset, recipient: 'recovery@example.org', locale: 'fr' });
      notifier.close();
      const delivered = await postfix.waitForMessages('recovery@example.org', 1);
      const mail = parseMail(delivered.at(-1) ?? '');
      expect(mail.header('content-language')).toBe('fr');
      expect(mail.text).toContain('https://mail.example.org/reset/0123');
      await new Promise((r) => setTimeout(r, 300));
      expect(postfix.messages('eve@example.org')).toHaveLength(0);
    });

    it('refuses a crafted account or sender that would inject a header or a second recipient', async () => {
      expect(() =>
        smtpNotifier({ smtp: 'smtp://127.0.0.1:1', from: 'Mail\r\nBcc: eve@example.org <a@example.org>' }),
      ).toThrow(TypeError);
      expect(() =>
        smtpNotifier({
          smtp: 'smtp://127.0.0.1:1',
          from: { name: 'Mail\nBcc: eve@example.org', address: 'a@example.org' },
        }),
      ).toThrow(TypeError);
      const notifier = smtpNotifier({
        smtp: { host: '127.0.0.1', port: postfix.smtpPort, secure: false, ignoreTLS: true },
        from: 'no-reply@example.org',
      });
      for (const account of [
        'mallory@example.org\r\nBcc: eve@example.org',
        'mallory@example.org, eve@example.org',
        'Mallory <mallory@example.org>',
        'mallory@example.org\neve@example.org',
      ]) {
        const sent = notifier.notify({ kind: 'password_changed', account, at: AT, actor: 'self' });
        await expect(sent).rejects.toBeInstanceOf(PassrotateError);
        await expect(sent).rejects.toMatchObject({ code: 'invalid_recipient' });
      }
      // A clean one afterwards proves the instance delivers, so the empty mailboxes mean "refused".
      await notifier.notify({
        kind: 'password_changed',
        account: 'mallory@example.org',
        at: AT,
        actor: 'self',
      });
      notifier.close();
      await postfix.waitForMessages('mallory@example.org', 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(postfix.messages('mallory@example.org')).toHaveLength(1);
      expect(postfix.messages('eve@example.org')).toHaveLength(0);
    });

    it('refuses a template whose subject holds a line break', async () => {
      const broken = {
        ...notificationTemplates,
        en: {
          ...notificationTemplates.en,
          password_changed: () => ({ subject: 'Changed\r\nBcc: eve@example.org', text: 'x' }),
        },
      };
      const notifier = smtpNotifier({
        smtp: 'smtp://127.0.0.1:1',
        from: 'no-reply@example.org',
        templates: broken,
      });
      await expect(
        notifier.notify({ kind: 'password_changed', account: 'mallory@example.org', at: AT, actor: 'self' }),
      ).rejects.toThrow(TypeError);
    });

    it('mails the owner "password changed" after changeOwnPassword, then "reset by an administrator" after adminSetPassword', async () => {
      const f = await fixture();
      const notifier = smtpNotifier({
        smtp: { host: '127.0.0.1', port: postfix.smtpPort, secure: false, ignoreTLS: true },
        from: 'Example Mail <no-reply@example.org>',
        locale: 'fr',
      });
      const deps = { ...f.deps, notifier };
      const NEW = 'Copper-Willow-58';
      const changed = await changeOwnPassword(deps, {
        account: ALICE,
        currentPassword: ALICE_PASSWORD,
        newPassword: NEW,
        confirmation: NEW,
      });
      expect(changed.ok).toBe(true);
      const [first] = (await postfix.waitForMessages(ALICE, 1)).map(parseMail);
      expect(first?.header('subject')).toBe('Votre mot de passe a été modifié');
      expect(first?.header('to')).toBe(ALICE);
      expect(first?.text).toContain(ALICE);

      const ADMIN_SET = 'Amber-Harbor-93';
      const set = await adminSetPassword(deps, {
        account: ALICE,
        password: ADMIN_SET,
        actor: { name: 'admin@example.org', domains: ['example.org'] },
      });
      expect(set.ok).toBe(true);
      const mails = (await postfix.waitForMessages(ALICE, 2)).map(parseMail);
      expect(mails[1]?.header('subject')).toBe('Votre mot de passe a été réinitialisé par un administrateur');
      expect(mails[1]?.text).toContain('admin@example.org');
      notifier.close();
      for (const mail of mails) {
        for (const secret of [ALICE_PASSWORD, NEW, ADMIN_SET]) expect(mail.text).not.toContain(secret);
      }
      expect(f.audit.events.some((e) => e.type === 'notification_failed')).toBe(false);
    });

    it('keeps the change and audits notification_failed when the MTA refuses the connection', async () => {
      const f = await fixture();
      const notifier = smtpNotifier({
        smtp: { host: '127.0.0.1', port: 1, secure: false, ignoreTLS: true, connectionTimeout: 2000 },
        from: 'no-reply@example.org',
      });
      const NEW = 'Copper-Willow-58';
      const changed = await changeOwnPassword(
        { ...f.deps, notifier },
        { account: ALICE, currentPassword: ALICE_PASSWORD, newPassword: NEW, confirmation: NEW },
      );
      notifier.close();
      expect(changed.ok).toBe(true);
      expect(await f.passwordWorks(NEW)).toBe(true);
      expect(f.audit.events.filter((e) => e.type === 'notification_failed')).toMatchObject([
        { account: ALICE, details: { kind: 'password_changed' } },
      ]);
    });
  },
);
