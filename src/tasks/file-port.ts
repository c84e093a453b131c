/** A file published under an unguessable name for a while (a chart Zalo fetches by URL). */
export type PublishedFile = { name: string; content: Buffer; mimeType: string; expiresAt: Date };

/**
 * The files published by URL, kept where every instance behind one address finds them: Zalo fetches a chart from the
 * address it was given, through the load balancer, so from any instance.
 */
export type PublishedFileStore = {
  /** Keeps the file until its `expiresAt`; files expired by `now` (any) are dropped. */
  put(file: PublishedFile, now: Date): Promise<void>;
  /** The file of that name, unless it expired by `now`. */
  get(name: string, now: Date): Promise<PublishedFile | undefined>;
};
