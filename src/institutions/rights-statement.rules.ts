// The rights statement an institution sets for the images of its published records (使用条件):
// open, on-site only (仅限馆内阅览) or metadata only (仅元数据). Records are public once published
// whatever the statement; it governs the page images — who is sent them, and what the IIIF manifest
// says about them.

/** Statements an institution may choose, in the order a form offers them; `open` is the default. */
export const RIGHTS_STATEMENTS = ['open', 'on_site', 'metadata_only'] as const;
export type RightsStatement = (typeof RIGHTS_STATEMENTS)[number];

export const DEFAULT_RIGHTS_STATEMENT: RightsStatement = 'open';

/**
 * The rightsstatements.org statement of a restricted institution's images. Ancient books are out of
 * copyright; what limits their use is the holder's protection of cultural heritage, which is what
 * "No Copyright – Other Known Legal Restrictions" says. Presentation 3.0 requires `rights` to be a
 * Creative Commons or rightsstatements.org URI, so the particular restriction goes into the
 * manifest's `requiredStatement` in words.
 */
export const RESTRICTED_RIGHTS_URI = 'http://rightsstatements.org/vocab/NoC-OKLR/1.0/';

interface StatementText {
  readonly labelZh: string;
  readonly labelEn: string;
  /** The sentence a reader sees beside the record (page, manifest). */
  readonly termsZh: string;
  readonly termsEn: string;
}

export const RIGHTS_STATEMENT_TEXT: Readonly<Record<RightsStatement, StatementText>> = {
  open: {
    labelZh: '开放获取',
    labelEn: 'Open access',
    termsZh: '图像公开提供，可在线阅览与下载，请注明收藏单位。',
    termsEn:
      'Images are freely available to read and download online; please credit the holding institution.',
  },
  on_site: {
    labelZh: '仅限馆内阅览',
    labelEn: 'On-site only',
    termsZh: '图像仅限在收藏单位馆内阅览，不在线公开提供。',
    termsEn: "Images may be read on the holding institution's premises only; they are not offered online.",
  },
  metadata_only: {
    labelZh: '仅元数据',
    labelEn: 'Metadata only',
    termsZh: '收藏单位仅公开著录信息，不提供图像。',
    termsEn: 'The holding institution publishes the catalogue description only, without images.',
  },
};

/** Whether the public (anyone, signed in or not) is sent the images of published records under this statement. */
export function imagesArePublic(statement: RightsStatement): boolean {
  return statement === 'open';
}

/** Whether the institution's reading-room networks matter under this statement (who reads on site). */
export function usesOnSiteNetworks(statement: RightsStatement): boolean {
  return statement === 'on_site';
}

/**
 * Whether a manifest shown to someone who may not see the images still names their image
 * services: on-site only does (the book's pages exist and the reading room reaches them), metadata
 * only describes the book alone.
 */
export function manifestKeepsImageServices(statement: RightsStatement): boolean {
  return statement !== 'metadata_only';
}

/** The `rights` URI of a manifest: the configured licence of open images, else the restricted statement. */
export function rightsUri(statement: RightsStatement, openRightsUri: string): string {
  return imagesArePublic(statement) ? openRightsUri : RESTRICTED_RIGHTS_URI;
}

/** Whether a stored or submitted value is a known statement. */
export function isRightsStatement(value: unknown): value is RightsStatement {
  return (RIGHTS_STATEMENTS as readonly unknown[]).includes(value);
}
