// Schema messages carry both languages in one string (zod keeps a single message per issue);
// the separator is a control character so it never collides with catalogue text.
const SEPARATOR = '\u001f';

/** Packs a Chinese and an English message into one schema message. */
export function bilingual(zh: string, en: string): string {
  return `${zh}${SEPARATOR}${en}`;
}

/** Unpacks a message made by `bilingual`; a plain message is returned as both. */
export function splitBilingual(message: string): { zh: string; en: string } | undefined {
  const at = message.indexOf(SEPARATOR);
  return at < 0 ? undefined : { zh: message.slice(0, at), en: message.slice(at + 1) };
}
