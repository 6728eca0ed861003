/**
 * Messages between the parties of a deal. A thread belongs to an accepted interest or proposal: its
 * parties are the listing's owner and the sender, and the broker of any contract that names that
 * interest. Nobody else reads or writes it — not even the bureau, whose view of a deal is the contract.
 */
import * as z from 'zod';
import { text } from './listing-common';

export const postMessageBody = z
  .object({
    body: text(1, 4000).describe('The message, plain text'),
  })
  .strict();

export const messageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  /** 1, 2, 3 … within the thread: the order, and the count unread markers compare with. */
  seq: z.number().int().min(1),
  authorSub: z.string(),
  authorName: z.string(),
  authorOrgId: z.string(),
  authorOrgName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type Message = z.infer<typeof messageSchema>;

export type ThreadRole = 'owner' | 'sender' | 'broker';

export interface ThreadParty {
  orgId: string;
  orgName: string;
  role: ThreadRole;
}

/** One thread as an organisation's list shows it, with what this person has not read yet. */
export interface ThreadSummary {
  threadId: string;
  title: string;
  listingKind: 'achievement' | 'need';
  parties: ThreadParty[];
  messageCount: number;
  lastMessageAt: string | null;
  unread: number;
}
