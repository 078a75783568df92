/** Files sent by the sidebar (base64) as Apps Script blobs, for Drive. */
export function blobFromBase64(
  base64: string,
  mimeType: string,
  name: string,
): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(Utilities.base64Decode(base64), mimeType, name);
}
