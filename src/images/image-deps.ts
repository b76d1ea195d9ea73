// What images adds to the kernel's `Deps` (TypeScript declaration merging): the kernel names no
// feature, yet every route and service that is handed `Deps` sees images' access rule with the
// extensions src/app/app-deps.ts wired into it.

import type { ImageAccess } from './image-access.service.js';

declare module '../kernel/deps.js' {
  interface Deps {
    /** Who may see an image (Image API, image list, manifests, catalogue thumbnails). */
    readonly imageAccess: ImageAccess;
  }
}
