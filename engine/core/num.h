/* num.h: whole numbers typed by a person (options, turn numbers, environment variables), parsed with range checks. */
#ifndef SP_NUM_H
#define SP_NUM_H

/* 1 when s is a whole decimal number (blanks around it allowed, nothing
 * else) within lo..hi, stored in *out; 0 otherwise: no digits, trailing
 * text, overflow (strtol's ERANGE) or out of range. Never truncates:
 * "4294967297" is not 1 for an int. */
int sp_num_parse(const char *s, long lo, long hi, long *out);

#endif
