/**
 * The Drive advanced service (Drive API v3, userSymbol `Drive`): `Drive.Files.create`, `copy`,
 * `get`, `update`, `list`, `export` and `remove`, on the same store as DriveApp.
 *
 * What is pinned (tests in test/services/drive-api.test.ts), with where it comes from:
 * - errors are GoogleJsonResponseExceptions "API call to drive.files.<method> failed with
 *   error: <message>", e.g. "File not found: <id>." (as reported by Apps Script users for
 *   drive.files.copy / get; the API's notFound message);
 * - the `drive.file` scope: the app sees the files it created (or copied, or imported) and the
 *   spreadsheet it is bound to; any other file answers "File not found" as if it did not exist
 *   (Drive API "Choose scopes": drive.file is per-file access);
 * - `fields` selects what comes back; without it a file is {kind, id, name, mimeType} and a
 *   list {kind, incompleteSearch, files(kind,id,name,mimeType), nextPageToken} (the API's
 *   defaults; not confirmed for Apps Script's wrapper, which the adapters make moot by always
 *   asking for fields). A list whose `fields` leave out nextPageToken gets none, as the API does;
 * - `webViewLink` is the file's "open in Drive/Docs" link;
 * - copy applies the resource with patch semantics: appProperties are copied from the source and
 *   overridden key by key (a null value removes a key), as the API reference says;
 * - list returns trashed files too unless the query says `trashed = false`;
 * - export: the typings declare `export(fileId, mimeType): void` (the response has no JSON
 *   body); with `{alt: 'media'}` it returns the content as a Blob, as scripts use it. Not
 *   confirmed against the live service beyond those scripts;
 * - get with `{alt: 'media'}` downloads a binary file's Blob; a Google Doc cannot be downloaded
 *   (the API's message: "Only files with binary content can be downloaded. Use Export with Docs
 *   Editors files.").
 */
import type { CallLog } from '../instrument';
import { BlobImpl, blobOf, fakePdf } from './blob';
import { decodeBytes, encodeString, fromBase64, toBase64 } from './bytes';
import { exportHtml, exportText, importHtml } from './doc-html';
import { docText, plainDoc, type Block } from './doc-model';
import { MimeType, urlOf, type DriveItemRecord, type DriveStore } from './drive';
import { InvalidQuery, parseFields, parseQuery, selectFields } from './drive-query';
import { expose } from './exposed';
import { apiError } from './quotas';

type FileJson = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileListJson = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
type Args = Record<string, unknown> | undefined;

const GOOGLE_TYPE = 'application/vnd.google-apps.';
/**
 * Since 2020 an item of My Drive has exactly one parent; the API refuses to add a second
 * (reason cannotAddParent).
 */
const TOO_MANY_PARENTS = 'Increasing the number of parents is not allowed.';
const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
const DEFAULT_LIST_FIELDS = 'kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)';

function fail(method: string, code: number, message: string): Error {
  return apiError(`drive.files.${method}`, code, message);
}

function fileJson(store: DriveStore, item: DriveItemRecord): FileJson {
  const json: FileJson = {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    parents: [...item.parents],
    trashed: item.trashed,
    webViewLink: urlOf(item),
    createdTime: new Date(item.createdMs).toISOString(),
    modifiedTime: new Date(item.updatedMs).toISOString(),
    ownedByMe: true,
  };
  if (item.appProperties && Object.keys(item.appProperties).length > 0)
    json.appProperties = { ...item.appProperties };
  if (item.description !== null) json.description = item.description;
  if (!item.mimeType.startsWith(GOOGLE_TYPE)) json.size = String(fromBase64(item.content).length);
  if (item.id === store.rootId) delete json.parents;
  return json;
}

function fieldsOf(args: Args, fallback: string): string {
  const f = args?.fields;
  return typeof f === 'string' && f.trim() !== '' ? f : fallback;
}

