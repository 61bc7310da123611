import nodemailer from 'nodemailer';

/**
 * issue 20. The e-mail relay (legacy/mail/ is its stand-in), over SMTP with nodemailer. A production deployment
 * points SMTP_URL at its relay (`smtps://user:password@host:465`). Bodies are never logged: they carry links that
 * act for the user.
 */
export interface Mail { to: string; subject: string; text: string }
export interface Mailer {
  /** Resolves once the relay accepted the message; rejects otherwise. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(opts: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(opts.smtpUrl, { from: opts.from });
  return {
    async send(mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
