// How many leaves (叶) a count of one book's leaves may say: more than any book holds (the longest
// bound works run to a few thousand leaves), and well inside the 32-bit integer columns that keep
// such counts, so a typo is named with the field instead of failing in the database.
export const MAX_LEAVES = 100_000;
