/**
 * The document's cache, asked of CacheService once per execution: the reference lists and the
 * count to chase both use it, and each `getDocumentCache` is one more service call.
 */
import type { Context } from './context';

const handles = new WeakMap<Context, GoogleAppsScript.Cache.Cache | null>();

export function documentCache(ctx: Context): GoogleAppsScript.Cache.Cache | null {
  if (!handles.has(ctx)) handles.set(ctx, CacheService.getDocumentCache());
  return handles.get(ctx) ?? null;
}