/** appProperties with patch semantics: null removes a key, values are kept as strings. */
function patchProperties(
  current: Record<string, string> | undefined,
  patch: unknown,
): Record<string, string> | undefined {
  if (patch === undefined || patch === null) return current;
  const out = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null || v === undefined) delete out[k];
    else out[k] = String(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function idList(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** What Drive makes of an upload converted to a Google Doc. */
function convertedBlocks(blob: BlobImpl, method: string): Block[] {
  const type = (blob.getContentType() ?? '').split(';')[0]?.trim() ?? '';
  const text = decodeBytes(blob.rawBytes());
  if (type === MimeType.HTML) return importHtml(text);
  if (type === MimeType.PLAIN_TEXT) return plainDoc([text]);
  throw fail(
    method,
    400,
    `The emulator does not convert ${type || 'this content'} to a Google Doc.`,
  );
}

export function createDriveV3(log: CallLog, store: DriveStore): GoogleAppsScript.Drive {
  /** A file this app may see (drive.file), or the API's 404. */
  const visible = (method: string, id: unknown): DriveItemRecord => {
    const item = store.find(String(id));
    if (!item || item.foreign) throw fail(method, 404, `File not found: ${String(id)}.`);
    return item;
  };
  const parentsOf = (method: string, parents: unknown): string[] => {
    if (!Array.isArray(parents) || parents.length === 0) return [store.rootId];
    if (parents.length > 1) throw fail(method, 403, TOO_MANY_PARENTS);
    return parents.map((p) => {
      const parent = visible(method, p);
      if (parent.mimeType !== MimeType.FOLDER)
        throw fail(method, 404, `File not found: ${String(p)}.`);
      return parent.id;
    });
  };
  const answer = (item: DriveItemRecord, args: Args) =>
    selectFields(fileJson(store, item), parseFields(fieldsOf(args, DEFAULT_FILE_FIELDS)));

  const files = {
    create(
      resource: FileJson,
      mediaData?: GoogleAppsScript.Base.Blob,
      optionalArgs?: Args,
    ): FileJson {
      const r = resource ?? {};
      const blob = mediaData ? blobOf(mediaData) : null;
      const parents = parentsOf('create', r.parents);
      const mimeType = r.mimeType ?? blob?.getContentType() ?? 'application/octet-stream';
      const name = r.name ?? blob?.getName() ?? 'Untitled';
      let item: DriveItemRecord;
      if (mimeType === MimeType.FOLDER) {
        item = store.create('folder', name, MimeType.FOLDER, parents[0] ?? store.rootId);
      } else if (mimeType === MimeType.GOOGLE_DOCS) {
        const blocks = blob ? convertedBlocks(blob, 'create') : undefined;
        item = store.create(
          'file',
          name,
          MimeType.GOOGLE_DOCS,
          parents[0] ?? store.rootId,
          undefined,
          blocks,
        );
      } else if (mimeType.startsWith(GOOGLE_TYPE)) {
        throw fail('create', 400, `The emulator does not create files of type ${mimeType}.`);
      } else {
        item = store.create(
          'file',
          name,
          mimeType,
          parents[0] ?? store.rootId,
          blob?.rawBytes() ?? new Uint8Array(),
        );
      }
      item.parents = parents;
      item.appProperties = patchProperties(undefined, r.appProperties);
      if (typeof r.description === 'string') item.description = r.description;
      return answer(item, optionalArgs);
    },

    copy(resource: FileJson, fileId: string, optionalArgs?: Args): FileJson {
      const source = visible('copy', fileId);
      if (source.kind === 'folder')
        throw fail('copy', 403, 'This file cannot be copied by the user.');
      const r = resource ?? {};
      const parents = r.parents ? parentsOf('copy', r.parents) : [...source.parents];
      const item = store.copy(source, r.name ?? `Copy of ${source.name}`, parents);
      item.appProperties = patchProperties(source.appProperties, r.appProperties);
      if (typeof r.description === 'string') item.description = r.description;
      return answer(item, optionalArgs);
    },

    get(fileId: string, optionalArgs?: Args): FileJson | GoogleAppsScript.Base.Blob {
      const item = visible('get', fileId);
      if (optionalArgs?.alt === 'media') {
        if (item.mimeType.startsWith(GOOGLE_TYPE))
          throw fail(
            'get',
            403,
            'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
          );
        return new BlobImpl(log, fromBase64(item.content), item.mimeType, item.name).api;
      }
      return answer(item, optionalArgs);
    },

    update(
      resource: FileJson,
      fileId: string,
      mediaData?: GoogleAppsScript.Base.Blob,
      optionalArgs?: Args,
    ): FileJson {
      const item = visible('update', fileId);
      const r = resource ?? {};
      // Checked before any change: an update fails whole.
      const adding = idList(optionalArgs?.addParents).map((p) => parentsOf('update', [p])[0] ?? p);
      const removing = idList(optionalArgs?.removeParents);
      const kept = item.parents.filter((p) => !removing.includes(p));
      if (
        kept.length + adding.filter((p) => !kept.includes(p)).length >
        Math.max(1, item.parents.length)
      )
        throw fail('update', 403, TOO_MANY_PARENTS);
      const blob = mediaData ? blobOf(mediaData) : null;
      const blocks =
        blob && item.mimeType === MimeType.GOOGLE_DOCS ? convertedBlocks(blob, 'update') : null;
      if (typeof r.name === 'string') item.name = r.name;
      if (typeof r.trashed === 'boolean') item.trashed = r.trashed;
      if (typeof r.description === 'string') item.description = r.description;
      item.appProperties = patchProperties(item.appProperties, r.appProperties);
      item.parents = [
        ...item.parents.filter((p) => !removing.includes(p)),
        ...adding.filter((p) => !item.parents.includes(p)),
      ];
      if (blocks) store.setBlocks(item.id, blocks);
      else if (blob) item.content = toBase64(blob.rawBytes());
      store.touch(item);
      return answer(item, optionalArgs);
    },

    list(optionalArgs?: Args): FileListJson {
      let match: (i: DriveItemRecord) => boolean;
      try {
        match = parseQuery(typeof optionalArgs?.q === 'string' ? optionalArgs.q : undefined);
      } catch (e) {
        if (e instanceof InvalidQuery) throw fail('list', 400, 'Invalid Value');
        throw e;
      }
      const all = store
        .all()
        .filter((i) => !i.foreign && i.id !== store.rootId && match(i))
        .sort((a, b) => a.createdMs - b.createdMs);
      const size = Math.min(1000, Math.max(1, Number(optionalArgs?.pageSize ?? 100) || 100));
      const token = optionalArgs?.pageToken;
      let offset = 0;
      if (typeof token === 'string' && token !== '') {
        const m = /^emu-page-(\d+)$/.exec(token);
        if (!m) throw fail('list', 400, 'Invalid Value');
        offset = Number(m[1]);
      }
      const page = all.slice(offset, offset + size);
      const json: FileListJson = {
        kind: 'drive#fileList',
        incompleteSearch: false,
        files: page.map((i) => fileJson(store, i)),
      };
      if (offset + size < all.length) json.nextPageToken = `emu-page-${offset + size}`;
      return selectFields(json, parseFields(fieldsOf(optionalArgs, DEFAULT_LIST_FIELDS)));
    },

    export(
      fileId: string,
      mimeType: string,
      optionalArgs?: Args,
    ): GoogleAppsScript.Base.Blob | undefined {
      const item = visible('export', fileId);
      const doc = store.doc(item.id);
      if (!item.mimeType.startsWith(GOOGLE_TYPE) || !doc)
        throw fail('export', 403, 'Export only supports Docs Editors files.');
      let blob: BlobImpl;
      if (mimeType === MimeType.PDF)
        blob = new BlobImpl(
          log,
          fakePdf(item.name, docText(doc.blocks)),
          MimeType.PDF,
          `${item.name}.pdf`,
        );
      else if (mimeType === MimeType.HTML)
        blob = new BlobImpl(
          log,
          encodeString(exportHtml(item.name, doc.blocks)),
          MimeType.HTML,
          `${item.name}.html`,
        );
      else if (mimeType === MimeType.PLAIN_TEXT)
        blob = new BlobImpl(
          log,
          encodeString(exportText(doc.blocks)),
          MimeType.PLAIN_TEXT,
          `${item.name}.txt`,
        );
      else throw fail('export', 400, 'The requested conversion is not supported.');
      return optionalArgs?.alt === 'media' ? blob.api : undefined;
    },

    /** Permanent deletion (the API's files.delete; `delete` is a reserved word). */
    remove(fileId: string): void {
      const item = visible('delete', fileId);
      store.delete(item.id);
    },
  };
  const drive = { Files: expose(files, 'Drive.Files', log) };
  return expose<GoogleAppsScript.Drive>(drive as unknown as GoogleAppsScript.Drive, 'Drive', log);
}
