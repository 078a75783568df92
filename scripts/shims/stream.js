// papaparse only reaches for Node's "stream" to parse Node streams, which Apps Script has not.
export const Duplex = undefined;
