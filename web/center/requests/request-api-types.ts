/** The answer to a submitted request: where to send the code to. */
export interface SubmitAnswer {
  readonly requestId: string;
  readonly verification: { readonly method: string; readonly expiresAt: string };
}

/** The answer to a right code or magic link: the secret that opens the status page. */
export interface VerifyAnswer {
  readonly status: string;
  readonly statusToken: string;
}

/** One step of a request as the requester sees it. */
export interface TimelineEntry {
  readonly at: string;
  readonly status?: string;
  /** The subject of a message we sent (in the person's language). */
  readonly message?: string;
  /** Why the step happened: a key of the message catalogue, with staff's words and a date where it has them. */
  readonly reason?: { readonly key: string; readonly text?: string; readonly date?: string };
}

/** A request as its status page shows it. */
export interface RequestStatusView {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly timeline: readonly TimelineEntry[];
  readonly download: { readonly available: boolean; readonly expiresAt?: string };
}

/** Where the package can be fetched once, for a short while. */
export interface DownloadAnswer {
  readonly url: string;
}
