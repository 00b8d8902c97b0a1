// Transaction origins on the device's docs. Everything that is neither REMOTE
// nor y-dexie loading from IndexedDB is a local change and must be confirmed.
export const REMOTE = Symbol('remote');
export const LOCAL = Symbol('local');
