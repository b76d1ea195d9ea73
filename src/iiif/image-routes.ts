import type Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Deps } from '../kernel/deps.js';
import { imageInfo, type ImageDelivery } from './image-delivery.service.js';
import type { DeliverableImage } from './image-delivery.repository.js';
import {
  isImageRequestError,
  parseImageRequest,
  planImageRequest,
  type ImageRequestError,
} from '../domain/iiif/image-request.rules.js';
import { IIIF_LIMITS } from '../domain/iiif/image-service.config.js';
import { imagesArePublic, RIGHTS_STATEMENT_TEXT } from '../institutions/rights-statement.rules.js';
import { RenderDeadlineError, RenderQueue, RenderQueueFullError } from './render-queue.js';
import { matchesEtag } from '../http-cache/shared-response.rules.js';

const CONTEXT = 'http://iiif.io/api/image/3/context.json';
/** Where the Image API lives: every path under it is one of the routes below. */
export const IIIF_IMAGE_PREFIX = '/iiif/3/';
const PROFILE_LINK = '<http://iiif.io/api/image/3/level2.json>;rel="profile"';
const MEDIA_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

function cors(ctx: ParameterizedContext): void {
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Access-Control-Expose-Headers', 'Link, ETag');
  // helmet's default (same-origin) would stop viewers on other sites from showing the images.
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
}

function fail(ctx: ParameterizedContext, status: number, code: string, zh: string, en: string): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { error: { code, message: `${zh} / ${en}`, messageZh: zh, messageEn: en } };
}

function badRequest(ctx: ParameterizedContext, error: ImageRequestError): void {
  fail(ctx, 400, error.code, error.messageZh, error.message);
  (ctx.body as { error: Record<string, unknown> }).error.parameter = error.parameter;
}

/** Looks the image up and checks access; answers 404/401/403 itself and returns undefined then. */
async function visibleImage(
  ctx: ParameterizedContext,
  deps: IiifImageDeps,
  id: string,
): Promise<DeliverableImage | undefined> {
  const image = await deps.imageDelivery.find(ctx.state.em, id);
  if (!image) {
    fail(ctx, 404, 'NOT_FOUND', `图像 ${id} 不存在`, `Image ${id} not found`);
    return undefined;
  }
  const access = await deps.imageAccess.decide(ctx.state.em, ctx.state.actor ?? null, image, ctx.ip);
  if (access === 'unauthenticated') {
    fail(
      ctx,
      401,
      'UNAUTHENTICATED',
      '该图像所属记录尚未发布，需要登录',
      'The record is not published: log in to see its images',
    );
    return undefined;
  }
  if (access === 'restricted') {
    const terms = RIGHTS_STATEMENT_TEXT[image.rights];
    fail(
      ctx,
      403,
      'IMAGE_RESTRICTED',
      `该书图像不向公众提供（收藏单位规定：${terms.labelZh}）。${terms.termsZh}`,
      `This book's images are not offered to the public (the holding institution's rights statement: ${terms.labelEn}). ${terms.termsEn}`,
    );
    return undefined;
  }
  if (access === 'forbidden') {
    fail(ctx, 403, 'FORBIDDEN', '无权查看该图像', 'You may not see this image');
    return undefined;
  }
  return image;
}

