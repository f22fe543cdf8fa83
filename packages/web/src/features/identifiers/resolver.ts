// The node's https resolver form of a handle, `https://<host>/<handle>` (as hdl.handle.net does): the server
// sends a browser on to /trace/<handle> and a program to the JSON (API-NOTES.md, "Resolver URL for QR codes").
export const resolverUrl = (handle: string, origin = window.location.origin) => `${origin}/${encodeURI(handle)}`;

/** The public trace page of a handle inside this app. */
export const tracePath = (handle: string) => `/trace/${encodeURI(handle)}`;
