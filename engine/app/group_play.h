/* group_play.h: `samenspel play --projector --choices SCRIPT`: a group play driven by a script of votes, overrides and red flags, through the same facilitator flow as the wall. */
#ifndef SP_GROUP_PLAY_H
#define SP_GROUP_PLAY_H

/*
 * The script holds one command a line ('#' starts a comment):
 *
 *   votes 3 5 1      the room's count per option, in the order shown (A, B, C);
 *                    the majority is taken, unless the next line says
 *   override 3       take option 3 (or C) instead: against the room, or
 *   pick 1           between tied options (a tie needs one of the two)
 *   choose 2 | 2     the facilitator takes option 2 without a vote
 *   flag RF-ID       mark a red flag the room calls out (red-flag round)
 *   reveal           show the feedback of the decision just taken
 *   undo             take back the last choice or flag
 *
 * With --phones (phones: 1; listen: ADDR:PORT or NULL for the LAN address)
 * the room's phones vote too (net/phones.h); the address and room code go to
 * stderr, and two more commands wait for them:
 *
 *   phones 3         open the vote on the phones, wait until 3 votes are in
 *   phones 3 + 1 0   (at most 20 s), close it and take the majority of the
 *                    phones' counts plus the typed ones after '+'; an
 *                    'override' or 'pick' line may follow, as after 'votes'
 *   phone-flags      the red flags the phones spotted, as a heat list
 *
 * It prints each decision with its votes and what was taken, the debrief
 * and how the room voted (read back from the saved transcript, mode
 * "group"), and returns an exit code (commands.h).
 */
int sp_cli_group_play(const char *what, const char *script_path, int phones, const char *listen);

#endif