function caching(
  ctx: ParameterizedContext,
  image: DeliverableImage,
  etag: string,
  vary = 'Authorization, Cookie',
): boolean {
  ctx.set('ETag', etag);
  // Published images may sit in shared caches; others only in the reader's own browser (restricted
  // ones are sent because of who asks or where from: on-site readers too).
  const isPublic = image.published && imagesArePublic(image.rights);
  ctx.set('Cache-Control', isPublic ? 'public, max-age=86400' : 'private, max-age=3600');
  ctx.set('Vary', vary);
  if (matchesEtag(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    return true;
  }
  return false;
}

/** Renders the service runs with its configured bounds (the app's own unless the caller passes one). */
export function renderQueueFor(config: Deps['config']): RenderQueue {
  return new RenderQueue({
    concurrency: config.iiif.renderConcurrency,
    queue: config.iiif.renderQueue,
    timeoutMs: config.iiif.renderTimeoutMs,
  });
}

// Busy answers: the client may retry soon, shared caches must not keep them.
function busy(ctx: ParameterizedContext, error: RenderQueueFullError | RenderDeadlineError): void {
  ctx.set('Retry-After', '5');
  if (error instanceof RenderQueueFullError) {
    return fail(
      ctx,
      503,
      'RENDER_QUEUE_FULL',
      '图像服务繁忙（渲染队列已满），请稍后再试',
      'The image service is busy (render queue full); try again shortly',
    );
  }
  fail(
    ctx,
    503,
    'RENDER_TIMEOUT',
    '该图像请求未能在时限内完成，请稍后再试或请求较小的尺寸',
    'The image request could not be rendered in time; try again later or ask for a smaller size',
  );
}

/** What the image routes need: the kernel's collaborators, the app's delivery and, optionally, a shared render queue. */
export interface IiifImageDeps extends Deps {
  /** Delivery with its lookups, response cache, pyramid cache and tile-pack reader (one per app). */
  readonly imageDelivery: ImageDelivery;
  /** Bounds IIIF renders; absent: the routes make their own from the configuration. */
  readonly imageRenders?: RenderQueue;
}

/** Mounts the IIIF Image API 3.0 (level 2) at /iiif/3/{imageId}. */
export function mountIiifImage(router: Router, deps: IiifImageDeps): void {
  const base = `${deps.config.publicUrl}/iiif/3`;
  const limits = {
    ...IIIF_LIMITS,
    maxArea: deps.config.iiif.maxArea,
    maxRotatedArea: deps.config.iiif.maxRotatedArea,
  };
  const renders = deps.imageRenders ?? renderQueueFor(deps.config);

  // CORS preflight: viewers on other sites send one before a request with Authorization (images
  // of unpublished records) or If-None-Match; without the allow headers the browser stops there.
  router.options(
    ['/iiif/3/:id', '/iiif/3/:id/info.json', '/iiif/3/:id/:region/:size/:rotation/:file'],
    (ctx) => {
      cors(ctx);
      ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'Accept, Authorization, If-None-Match');
      ctx.set('Access-Control-Max-Age', '86400');
      ctx.status = 204;
    },
  );

  router.get('/iiif/3/:id', async (ctx) => {
    cors(ctx);
    ctx.status = 303;
    ctx.redirect(`${base}/${encodeURIComponent(ctx.params.id!)}/info.json`);
    ctx.status = 303;
  });

  router.get('/iiif/3/:id/info.json', async (ctx) => {
    cors(ctx);
    const image = await visibleImage(ctx, deps, ctx.params.id!);
    if (!image) return;
    ctx.set('Link', PROFILE_LINK);
    // A viewer opening this page will turn to the next ones: have their tiles ready.
    if (image.status === 'ready') deps.imageDelivery.warmNextPages(ctx.state.em.fork(), image);
    // Its media type follows Accept (JSON-LD or JSON): a cache must key on that too.
    if (caching(ctx, image, `"${image.sha256.slice(0, 24)}-info"`, 'Accept, Authorization, Cookie')) return;
    const wantsLd = /application\/ld\+json/.test(ctx.get('Accept'));
    ctx.type = wantsLd ? `application/ld+json;profile="${CONTEXT}"` : 'application/json';
    ctx.body = imageInfo(`${base}/${image.id}`, image, limits);
  });

  router.get('/iiif/3/:id/:region/:size/:rotation/:file', async (ctx) => {
    cors(ctx);
    const { id, region, size, rotation, file } = ctx.params as Record<string, string>;
    const dot = file!.lastIndexOf('.');
    const parsed = parseImageRequest({
      region: region!,
      size: size!,
      rotation: rotation!,
      quality: dot < 0 ? file! : file!.slice(0, dot),
      format: dot < 0 ? '' : file!.slice(dot + 1),
    });
    // Syntax first, without a database query: malformed requests are 400 whatever the image.
    if (isImageRequestError(parsed)) return badRequest(ctx, parsed);
    const image = await visibleImage(ctx, deps, id!);
    if (!image) return;
    const plan = planImageRequest(parsed, image, limits);
    if (isImageRequestError(plan)) return badRequest(ctx, plan);
    if (image.status !== 'ready') {
      ctx.set('Retry-After', '5');
      return fail(
        ctx,
        503,
        image.status === 'failed' ? 'IMAGE_FAILED' : 'IMAGE_PROCESSING',
        image.status === 'failed' ? '该图像的衍生图生成失败' : '图像仍在处理中，请稍后再试',
        image.status === 'failed'
          ? 'Building the derivatives of this image failed'
          : 'The image is still being processed',
      );
    }
    ctx.set('Link', `<${base}/${image.id}/${plan.canonical.path}>;rel="canonical", ${PROFILE_LINK}`);
    if (caching(ctx, image, `"${image.sha256.slice(0, 24)}-${plan.canonical.path}"`)) return;
    try {
      ctx.body = await deps.imageDelivery.bytes(renders, image, plan);
    } catch (error) {
      if (error instanceof RenderQueueFullError || error instanceof RenderDeadlineError) {
        ctx.remove('ETag');
        ctx.remove('Link');
        return busy(ctx, error);
      }
      throw error;
    }
    ctx.type = MEDIA_TYPES[plan.format]!;
  });
}
