/**
 * One plan file as the shared store holds it, without its bytes: its name in the plans folder, the SHA-256 of its
 * bytes (hex), and the store's version of the change (a removed file is a tombstone: `sha256` null).
 */
export type PlanFileChange = {
  /** The file's name in the plans folder ("kh-158.docx", "kh-158-phu-luc.xlsx"), no folder. */
  name: string;
  /** Hex SHA-256 of the bytes; null when the file was removed. */
  sha256: string | null;
  /** Bytes stored; 0 when removed. */
  size: number;
  /** Rises with every change to any file of the store: changes are read in this order. */
  version: number;
  changedAt: Date;
};

/** A stored file's bytes with their hash (as written; the reader checks them). */
export type PlanFileContent = { content: Buffer; sha256: string; version: number };

/**
 * Where uploaded plan files are kept when several instances share one store, so that a plan added on one reaches the
 * others (implemented by `store/`; every method answers through a Promise).
 */
export type PlanFileStore = {
  /** Stores `content` as file `name` (replacing it); the version of the change. */
  put(name: string, content: Buffer, sha256: string, now: Date): Promise<number>;
  /** Marks file `name` removed (a tombstone, so that other instances remove it too); its version, null when not stored. */
  remove(name: string, now: Date): Promise<number | null>;
  /** The latest state of every file changed after `version` (0: every file, tombstones included), by version. */
  changesSince(version: number): Promise<PlanFileChange[]>;
  /** The bytes of file `name`, undefined when it is not stored or removed. */
  read(name: string): Promise<PlanFileContent | undefined>;
};

/**
 * Tells the instance that the shared store's plan files changed elsewhere (PostgreSQL's LISTEN on the writer's
 * NOTIFY); the domain does not know how. `listen` resolves once listening; the function it gives stops it.
 */
export type PlanFileSignal = {
  listen(onChange: () => void, onLost: (err: Error) => void): Promise<() => Promise<void>>;
};
