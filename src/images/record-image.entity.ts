import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CensusRecordSchema } from '../census/census-record.entity.js';

export const IMAGE_STATUSES = ['processing', 'ready', 'failed'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];
export const IMAGE_FORMATS = ['tiff', 'jpeg', 'png'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/**
 * One page image of a census record. The master lives in the object store under `masterKey`;
 * derivatives (pyramid levels, tiles, thumbnails) are produced by background jobs and the image
 * reports `processing` until they exist. `sequence` is the 1-based reading order within the record.
 */
export const RecordImageSchema = defineEntity({
  name: 'RecordImage',
  tableName: 'record_image',
  uniques: [
    {
      name: 'record_image_record_sequence_unique',
      properties: ['record', 'sequence'],
      // Deferred so a reorder can swap sequences inside one transaction without tripping the constraint mid-way.
      deferMode: 'deferred',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    record: () => p.manyToOne(CensusRecordSchema).index(),
    sequence: p.integer(),
    label: p.string().length(100),
    status: p.enum([...IMAGE_STATUSES]).default('processing'),
    error: p.text().nullable(),
    width: p.integer(),
    height: p.integer(),
    format: p.enum([...IMAGE_FORMATS]),
    sizeBytes: p.bigint('number'),
    sha256: p.string().length(64),
    masterKey: p.string().length(300),
    originalFilename: p.string().length(300),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type RecordImage = InferEntity<typeof RecordImageSchema>;
