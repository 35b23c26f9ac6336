/** Rules shared by the forms that take a TOTP code. */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/** People paste codes with spaces ("123 456"); the server wants six digits. */
export const normalizeTotpCode = (value: string) => value.replace(/\s+/g, '');
